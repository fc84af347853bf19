/**
 * The knowledge graph's nodes, read from a subject's statements by the vocabulary table
 * (`rdf/vocab/`): each reads its record's row, then gives what the answers show — a label
 * when the data has none, a claim's citations as reference entries, a dose as written.
 */
import { CURATION_RULE } from "../lexicon/evidence-rules.ts";
import { type Props, readRow, type Subjects } from "../rdf/read/read-row.ts";
import { CLAIM } from "../rdf/vocab/claim-records.ts";
import type { RecordSpec, Row } from "../rdf/vocab/fields.ts";
import { DOCUMENT, ENTITY, type IDENTIFIER, REFERENCE, STUDY, WORK } from "../rdf/vocab/records.ts";
import { BIBO, CG, RDF } from "../rdf/vocab/vocabulary.ts";
import { citations } from "./citations.ts";
import { spacedLocalName } from "./local-name.ts";
import { studyNode } from "./study-node.ts";
import type {
  ClaimNode,
  DocumentNode,
  EntityNode,
  IdentifierInfo,
  NodeAttributes,
  ReferenceNode,
  WorkBibliographyInfo,
  WorkNode,
} from "./types.ts";

/** The records a node of the graph is, in the order a subject with several types is taken. */
const NODE_RECORDS = [CLAIM, ENTITY, REFERENCE, WORK, DOCUMENT, STUDY] as const;

/** True when a subject of these rdf:types is a node of `rec`: one of its classes, or a class among. */
export function isA(rec: RecordSpec, types: readonly string[]): boolean {
  return classesOf(rec).some((c) => types.includes(c));
}

/** Each class of a node record → the index in NODE_RECORDS of the first record it names. */
let NODE_CLASSES: ReadonlyMap<string, number> | undefined;

/** The node record of a subject of these rdf:types (as NODE_RECORDS.find(isA)), by lookup. */
function nodeRecord(types: readonly string[]): RecordSpec | undefined {
  if (NODE_CLASSES === undefined) {
    const classes = new Map<string, number>();
    NODE_RECORDS.forEach((rec, i) => {
      for (const c of classesOf(rec)) if (!classes.has(c)) classes.set(c, i);
    });
    NODE_CLASSES = classes;
  }
  let first: number = NODE_RECORDS.length;
  for (const t of types) first = Math.min(first, NODE_CLASSES.get(t) ?? first);
  return (NODE_RECORDS as readonly RecordSpec[])[first];
}

/** Each record's classes as IRIs (its types, then the classes among), listed once. */
const CLASSES = new WeakMap<RecordSpec, readonly string[]>();

function classesOf(rec: RecordSpec): readonly string[] {
  let classes = CLASSES.get(rec);
  if (classes === undefined) {
    const among = Object.values(rec.fields).find((f) => f.p.equals(RDF.type) && f.among)?.among;
    classes = [...rec.types.map((t) => t.value), ...(among ?? []).map((c) => CG.iri + c)];
    CLASSES.set(rec, classes);
  }
  return classes;
}

/** The node a subject is, or undefined; `rejected` when it is a claim the data gives too little of. */
export function readNode(
  iri: string,
  props: Props,
  subjects: Subjects,
): NodeAttributes | "rejected" | undefined {
  const types = (props.get(RDF.type.value) ?? []).map((t) => t.value);
  const rec = nodeRecord(types);
  switch (rec) {
    case CLAIM:
      return claimNode(iri, props, subjects) ?? "rejected";
    case ENTITY:
      return entityNode(iri, readRow(ENTITY, props, subjects) as Row<typeof ENTITY>);
    case REFERENCE:
      return referenceNode(iri, readRow(REFERENCE, props, subjects) as Row<typeof REFERENCE>);
    case WORK:
      return workNode(iri, readRow(WORK, props, subjects) as Row<typeof WORK>);
    case DOCUMENT:
      return documentNode(iri, readRow(DOCUMENT, props, subjects) as Row<typeof DOCUMENT>);
    case STUDY:
      return studyNode(iri, readRow(STUDY, props, subjects) as Row<typeof STUDY>, subjects);
    default:
      return undefined;
  }
}

function identifiers(
  rows: readonly (Row<typeof IDENTIFIER> & { iri: string })[],
): IdentifierInfo[] {
  return rows.map((row) => {
    const scheme = row.scheme ?? "";
    const id = row.id ?? "";
    return {
      scheme,
      id,
      curie: row.curie ?? `${scheme}:${id}`,
      confidence: row.confidence,
      unverified: row.unverified,
      source: row.source,
      stated: row.sources.includes("StatedByDocument"),
    };
  });
}

function entityNode(iri: string, row: Row<typeof ENTITY>): EntityNode {
  return {
    kind: "entity",
    iri,
    label: row.label ?? spacedLocalName(iri),
    type: row.type,
    synonyms: row.synonyms,
    unnormalised: row.unnormalised,
    identifiers: identifiers(row.identifiers),
  };
}

function claimNode(iri: string, props: Props, subjects: Subjects): ClaimNode | undefined {
  const row = readRow(CLAIM, props, subjects);
  if (!row || !("iri" in row.subject)) return undefined;
  const text = row.quote?.text;
  return {
    kind: "claim",
    iri,
    label: row.label ?? text?.exact ?? iri,
    claimType: row.claimType,
    subject: row.subject.iri,
    predicate: row.predicate,
    object: row.object,
    quote: text
      ? { exact: text.exact ?? "", prefix: text.prefix ?? "", suffix: text.suffix ?? "" }
      : undefined,
    location: claimLocation(row),
    table: claimTable(row),
    citations: citations(row, subjects),
    unresolvedMarkers: [...row.unresolvedMarker].sort((a, b) => a - b),
    uncited: row.uncited,
    unnormalised: row.unnormalised,
    value: row.value,
    qualifier: row.qualifier,
    studies: row.studies,
    comparison: claimComparison(row),
    note: row.note,
    status: row.status,
    frequency: row.frequency,
    readBy: row.readBy,
    guesses: row.guesses,
    cue: row.cue,
  };
}

/** Where a claim stands: its quote's source (or the claim's document) and place in it. */
function claimLocation(row: Row<typeof CLAIM>): ClaimNode["location"] {
  const position = row.quote?.position;
  return {
    document: row.quote?.source ?? row.document ?? "",
    section: row.section,
    line: row.line,
    column: row.column,
    endLine: row.endLine,
    endColumn: row.endColumn,
    start: position?.start,
    end: position?.end,
  };
}

/** The table cell a claim was read from, for a claim read from a table. */
function claimTable(row: Row<typeof CLAIM>): ClaimNode["table"] {
  if (!row.table) return undefined;
  return {
    table: row.table,
    rowLabel: row.rowLabel,
    rowIndex: row.rowIndex,
    columnLabel: row.columnLabel,
    columnIndex: row.columnIndex,
  };
}

/** What a comparative claim compares, for a claim with arms. */
function claimComparison(row: Row<typeof CLAIM>): ClaimNode["comparison"] {
  if (!row.armA) return undefined;
  return {
    armA: row.armA,
    armB: row.armB,
    condition: row.condition,
    outcome: row.outcome,
    direction: row.direction,
    favours: row.favours,
    evidence: row.evidence,
    armResults: row.armResults,
  };
}

function referenceNode(iri: string, row: Row<typeof REFERENCE>): ReferenceNode {
  const title = row.title ?? row.label ?? "";
  return {
    kind: "reference",
    iri,
    label: row.number === undefined ? title : `[${row.number}] ${title}`,
    number: row.number,
    title,
    truncated: row.truncated,
    host: row.host,
    locator: row.locator,
    work: row.work,
    document: row.document,
    line: row.line,
  };
}

function workNode(iri: string, row: Row<typeof WORK>): WorkNode {
  const title = row.title ?? spacedLocalName(iri);
  const ids = identifiers(row.identifiers);
  for (const [scheme, id] of [
    ["pmid", row.pmid[0]],
    ["doi", row.doi[0]],
  ] as const) {
    if (id && !ids.some((i) => i.scheme === scheme && i.id === id)) {
      // One a bibliography gave is no checked identifier: unverified, its source the file.
      const given = row.fieldSources.find(
        (f) => f.value === id && f.property === (scheme === "pmid" ? BIBO.pmid : BIBO.doi).value,
      );
      ids.push({
        scheme,
        id,
        curie: `${scheme}:${id}`,
        confidence: undefined,
        unverified: given !== undefined,
        source: given ? `${given.file}#${given.entry}` : undefined,
        stated: false,
      });
    }
  }
  return {
    kind: "work",
    iri,
    label: title,
    title,
    evidenceType: row.evidenceType ?? "UnknownEvidence",
    evidenceRule: row.evidenceRule,
    evidenceInferred: row.evidenceRule !== undefined && row.evidenceRule !== CURATION_RULE,
    identifiers: ids,
    bibliography: bibliographyOf(row),
  };
}

function bibliographyOf(row: Row<typeof WORK>): WorkBibliographyInfo | undefined {
  if (row.bibliographyMatch === undefined) return undefined;
  return {
    match: row.bibliographyMatch,
    candidates: [...row.bibliographyCandidates].sort(),
    conflicts: [...row.bibliographyConflicts].sort(),
    authors: row.authorList ? row.authorList.split("; ") : [...row.creators].sort(),
    year: row.issued,
    journal: row.journal,
    sources: [...row.fieldSources].sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0)),
  };
}

function documentNode(iri: string, row: Row<typeof DOCUMENT>): DocumentNode {
  const title = row.title ?? spacedLocalName(iri);
  return {
    kind: "document",
    iri,
    label: title,
    title,
    fileName: row.fileName,
    creator: row.creator,
    date: row.date,
    publisher: row.publisher,
    address: row.address,
    genre: row.genre,
    sha256: row.sha256,
    text: row.text,
    discrepancies: row.discrepancies,
  };
}
