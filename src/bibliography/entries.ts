/**
 * A bibliography entry as claimgraph uses it: the fields it can give a work, read from the CSL
 * item citation-js makes of a CSL-JSON, BibTeX or RIS entry. Only what the entry states is kept:
 * "others" (BibTeX's "et al.") is no author, a missing year stays missing. Reference managers
 * put a PubMed id in the note ("PMID: 123", Zotero's Extra); it is read from there too.
 */

export interface BibEntry {
  /** The bibliography file, as shown in diagnostics. */
  readonly file: string;
  /** The file's base name: what the knowledge base records as the entry's source. */
  readonly name: string;
  /** The entry's key (BibTeX label, CSL id, RIS ID), or `entry-<n>` (its place) for one without. */
  readonly id: string;
  /** Where the entry starts in the file (1-based). */
  readonly line: number;
  readonly title: string | undefined;
  /** "Family, Given" (or a literal name), in order. */
  readonly authors: readonly string[];
  readonly year: string | undefined;
  readonly journal: string | undefined;
  /** Lower-cased, without a `https://doi.org/` prefix. */
  readonly doi: string | undefined;
  readonly pmid: string | undefined;
  /** `PMC` and digits. */
  readonly pmcid: string | undefined;
  readonly url: string | undefined;
}

type Item = Record<string, unknown>;

const text = (v: unknown): string | undefined => {
  const s = typeof v === "string" || typeof v === "number" ? String(v).trim() : "";
  return s === "" ? undefined : s.replace(/\s+/g, " ");
};

/** The entry a CSL item gives; `id` and `line` are found by the reader. */
export function entryOf(item: Item, file: string, id: string, line: number): BibEntry {
  const note = text(item.note) ?? "";
  const pmid = text(item.PMID) ?? /(?:^|\s)PMID:\s*(\d{1,9})\b/i.exec(note)?.[1];
  const pmcid = text(item.PMCID) ?? /(?:^|\s)PMCID:\s*(PMC\d{1,10})\b/i.exec(note)?.[1];
  return {
    file,
    name: file.split(/[\\/]/).at(-1) ?? file,
    id,
    line,
    title: text(item.title),
    authors: authorsOf(item.author),
    year: yearOf(item.issued),
    journal: text(item["container-title"]),
    doi: doiOf(text(item.DOI)),
    pmid: pmid && /^\d{1,9}$/.test(pmid) ? pmid : undefined,
    pmcid: pmcid && /^PMC\d{1,10}$/i.test(pmcid) ? pmcid.toUpperCase() : undefined,
    url: text(item.URL),
  };
}

function authorsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((a: Item) => {
    const literal = text(a.literal);
    if (literal) return [literal];
    const family = text(a.family);
    const given = text(a.given);
    if (!family || (family.toLowerCase() === "others" && !given)) return [];
    return [given ? `${family}, ${given}` : family];
  });
}

function yearOf(issued: unknown): string | undefined {
  const parts = (issued as { "date-parts"?: unknown[][] } | undefined)?.["date-parts"];
  const year = parts?.[0]?.[0];
  return typeof year === "number" || (typeof year === "string" && /^\d{4}$/.test(year))
    ? String(year)
    : undefined;
}

/** A DOI as a key: lower-cased (DOIs are case-blind), without a resolver's address. */
export function doiOf(given: string | undefined): string | undefined {
  const doi = given?.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, "").trim();
  return doi && /^10\.\d{4,9}\/\S+$/.test(doi) ? doi.toLowerCase() : undefined;
}

/** An address as a key: no scheme, no `www.`, no trailing slash, the host lower-cased. */
export function urlKey(url: string): string {
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/?#]+)(.*)$/i.exec(url.trim());
  if (!m) return url.trim();
  return `${(m[1] ?? "").toLowerCase()}${(m[2] ?? "").replace(/\/+$/, "")}`;
}
