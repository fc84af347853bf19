/**
 * Works and the reference entries that point to them. `graph/curation/works.tsv` maps
 * entries (by the start of their title as given) to works with a full title, an
 * evidence type and the identifiers of `ontology/identifiers.tsv`. Entries that match
 * the same work, in one document or several, share it: one work, several locators.
 * An entry no row matches gets a work of its own, keyed by its normalised title, with
 * unknown evidence.
 */
import { createHash } from "node:crypto";
import type { EvidenceType, ResolvedReference, Work } from "../claims/types.ts";
import type { ParsedDocument } from "../document/types.ts";
import type { Diagnostic } from "../errors.ts";
import type { ReferenceIdentifierRecord } from "../lexicon/load.ts";
import { normaliseLabel, slugify } from "../slug.ts";
import { readTsv } from "../tsv.ts";

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  "TertiaryReferenceWork",
  "ConsumerHealthPage",
  "PreclinicalStudy",
  "ClinicalStudy",
  "UnknownEvidence",
];

/** Identifier schemes that name a work well enough to key it, best first. */
const KEY_SCHEMES = ["pmid", "doi", "statpearls.article"];

interface WorkRow {
  readonly match: string;
  readonly work: Work;
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
    const f = row.fields;
    const evidenceType = f.evidenceType as EvidenceType;
    if (!EVIDENCE_TYPES.includes(evidenceType)) {
      diagnostics.push({
        code: "UnknownEvidenceType",
        severity: "error",
        file,
        line: row.line,
        column: row.columns.evidenceType ?? 1,
        message: `unknown evidence type "${f.evidenceType}"`,
        hint: `use one of ${EVIDENCE_TYPES.join(", ")}`,
      });
      continue;
    }
    const name = f.identifiers ?? "";
    const identifiers = name === "" ? [] : referenceIdentifiers.filter((r) => r.reference === name);
    if (name !== "" && identifiers.length === 0) {
      diagnostics.push({
        code: "UnknownIdentifierRow",
        severity: "error",
        file,
        line: row.line,
        column: row.columns.identifiers ?? 1,
        message: `ontology/identifiers.tsv has no reference rows named "${name}"`,
        hint: "copy the `entity` column of the reference's rows exactly, or leave the field empty",
      });
    }
    const keyed = KEY_SCHEMES.map((s) =>
      identifiers.find((i) => i.scheme === s && i.confidence === "confirmed"),
    ).find((i) => i !== undefined);
    out.push({
      match: normaliseLabel(f.match ?? ""),
      work: {
        key: keyed ? slugify(`${keyed.scheme}-${keyed.id}`) : slugify(f.key ?? ""),
        title: f.title ?? "",
        titleFromRecord: (f.title ?? "") !== "",
        evidenceType,
        identifiers: identifiers.map(({ scheme, id, confidence, source }) => ({
          scheme,
          id,
          confidence,
          source,
        })),
      },
    });
  }
  return out;
}

/** Resolves every reference entry of every document to a work. */
export function resolveReferences(
  documents: readonly ParsedDocument[],
  rows: readonly WorkRow[],
): { works: Work[]; references: Map<string, ResolvedReference[]> } {
  const works = new Map<string, Work>();
  const references = new Map<string, ResolvedReference[]>();
  for (const document of documents) {
    const resolved: ResolvedReference[] = [];
    for (const entry of document.references) {
      const title = normaliseLabel(entry.titleAsGiven);
      const row = rows.find((r) => matches(r.match, title, entry.truncated));
      let work: Work;
      if (row) {
        const seen = works.get(row.work.key);
        work = seen ?? { ...row.work, title: row.work.title || entry.titleAsGiven };
      } else {
        const key = titleKey(title);
        work = works.get(key) ?? {
          key,
          title: entry.titleAsGiven,
          titleFromRecord: false,
          evidenceType: "UnknownEvidence",
          identifiers: [],
        };
      }
      works.set(work.key, work);
      resolved.push({
        documentId: document.id,
        number: entry.number,
        titleAsGiven: entry.titleAsGiven,
        truncated: entry.truncated,
        host: entry.host,
        span: entry.span,
        workKey: work.key,
      });
    }
    references.set(document.id, resolved);
  }
  return { works: [...works.values()].sort((a, b) => (a.key < b.key ? -1 : 1)), references };
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
