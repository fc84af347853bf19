/**
 * `buildKnowledgeBase`: parses every document, extracts its claims, resolves its
 * references to works and gathers the entities used. Pure and synchronous over
 * in-memory inputs; every problem in any input is collected, located, before failing.
 * The work on each document alone is document-reading.ts's; `assembleKnowledgeBase` does
 * what spans them, from the readings in document order, whichever thread made them.
 */

import { AGREEMENT_GRAPH_NAME } from "../agreement/rdf.ts";
import { type Diagnostic, InputError, sortDiagnostics } from "../base/errors.ts";
import { enrichWorks } from "../bibliography/enrich.ts";
import type { BibEntry } from "../bibliography/entries.ts";
import { readBibliography } from "../bibliography/read.ts";
import { entityTerm } from "../claims/terms.ts";
import type {
  DocumentClaims,
  EntityTerm,
  KnowledgeBase,
  Membership,
  ResolvedReference,
  Study,
  Work,
} from "../claims/types.ts";
import type { CurationRows } from "../curation/claims.ts";
import { loadWorks, resolveReferences, type WorkRow } from "../curation/works.ts";
import type { ParsedDocument } from "../document/types.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";
import type { LoadedLexicon } from "../lexicon/load.ts";
import { type DocumentReading, readDocument, type SourceFile } from "./document-reading.ts";

export type { SourceFile } from "./document-reading.ts";

export interface KnowledgeBaseInput {
  readonly documents: readonly SourceFile[];
  readonly lexicon: LoadedLexicon;
  readonly curation: CurationRows;
  readonly works: { readonly file: string; readonly text: string } | undefined;
  /** Bibliographies that enrich the works (`--bibliography`), in the order given. */
  readonly bibliographies?: readonly { readonly file: string; readonly text: string }[];
}

export interface BuildResult {
  readonly kb: KnowledgeBase;
  /** Warnings only: errors throw. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Builds the knowledge base, or throws an `InputError` listing every problem found. */
export function buildKnowledgeBase(input: KnowledgeBaseInput): BuildResult {
  const { lexicon } = input.lexicon;
  const readings = input.documents.map((d) => readDocument(d, lexicon, input.curation));
  return assembleKnowledgeBase(input, readings);
}

/**
 * The knowledge base from every document's reading (`readings[i]` of `input.documents[i]`),
 * or an `InputError` listing every problem found. Diagnostics are gathered in the order a
 * build in one thread finds them, so the report is the same however the documents were read.
 */
export function assembleKnowledgeBase(
  input: KnowledgeBaseInput,
  readings: readonly DocumentReading[],
): BuildResult {
  const diagnostics: Diagnostic[] = [];
  const { parsed, broken } = parseAll(readings, diagnostics);
  const ids = documentIds(parsed, diagnostics);
  checkCurationDocuments(input.curation, ids, diagnostics);
  const { workRows, entries } = readWorkInputs(input, diagnostics);
  const { lexicon } = input.lexicon;
  const extracted = readings.flatMap(({ document, extracted, extracting }) => {
    if (!document || !extracted || broken.has(document.id)) return [];
    for (const d of extracting) diagnostics.push(d);
    return [{ document, ...extracted }];
  });
  if (diagnostics.some((d) => d.severity === "error"))
    throw new InputError(sortDiagnostics(diagnostics));

  const { works, references } = resolveWorks(
    parsed,
    input,
    workRows,
    extracted,
    entries,
    diagnostics,
  );
  const documents: DocumentClaims[] = extracted
    .map(({ memberships: _, ...rest }) => ({
      ...rest,
      references: references.get(rest.document.id) ?? [],
    }))
    .sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
  const memberships = uniqueMemberships(extracted.flatMap((e) => e.memberships));
  const entities = usedEntities(documents, memberships, lexicon);
  const lexiconEntities = new Map(
    [...entities.keys()].flatMap((id) => {
      const record = lexicon.entity(id);
      return record ? [[id, record] as const] : [];
    }),
  );
  return {
    kb: { documents, works, entities, lexiconEntities, memberships },
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** The works.tsv rows and the bibliographies' entries: what refines the works. */
function readWorkInputs(
  input: KnowledgeBaseInput,
  diagnostics: Diagnostic[],
): { workRows: WorkRow[]; entries: BibEntry[] } {
  const workRows = input.works
    ? loadWorks(input.works.file, input.works.text, input.lexicon.referenceIdentifiers, diagnostics)
    : [];
  const entries = (input.bibliographies ?? []).flatMap((b) =>
    readBibliography(b.file, b.text, diagnostics),
  );
  return { workRows, entries };
}

/**
 * Resolves every reference to a work, then — with bibliographies given — enriches the works
 * from their entries (curation over bibliography over document: `bibliography/enrich.ts`).
 */
function resolveWorks(
  parsed: readonly ParsedDocument[],
  input: KnowledgeBaseInput,
  workRows: WorkRow[],
  extracted: readonly { document: ParsedDocument; studies: readonly Study[] }[],
  entries: readonly BibEntry[],
  diagnostics: Diagnostic[],
): { works: Work[]; references: Map<string, ResolvedReference[]> } {
  const resolved = resolveReferences(parsed, {
    rows: workRows,
    rules: input.lexicon.evidenceRules,
    studies: new Map(extracted.map((e) => [e.document.id, e.studies])),
  });
  if (!input.bibliographies?.length) return resolved;
  const references = [...resolved.references.values()].flat();
  const works = enrichWorks(
    { works: resolved.works, references, documents: parsed, entries },
    diagnostics,
  );
  return { works, references: resolved.references };
}

/**
 * Every parsed document, its parser's problems gathered; a document id is `broken` when a
 * document with that id did not parse cleanly: none of its documents is read for claims.
 */
function parseAll(
  readings: readonly DocumentReading[],
  diagnostics: Diagnostic[],
): { parsed: ParsedDocument[]; broken: Set<string> } {
  const parsed: ParsedDocument[] = [];
  const broken = new Set<string>();
  for (const reading of readings) {
    // One at a time: spreading a hostile document's 150,000 errors would overflow the stack.
    for (const d of reading.parsing) diagnostics.push(d);
    if (!reading.document) continue;
    parsed.push(reading.document);
    if (reading.broken) broken.add(reading.document.id);
  }
  return { parsed, broken };
}

/** The named graphs of the knowledge base itself: a document's graph may not take their name. */
const RESERVED_GRAPH_NAMES: ReadonlySet<string> = new Set(["shared", AGREEMENT_GRAPH_NAME]);

/**
 * Each document id with its file; two files with one id are an error, and so is an id that
 * names one of the knowledge base's own graphs (its graph would be written over theirs).
 */
function documentIds(parsed: readonly ParsedDocument[], diagnostics: Diagnostic[]) {
  const ids = new Map<string, string>();
  for (const doc of parsed) {
    if (RESERVED_GRAPH_NAMES.has(doc.id)) {
      diagnostics.push(
        doc.source.diagnostic(
          "ReservedDocumentId",
          0,
          `"${doc.source.file}" has the id "${doc.id}", the name of the knowledge base's own graph`,
          `rename the file: ${[...RESERVED_GRAPH_NAMES].map((n) => `${n}.md`).join(" and ")} cannot be sources`,
        ),
      );
    }
    const earlier = ids.get(doc.id);
    if (earlier) {
      diagnostics.push(
        doc.source.diagnostic(
          "DuplicateDocumentId",
          0,
          `"${doc.source.file}" and "${earlier}" both have the id "${doc.id}"`,
          "rename one of the files",
        ),
      );
    }
    ids.set(doc.id, doc.source.file);
  }
  return ids;
}

/** A curated row naming no source document is an error. */
function checkCurationDocuments(
  curation: CurationRows,
  ids: ReadonlyMap<string, string>,
  diagnostics: Diagnostic[],
): void {
  for (const row of curation.rows) {
    if (!ids.has(row.fields.document ?? "")) {
      diagnostics.push({
        code: "UnknownDocument",
        severity: "error",
        file: curation.file,
        line: row.line,
        column: row.columns.document ?? 1,
        message: `no source document has the id "${row.fields.document}"`,
        hint: `the ids are the source file names without .md: ${[...ids.keys()].join(", ") || "(none)"}`,
      });
    }
  }
}

/**
 * The entities the knowledge base uses, by id in order: every claim's, study's and
 * membership's, each with the broader entities above it; a normalised term wins.
 */
function usedEntities(
  documents: readonly DocumentClaims[],
  memberships: readonly Membership[],
  lexicon: Lexicon,
): Map<string, EntityTerm> {
  const entities = new Map<string, EntityTerm>();
  const use = (e: EntityTerm | undefined) => {
    if (!e) return;
    const seen = entities.get(e.id);
    if (!seen || (seen.unnormalised && !e.unnormalised)) entities.set(e.id, e);
    const broader = lexicon.entity(e.id)?.broader;
    if (broader && !entities.has(broader)) use(entityTerm(lexicon.entity(broader) as never));
  };
  for (const doc of documents) {
    use(doc.focus);
    for (const c of doc.claims) {
      for (const t of [c.subject, c.object]) if (t.kind === "entity") use(t);
      c.mentions.forEach(use);
      if (c.comparison)
        [
          c.comparison.armA,
          c.comparison.armB,
          c.comparison.condition,
          c.comparison.outcome,
        ].forEach(use);
    }
    for (const s of doc.studies) {
      s.models.forEach(use);
      for (const arm of s.arms) use(arm.intervention);
    }
  }
  for (const m of memberships) {
    use(m.member);
    use(m.group);
  }
  return new Map([...entities].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function uniqueMemberships(list: readonly Membership[]): Membership[] {
  const seen = new Map<string, Membership>();
  for (const m of list) seen.set(`${m.member.id} ${m.relation} ${m.group.id}`, m);
  return [...seen.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, m]) => m);
}
