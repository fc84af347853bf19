/**
 * Works and the reference entries that point to them. Entries state what they can (a host, a
 * PubMed id, a DOI, a PMC or Bookshelf id: `document/locator.ts`); entries that state the same
 * identifier are one work, in one document or several. `graph/curation/works.tsv` adds and
 * refines: it maps entries (by the start of their title as given) to works with a full title,
 * an evidence type and the checked identifiers of `ontology/identifiers.tsv`, and merges what
 * no identifier joins. A work's evidence type comes from curation when a row gives one (rule
 * "curation"), else from the rules of `lexicon/evidence.tsv` (`curation/evidence.ts`).
 */
import { createHash } from "node:crypto";
import type { Diagnostic } from "../base/errors.ts";
import { normaliseLabel, slugify } from "../base/slug.ts";
import { fieldDiagnostic, readTsv, type TsvRow } from "../base/tsv.ts";
import type { ResolvedReference, Study, Work } from "../claims/types.ts";
import { identifierKey, type StatedIdentifier, type StatedScheme } from "../document/locator.ts";
import type { ParsedDocument, ReferenceEntry } from "../document/types.ts";
import {
  EVIDENCE_TYPES,
  type EvidenceRule,
  type EvidenceType,
  isEvidenceType,
} from "../lexicon/evidence-rules.ts";
import type { ReferenceIdentifierRecord } from "../lexicon/load.ts";
import type { IdentifierRecord } from "../lexicon/types.ts";
import { CURATION_RULE, inferEvidence, refineByStudies } from "./evidence.ts";

export { EVIDENCE_TYPES };

/** Identifier schemes that name a work well enough to key it, best first. */
const KEY_SCHEMES = ["pmid", "doi", "statpearls.article"];

export interface WorkRow {
  readonly match: string;
  readonly key: string;
  /** The full title from a public record, or "" (the title as given is used). */
  readonly title: string;
  /** Undefined when the row leaves the evidence type to the rules. */
  readonly evidenceType: EvidenceType | undefined;
  readonly identifiers: readonly IdentifierRecord[];
}

export function loadWorks(
  file: string,
  text: string,
  referenceIdentifiers: readonly ReferenceIdentifierRecord[],
  diagnostics: Diagnostic[],
): WorkRow[] {
  const rows = readTsv(
    file,
    text,
    ["key", "match", "title", "evidenceType", "identifiers"],
    diagnostics,
  );
  const out: WorkRow[] = [];
  for (const row of rows) {
    const evidenceType = row.fields.evidenceType ?? "";
    if (evidenceType !== "" && !isEvidenceType(evidenceType)) {
      diagnostics.push(
        fieldDiagnostic(
          file,
          row,
          "evidenceType",
          "UnknownEvidenceType",
          `unknown evidence type "${row.fields.evidenceType}"`,
          `use one of ${EVIDENCE_TYPES.join(", ")}, or leave it empty for the rules to infer`,
        ),
      );
      continue;
    }
    const identifiers = rowIdentifiers(file, row, referenceIdentifiers, diagnostics);
    out.push(workRow(row, evidenceType === "" ? undefined : evidenceType, identifiers));
  }
  return out;
}

/** The rows of ontology/identifiers.tsv a works.tsv row names; none named is an error. */
function rowIdentifiers(
  file: string,
  row: TsvRow,
  referenceIdentifiers: readonly ReferenceIdentifierRecord[],
  diagnostics: Diagnostic[],
): ReferenceIdentifierRecord[] {
  const name = row.fields.identifiers ?? "";
  const identifiers = name === "" ? [] : referenceIdentifiers.filter((r) => r.reference === name);
  if (name !== "" && identifiers.length === 0) {
    diagnostics.push(
      fieldDiagnostic(
        file,
        row,
        "identifiers",
        "UnknownIdentifierRow",
        `ontology/identifiers.tsv has no reference rows named "${name}"`,
        "copy the `entity` column of the reference's rows exactly, or leave the field empty",
      ),
    );
  }
  return identifiers;
}

/** A works.tsv row, keyed by its best confirmed identifier when it has one, else its key. */
function workRow(
  row: TsvRow,
  evidenceType: EvidenceType | undefined,
  identifiers: readonly ReferenceIdentifierRecord[],
): WorkRow {
  const f = row.fields;
  const keyed = KEY_SCHEMES.map((s) =>
    identifiers.find((i) => i.scheme === s && i.confidence === "confirmed"),
  ).find((i) => i !== undefined);
  return {
    match: normaliseLabel(f.match ?? ""),
    key: keyed ? slugify(`${keyed.scheme}-${keyed.id}`) : slugify(f.key ?? ""),
    title: f.title ?? "",
    evidenceType,
    identifiers: identifiers.map(({ scheme, id, confidence, source }) => ({
      scheme,
      id,
      confidence,
      source,
    })),
  };
}

/** What resolution reads besides the documents: curation rows, evidence rules, studies. */
export interface ResolutionInput {
  readonly rows: readonly WorkRow[];
  readonly rules: readonly EvidenceRule[];
  /** Each document's studies, by document id (they refine primary research). */
  readonly studies: ReadonlyMap<string, readonly Study[]>;
}

interface Entry {
  readonly document: ParsedDocument;
  readonly entry: ReferenceEntry;
  /** The index of the first `works.tsv` row that matches it, or -1. */
  readonly row: number;
}

/**
 * Resolves every reference entry of every document to a work. Entries are one work when they
 * match the same `works.tsv` row, state the same identifier (or one a row's work has, checked),
 * or — stating none and matching no row — have the same title as given.
 */
export function resolveReferences(
  documents: readonly ParsedDocument[],
  input: ResolutionInput,
): { works: Work[]; references: Map<string, ResolvedReference[]> } {
  const entries: Entry[] = documents.flatMap((document) =>
    document.references.map((entry) => ({
      document,
      entry,
      row: input.rows.findIndex((r) =>
        matches(r.match, normaliseLabel(entry.titleAsGiven), entry.truncated),
      ),
    })),
  );
  const groups = groupEntries(entries, input.rows);
  const works = new Map<string, Work>();
  const workOf = new Map<Entry, string>();
  for (const group of groups) {
    const work = workFor(group, input);
    const seen = works.get(work.key);
    works.set(work.key, seen ? mergeWorks(seen, work) : work);
    for (const e of group) workOf.set(e, work.key);
  }
  const references = new Map<string, ResolvedReference[]>();
  for (const document of documents) references.set(document.id, []);
  for (const e of entries) {
    const { entry } = e;
    references.get(e.document.id)?.push({
      documentId: e.document.id,
      number: entry.number,
      titleAsGiven: entry.titleAsGiven,
      truncated: entry.truncated,
      locator: entry.locator,
      host: entry.host,
      identifiers: entry.identifiers,
      span: entry.span,
      workKey: workOf.get(e) ?? "",
    });
  }
  return { works: [...works.values()].sort((a, b) => (a.key < b.key ? -1 : 1)), references };
}

/** Entries that are one work, each group in the order of its first entry. */
function groupEntries(entries: readonly Entry[], rows: readonly WorkRow[]): Entry[][] {
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  const firstBy = new Map<string, number>();
  const join = (key: string, i: number) => {
    const first = firstBy.get(key);
    if (first === undefined) firstBy.set(key, i);
    else parent[Math.max(find(first), find(i))] = Math.min(find(first), find(i));
  };
  entries.forEach((e, i) => {
    const checked = e.row === -1 ? [] : (rows[e.row]?.identifiers ?? []);
    const ids = [...e.entry.identifiers, ...checked.filter((c) => c.confidence === "confirmed")];
    if (e.row !== -1) join(`row ${e.row}`, i);
    for (const id of ids) join(`id ${identifierKey(id)}`, i);
    if (e.row === -1 && ids.length === 0) join(`title ${normaliseLabel(e.entry.titleAsGiven)}`, i);
  });
  const groups = new Map<number, Entry[]>();
  entries.forEach((e, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(e);
    else groups.set(root, [e]);
  });
  return [...groups.values()];
}

/** The work a group of entries is: its curation row's, else one made from what they state. */
function workFor(group: readonly Entry[], input: ResolutionInput): Work {
  const first = group[0] as Entry;
  const rowIndex = Math.min(...group.map((e) => (e.row === -1 ? Infinity : e.row)));
  const row = Number.isFinite(rowIndex) ? input.rows[rowIndex] : undefined;
  const stated = statedOf(group);
  const inferred = refineByStudies(
    inferEvidence(
      group.map((e) => e.entry),
      input.rules,
    ),
    group.flatMap((e) =>
      (input.studies.get(e.document.id) ?? []).filter((s) => s.citations.includes(e.entry.number)),
    ),
  );
  const curated = row?.evidenceType;
  return {
    key: row?.key ?? statedKey(stated) ?? titleKey(normaliseLabel(first.entry.titleAsGiven)),
    title: row?.title || first.entry.titleAsGiven,
    titleFromRecord: (row?.title ?? "") !== "",
    evidenceType: curated ?? inferred.evidenceType,
    evidenceRule: curated ? CURATION_RULE : inferred.rule,
    identifiers: row?.identifiers ?? [],
    statedIdentifiers: stated,
  };
}

/** Two groups that came to the same key (a title key shared by chance): one work. */
function mergeWorks(a: Work, b: Work): Work {
  const stated = new Map(
    [...a.statedIdentifiers, ...b.statedIdentifiers].map((i) => [identifierKey(i), i]),
  );
  return { ...a, statedIdentifiers: sortIdentifiers([...stated.values()]) };
}

const STATED_ORDER: readonly StatedScheme[] = ["pmid", "doi", "pmc", "nbk"];

function statedOf(group: readonly Entry[]): StatedIdentifier[] {
  const byKey = new Map<string, StatedIdentifier>();
  for (const e of group)
    for (const i of e.entry.identifiers)
      if (!byKey.has(identifierKey(i))) byKey.set(identifierKey(i), i);
  return sortIdentifiers([...byKey.values()]);
}

function sortIdentifiers(list: StatedIdentifier[]): StatedIdentifier[] {
  return list.sort(
    (a, b) =>
      STATED_ORDER.indexOf(a.scheme) - STATED_ORDER.indexOf(b.scheme) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The key of a work known by a stated identifier: the best scheme's, as a curated work's is. */
function statedKey(stated: readonly StatedIdentifier[]): string | undefined {
  const best = stated[0];
  return best ? slugify(`${best.scheme}-${best.id}`) : undefined;
}

/**
 * Whether a reference's title as given (normalised) names the work a `works.tsv` row
 * matches: the title starts with the row's words, or — when the list cut the title
 * short — the row's words start with a title long enough to mean something.
 */
function matches(match: string, title: string, truncated: boolean): boolean {
  if (match === "" || title === "") return false;
  if (title.startsWith(match)) return true;
  return truncated && title.length >= 20 && match.startsWith(title);
}

/** The key of a work known only by its title: a readable slug, and a hash when the slug was cut short. */
function titleKey(title: string): string {
  const slug = slugify(title, 60);
  if (slugify(title, 1000) === slug) return `title-${slug}`;
  const hash = createHash("sha256").update(title).digest("hex").slice(0, 8);
  return `title-${slug}-${hash}`;
}
