/**
 * Enriches works from bibliography entries (`build --bibliography`). Precedence: curation
 * (`works.tsv`: a full title, checked identifiers) over the bibliography over the document
 * (the title as given, the identifiers its entries state). A matched entry fills the title
 * (unless curation gave one), authors, year, journal, DOI and PubMed id; each filled field
 * keeps its source (file, entry, what matched). An identifier the entry gives that differs
 * from one the data holds is reported and not taken. Unmatched and ambiguous works are
 * reported at their first reference entry, and marked on the work for the audit.
 */
import type { Diagnostic } from "../base/errors.ts";
import type {
  BibliographyField,
  FieldSource,
  ResolvedReference,
  Work,
  WorkBibliography,
} from "../claims/types.ts";
import type { ParsedDocument } from "../document/types.ts";
import type { BibEntry } from "./entries.ts";
import { matchWorks, type WorkMatch, workKeys } from "./match.ts";

export interface EnrichInput {
  readonly works: readonly Work[];
  /** Every document's resolved references. */
  readonly references: readonly ResolvedReference[];
  readonly documents: readonly ParsedDocument[];
  readonly entries: readonly BibEntry[];
}

export function enrichWorks(input: EnrichInput, diagnostics: Diagnostic[]): Work[] {
  const matches = matchWorks(input.works, input.references, input.entries);
  return input.works.map((work) => {
    const match = matches.get(work.key) ?? { status: "unmatched" };
    if (match.status !== "matched") {
      const first = input.references.find((r) => r.workKey === work.key);
      const d = first && reportAt(first, input.documents, work, match);
      if (d) diagnostics.push(d);
      return { ...work, bibliography: unmatched(match) };
    }
    return enrichOne(work, match.entry, match.by, diagnostics);
  });
}

export const entryName = (e: BibEntry): string => `${e.name}#${e.id}`;

function unmatched(match: Exclude<WorkMatch, { status: "matched" }>): WorkBibliography {
  return {
    match: match.status,
    candidates: match.status === "ambiguous" ? match.entries.map(entryName).sort() : [],
    authors: [],
    year: undefined,
    journal: undefined,
    doi: undefined,
    pmid: undefined,
    sources: [],
    conflicts: [],
  };
}

function enrichOne(work: Work, entry: BibEntry, by: string, diagnostics: Diagnostic[]): Work {
  const keys = workKeys(work);
  const found: Diagnostic[] = [];
  const doi = newIdentifier(entry, "doi", keys.doi, found);
  const pmid = newIdentifier(entry, "pmid", keys.pmid, found);
  diagnostics.push(...found);
  const title = work.titleFromRecord ? undefined : entry.title;
  const values: [BibliographyField, string | undefined][] = [
    ["title", title],
    ["authors", entry.authors.length > 0 ? entry.authors.join("; ") : undefined],
    ["year", entry.year],
    ["journal", entry.journal],
    ["doi", doi],
    ["pmid", pmid],
  ];
  const sources: FieldSource[] = values.flatMap(([field, value]) =>
    value === undefined ? [] : [{ field, value, file: entry.name, entry: entry.id, matchedBy: by }],
  );
  return {
    ...work,
    title: title ?? work.title,
    titleFromRecord: work.titleFromRecord || title !== undefined,
    bibliography: {
      match: "matched",
      candidates: [entryName(entry)],
      authors: entry.authors,
      year: entry.year,
      journal: entry.journal,
      doi,
      pmid,
      sources,
      conflicts: found.map((d) => `${entryName(entry)}: ${d.message}`),
    },
  };
}

/**
 * The entry's DOI or PubMed id when the work has none of that scheme yet; one that differs
 * from the work's (confirmed by curation or stated by the document) is reported, not taken.
 */
function newIdentifier(
  entry: BibEntry,
  scheme: "doi" | "pmid",
  known: ReadonlySet<string>,
  diagnostics: Diagnostic[],
): string | undefined {
  const value = entry[scheme];
  if (value === undefined || known.has(value)) return undefined;
  if (known.size === 0) return value;
  diagnostics.push({
    code: "BibliographyDisagrees",
    severity: "warning",
    file: entry.file,
    line: entry.line,
    column: 1,
    message: `entry "${entry.id}" gives ${scheme} ${value}, the knowledge base has ${[...known].sort().join(", ")}`,
    hint: `the ${scheme} is not taken from the bibliography; correct the entry, or the work's identifiers (works.tsv, ontology/identifiers.tsv)`,
  });
  return undefined;
}

function reportAt(
  ref: ResolvedReference,
  documents: readonly ParsedDocument[],
  work: Work,
  match: Exclude<WorkMatch, { status: "matched" }>,
): Diagnostic | undefined {
  const doc = documents.find((d) => d.id === ref.documentId);
  if (!doc) return undefined;
  const ambiguous = match.status === "ambiguous";
  return doc.source.diagnostic(
    ambiguous ? "BibliographyAmbiguous" : "BibliographyUnmatched",
    ref.span.start,
    ambiguous
      ? `reference [${ref.number}] (work ${work.key}) matches ${match.entries.length} bibliography entries: ${match.entries.map((e) => `${e.file}:${e.line} ${e.id}`).join(", ")}`
      : `reference [${ref.number}] (work ${work.key}) matches no bibliography entry`,
    ambiguous
      ? "nothing was taken from either: remove the duplicate entry, or give the entries identifiers that tell them apart"
      : "add an entry with its DOI or PubMed id, or a title that starts like the reference's",
    undefined,
    "warning",
  );
}
