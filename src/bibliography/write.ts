/**
 * The works as a bibliography: CSL-JSON (the items themselves), BibTeX and RIS (citation-js
 * maps the items). BibTeX is written in its BibLaTeX dialect, the one that carries a PubMed
 * id (`eprinttype = {pubmed}`); entry keys are the works' keys (RIS cuts an ID to 20 characters, as its specification says). Same knowledge base, same bytes.
 */
import type { KnowledgeBase } from "../claims/types.ts";
import { Cite } from "./cite.ts";
import { cslItems } from "./csl-items.ts";

export const BIBLIOGRAPHY_FORMATS = ["csl-json", "bibtex", "ris"] as const;

export type BibliographyExport = (typeof BIBLIOGRAPHY_FORMATS)[number];

export function bibliographyText(kb: KnowledgeBase, format: BibliographyExport): string {
  const items = cslItems(kb);
  if (format === "csl-json") return `${JSON.stringify(items, null, 2)}\n`;
  if (format === "bibtex") return `${String(new Cite(items).format("biblatex")).trim()}\n`;
  const entries = new Cite(items).format("ris", { format: "object" }) as unknown as RisEntry[];
  return entries.map(risEntry).join("\n");
}

type RisEntry = Record<string, string | number | readonly (string | number)[]>;

/**
 * One RIS entry as text, from the tags citation-js maps the item to: TY first, ER last, one
 * line per value. citation-js's own text output wraps values at 70 characters, which readers
 * other than its own take for a new (broken) tag line; no value here holds a line break.
 */
function risEntry(entry: RisEntry): string {
  const lines = [`TY  - ${entry.TY}`];
  for (const [tag, value] of Object.entries(entry)) {
    if (tag === "TY") continue;
    for (const v of [value].flat()) lines.push(`${tag}  - ${String(v).replace(/\s+/g, " ")}`);
  }
  return `${[...lines, "ER  - "].join("\n")}\n`;
}
