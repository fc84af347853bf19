/**
 * The knowledge base's works as CSL-JSON items, the form reference managers and citation-js
 * read: one item per work, in key order, its id the work's key (stable across builds). Only
 * what the knowledge base holds is written — authors and year only when a bibliography gave
 * them, never invented. A title that is only the document's cut-short list entry, or no title
 * at all (then the host stands in), is said so in the note. Identifiers: those curation
 * confirmed, those the document states, those a bibliography gave; "likely" ones are left out.
 */
import type { KnowledgeBase, ResolvedReference, Work } from "../claims/types.ts";

export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly author?: readonly { readonly family: string; readonly given?: string }[];
  readonly issued?: { readonly "date-parts": readonly (readonly number[])[] };
  readonly "container-title"?: string;
  readonly DOI?: string;
  readonly PMID?: string;
  readonly PMCID?: string;
  readonly URL?: string;
  readonly keyword: string;
  readonly note: string;
}

export function cslItems(kb: KnowledgeBase): CslItem[] {
  const references = kb.documents.flatMap((d) => d.references);
  return [...kb.works]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((work) =>
      cslItem(
        work,
        references.filter((r) => r.workKey === work.key),
      ),
    );
}

function cslItem(work: Work, refs: readonly ResolvedReference[]): CslItem {
  const b = work.bibliography;
  const ids = identifiers(work);
  const host = refs.find((r) => r.host !== undefined)?.host;
  const url = ids.url ?? refs.find((r) => /^https?:\/\//i.test(r.locator ?? ""))?.locator;
  const journal = b?.journal;
  const cut = !work.titleFromRecord && refs.some((r) => r.truncated);
  const title = work.title !== "" ? work.title : (url ?? host ?? work.key);
  const note = [
    `evidence type: ${work.evidenceType}`,
    ...(work.title === "" ? ["title: none known; the address or host stands in"] : []),
    ...(cut ? ["title: as the document's reference list gives it, cut short"] : []),
    ...(host ? [`host: ${host}`] : []),
    ...(ids.pmid ? [`PMID: ${ids.pmid}`] : []),
    ...(ids.pmcid ? [`PMCID: ${ids.pmcid}`] : []),
  ];
  return {
    id: work.key,
    type: typeOf(work, journal !== undefined || ids.doi !== undefined || ids.pmid !== undefined),
    title,
    ...(b && b.authors.length > 0 ? { author: b.authors.map(nameOf) } : {}),
    ...(b?.year ? { issued: { "date-parts": [[Number(b.year)]] } } : {}),
    ...(journal
      ? { "container-title": journal }
      : host && !ids.doi
        ? { "container-title": host }
        : {}),
    ...(ids.doi ? { DOI: ids.doi } : {}),
    ...(ids.pmid ? { PMID: ids.pmid } : {}),
    ...(ids.pmcid ? { PMCID: ids.pmcid } : {}),
    ...(url ? { URL: url } : {}),
    keyword: work.evidenceType,
    note: note.join("; "),
  };
}

function typeOf(work: Work, article: boolean): string {
  if (work.evidenceType === "ConsumerHealthPage") return "webpage";
  if (work.evidenceType === "TertiaryReferenceWork") return "entry-encyclopedia";
  return article ? "article-journal" : "document";
}

/** "Family, Given" back into a CSL name; a name without a comma is a family name alone. */
function nameOf(author: string): { family: string; given?: string } {
  const comma = author.indexOf(",");
  if (comma === -1) return { family: author };
  return { family: author.slice(0, comma).trim(), given: author.slice(comma + 1).trim() };
}

/** The first identifier of each scheme the work has, checked ones before stated ones. */
function identifiers(work: Work): { doi?: string; pmid?: string; pmcid?: string; url?: string } {
  const found: Record<string, string> = {};
  const add = (scheme: string, id: string | undefined) => {
    const name = scheme === "pmc" ? "pmcid" : scheme;
    if (id && ["doi", "pmid", "pmcid", "url"].includes(name)) found[name] ??= id;
  };
  for (const i of work.identifiers) if (i.confidence === "confirmed") add(i.scheme, i.id);
  for (const i of work.statedIdentifiers) add(i.scheme, i.id);
  add("doi", work.bibliography?.doi);
  add("pmid", work.bibliography?.pmid);
  return found;
}
