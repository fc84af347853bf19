/**
 * Which bibliography entry a work is. By identifier first — DOI, PubMed id, PMC id, address —
 * against the identifiers curation confirmed and those the document states; then, when no
 * identifier joins, by title: an entry's title (case-, accent- and punctuation-blind) equal
 * to, or starting with, the work's title or one of its entries' titles as given (often cut
 * short), at least 20 characters of it. One candidate is a match; two or more, or an entry
 * that is the candidate of two works by title, are ambiguous; none is unmatched. Nothing is
 * guessed: only a match enriches a work.
 */
import { normaliseLabel } from "../base/slug.ts";
import type { ResolvedReference, Work } from "../claims/types.ts";
import { type BibEntry, doiOf, urlKey } from "./entries.ts";

export type MatchScheme = "doi" | "pmid" | "pmcid" | "url" | "title";

export type WorkMatch =
  | { readonly status: "matched"; readonly entry: BibEntry; readonly by: MatchScheme }
  | {
      readonly status: "ambiguous";
      readonly entries: readonly BibEntry[];
      readonly by: MatchScheme;
    }
  | { readonly status: "unmatched" };

const ID_SCHEMES = ["doi", "pmid", "pmcid", "url"] as const;

/** The shortest title as given that may match by its start: shorter ones name too little. */
const MIN_PREFIX = 20;

/** Each work's match among `entries`, by work key. */
export function matchWorks(
  works: readonly Work[],
  references: readonly ResolvedReference[],
  entries: readonly BibEntry[],
): Map<string, WorkMatch> {
  const candidates = new Map<string, { by: MatchScheme; entries: BibEntry[] }>();
  for (const work of works) {
    const byId = identifierCandidates(work, entries);
    const titles = [
      work.title,
      ...references.filter((r) => r.workKey === work.key).map((r) => r.titleAsGiven),
    ];
    candidates.set(work.key, byId ?? { by: "title", entries: titleCandidates(titles, entries) });
  }
  const titleUses = new Map<BibEntry, number>();
  for (const c of candidates.values())
    if (c.by === "title") for (const e of c.entries) titleUses.set(e, (titleUses.get(e) ?? 0) + 1);
  const out = new Map<string, WorkMatch>();
  for (const [key, c] of candidates) {
    const shared = c.entries.some((e) => (titleUses.get(e) ?? 0) > 1) && c.by === "title";
    const only = c.entries[0];
    if (c.entries.length === 0) out.set(key, { status: "unmatched" });
    else if (c.entries.length === 1 && only && !shared)
      out.set(key, { status: "matched", entry: only, by: c.by });
    else out.set(key, { status: "ambiguous", entries: c.entries, by: c.by });
  }
  return out;
}

/** The identifiers a work is known by, as keys of each scheme (curation's confirmed ones and the document's). */
export function workKeys(work: Work): Record<(typeof ID_SCHEMES)[number], Set<string>> {
  const keys = {
    doi: new Set<string>(),
    pmid: new Set<string>(),
    pmcid: new Set<string>(),
    url: new Set<string>(),
  };
  const add = (scheme: string, id: string) => {
    if (scheme === "doi") keys.doi.add(doiOf(id) ?? id.toLowerCase());
    else if (scheme === "pmid") keys.pmid.add(id);
    else if (scheme === "pmc" || scheme === "pmcid") keys.pmcid.add(id.toUpperCase());
    else if (scheme === "url") keys.url.add(urlKey(id));
  };
  for (const i of work.identifiers) if (i.confidence === "confirmed") add(i.scheme, i.id);
  for (const i of work.statedIdentifiers) add(i.scheme, i.id);
  return keys;
}

function entryKey(entry: BibEntry, scheme: (typeof ID_SCHEMES)[number]): string | undefined {
  if (scheme === "url") return entry.url === undefined ? undefined : urlKey(entry.url);
  return entry[scheme];
}

/** The entries sharing an identifier with the work, named by the first scheme that joined one. */
function identifierCandidates(
  work: Work,
  entries: readonly BibEntry[],
): { by: MatchScheme; entries: BibEntry[] } | undefined {
  const keys = workKeys(work);
  let by: MatchScheme | undefined;
  const found = new Set<BibEntry>();
  for (const scheme of ID_SCHEMES) {
    for (const entry of entries) {
      const key = entryKey(entry, scheme);
      if (key === undefined || !keys[scheme].has(key)) continue;
      by ??= scheme;
      found.add(entry);
    }
  }
  return by ? { by, entries: [...found] } : undefined;
}

function titleCandidates(titles: readonly string[], entries: readonly BibEntry[]): BibEntry[] {
  const given = [...new Set(titles.map(normaliseLabel))].filter((t) => t !== "");
  return entries.filter((entry) => {
    const title = normaliseLabel(entry.title ?? "");
    if (title === "") return false;
    return given.some((t) => title === t || (t.length >= MIN_PREFIX && title.startsWith(t)));
  });
}
