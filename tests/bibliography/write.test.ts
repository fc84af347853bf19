// The works as CSL-JSON, BibTeX and RIS, each read back by citation-js (an independent reader
// of what claimgraph wrote): the same titles, DOIs and PubMed ids, in the same order, and
// the same bytes on every run. Nothing is invented: no author or year the data does not give.
import { describe, expect, it } from "vitest";
import { Cite } from "../../src/bibliography/cite.ts";
import { cslItems } from "../../src/bibliography/csl-items.ts";
import { bibliographyText } from "../../src/bibliography/write.ts";
import { prepare } from "../../src/pipeline/pipeline.ts";
import { SEED_SOURCES } from "../helpers/build.ts";
import { FIXTURES } from "./fictional.ts";

const plain = prepare({ sources: SEED_SOURCES }).kb;
const enriched = prepare({ sources: SEED_SOURCES, bibliographies: [`${FIXTURES}/seed.bib`] }).kb;

const facts = (items: Record<string, unknown>[]) =>
  items.map((i) => [
    i.title,
    i.DOI ?? null,
    i.PMID ?? /PMID: (\d+)/.exec(String(i.note))?.[1] ?? null,
  ]);

describe("the works as a bibliography", () => {
  const expected = facts(cslItems(enriched) as unknown as Record<string, unknown>[]);

  it("has one item per work, in key order, with the seed's identifiers", () => {
    expect(cslItems(plain).map((i) => i.id)).toEqual(plain.works.map((w) => w.key));
    expect(expected).toContainEqual([
      "The SSRIs drug Fluoxetine, but not the noradrenergic",
      "10.1016/s0361-9230(01)00780-8",
      "12183009",
    ]);
  });

  it.each(["csl-json", "bibtex", "ris"] as const)("%s reads back through citation-js", (format) => {
    const text = bibliographyText(enriched, format);
    const read = new Cite(format === "csl-json" ? JSON.parse(text) : text).data;
    expect(facts(read)).toEqual(expected);
    expect(bibliographyText(enriched, format)).toBe(text);
  });

  it("round-trips BibTeX: citation-js's items give the same BibTeX again", () => {
    const text = bibliographyText(enriched, "bibtex");
    const again = new Cite(text).format("biblatex");
    expect(facts(new Cite(again).data)).toEqual(expected);
  });

  it("flags a cut-short title and gives no author or year the data lacks", () => {
    const items = cslItems(plain);
    const memory = items.find((i) => i.id === "pmid-12183009");
    expect(memory?.note).toContain("cut short");
    expect(memory?.author).toBeUndefined();
    expect(memory?.issued).toBeUndefined();
    const withAuthors = cslItems(enriched).find((i) => i.id === "pmid-12183009");
    expect(withAuthors?.author).toEqual([{ family: "Levkovitz", given: "Y." }]);
  });
});
