/**
 * The shared graph's rows: each entity (with its lexicon record's synonyms, broader class and
 * identifiers), each class membership, each work and each minted predicate, written by the
 * vocabulary table (`rdf/vocab/records.ts`).
 */
import type { NamedNode, Quad } from "@rdfjs/types";
import type { EntityTerm, KnowledgeBase, PredicateTerm, Work } from "../../claims/types.ts";
import { identifierKey } from "../../document/locator.ts";
import type { IdentifierRecord } from "../../lexicon/types.ts";
import type { Row } from "../vocab/fields.ts";
import { toIri } from "../vocab/iri-syntax.ts";
import { ENTITY, type IDENTIFIER, MEMBERSHIP, PREDICATE, WORK } from "../vocab/records.ts";
import { BIBO, CG, DCTERMS } from "../vocab/vocabulary.ts";
import type { Iris } from "./iris.ts";
import { type Graphs, writeRow } from "./write-row.ts";

/** What the shared graph describes: the entities, memberships, works and minted predicates used. */
export interface SharedData {
  readonly entities: ReadonlyMap<string, EntityTerm>;
  readonly lexiconEntities: KnowledgeBase["lexiconEntities"];
  readonly memberships: KnowledgeBase["memberships"];
  readonly works: readonly Work[];
  /** Minted (unnormalised) predicates, by name. */
  readonly predicates: ReadonlyMap<string, PredicateTerm>;
}

export function writeShared(out: Quad[], shared: SharedData, iris: Iris, graphs: Graphs): void {
  for (const entity of shared.entities.values()) {
    const node = iris.entity(entity.id);
    writeRow(out, ENTITY, node, entityRow(entity, node, shared, iris), graphs);
  }
  for (const m of shared.memberships) {
    const group = [iris.entity(m.group.id).value];
    writeRow(
      out,
      MEMBERSHIP,
      iris.entity(m.member.id),
      m.relation === "memberOf"
        ? { memberOf: group, exampleMember: [] }
        : { memberOf: [], exampleMember: group },
      graphs,
    );
  }
  for (const work of shared.works) {
    const node = iris.work(work.key);
    writeRow(out, WORK, node, workRow(work, node, iris), graphs);
  }
  for (const predicate of shared.predicates.values()) {
    const row = { label: predicate.label, unnormalised: true };
    writeRow(out, PREDICATE, iris.predicate(predicate), row, graphs);
  }
}

function entityRow(
  entity: EntityTerm,
  node: NamedNode,
  shared: SharedData,
  iris: Iris,
): Row<typeof ENTITY> {
  const record = shared.lexiconEntities.get(entity.id);
  return {
    label: entity.label,
    type: entity.type,
    synonyms: record?.synonyms ?? [],
    unnormalised: entity.unnormalised,
    identifiers: record ? identifierRows(node, record.identifiers, iris) : [],
    memberOf: record?.broader ? [iris.entity(record.broader).value] : [],
  };
}

/** An identifier as written: a record row's, or one a document states (confidence "stated"). */
type WrittenIdentifier = Omit<IdentifierRecord, "confidence"> & {
  readonly confidence: IdentifierRecord["confidence"] | "stated";
};

type IdentifierRow = Row<typeof IDENTIFIER> & { readonly iri: string };

/**
 * Identifier nodes: a record row's (`identifiers.tsv`, cg:PublicRecord) and those a document
 * states (cg:StatedByDocument, confidence "stated", unverified); one node when both give it.
 */
function identifierRows(
  owner: NamedNode,
  list: readonly WrittenIdentifier[],
  iris: Iris,
  stated: ReadonlySet<string> = new Set(),
): IdentifierRow[] {
  return list.map((id) => {
    const fromRecord = id.confidence !== "stated";
    return {
      iri: iris.identifier(owner, id.scheme, id.id).value,
      scheme: id.scheme,
      id: id.id,
      curie: id.id.toLowerCase().startsWith(`${id.scheme.toLowerCase()}:`)
        ? id.id
        : `${id.scheme}:${id.id}`,
      confidence: id.confidence,
      unverified: id.confidence !== "confirmed",
      source: fromRecord && id.source !== "" ? id.source : undefined,
      sources: [
        ...(fromRecord ? ["PublicRecord"] : []),
        ...(stated.has(identifierKey(id)) ? ["StatedByDocument"] : []),
      ],
      seeAlso: id.scheme === "url" && /^https?:\/\//.test(id.id) ? toIri(id.id) : undefined,
    };
  });
}

function workRow(work: Work, node: NamedNode, iris: Iris): Row<typeof WORK> {
  const checked = work.identifiers.filter((i) => i.scheme !== "title");
  const known = new Set(checked.map(identifierKey));
  // What the document states and no record gives is kept as stated: unverified, no source.
  const statedOnly = work.statedIdentifiers
    .filter((i) => !known.has(identifierKey(i)))
    .map((i) => ({ scheme: i.scheme, id: i.id, confidence: "stated" as const, source: "" }));
  const all = [...checked, ...statedOnly];
  // bibo:pmid and bibo:doi name what a record confirms or the document states; a "likely"
  // row, read nowhere, does not.
  const named = (scheme: string) =>
    all.filter((i) => i.confidence !== "likely" && i.scheme === scheme).map((i) => i.id);
  return {
    title: work.title,
    evidenceType: work.evidenceType,
    evidenceRule: work.evidenceRule,
    identifiers: identifierRows(
      node,
      all,
      iris,
      new Set(work.statedIdentifiers.map(identifierKey)),
    ),
    pmid: [...named("pmid"), ...(work.bibliography?.pmid ? [work.bibliography.pmid] : [])],
    doi: [...named("doi"), ...(work.bibliography?.doi ? [work.bibliography.doi] : [])],
    ...bibliographyFields(work, node, iris),
  };
}

/** The property each bibliography field fills (`FieldSource.property`). */
const FIELD_PROPERTY = {
  title: DCTERMS.title,
  authors: DCTERMS.creator,
  year: DCTERMS.issued,
  journal: CG.journalTitle,
  doi: BIBO.doi,
  pmid: BIBO.pmid,
} as const;

/** What `--bibliography` added to a work, each filled field with its source node. */
function bibliographyFields(work: Work, node: NamedNode, iris: Iris) {
  const b = work.bibliography;
  return {
    creators: b?.authors ?? [],
    authorList: b && b.authors.length > 0 ? b.authors.join("; ") : undefined,
    issued: b?.year,
    journal: b?.journal,
    bibliographyMatch: b?.match,
    bibliographyCandidates: b?.candidates ?? [],
    bibliographyConflicts: b?.conflicts ?? [],
    fieldSources: (b?.sources ?? []).map((s) => ({
      iri: iris.fieldSource(node, s.field).value,
      property: FIELD_PROPERTY[s.field].value,
      value: s.value,
      file: s.file,
      entry: s.entry,
      matchedBy: s.matchedBy,
    })),
  };
}
