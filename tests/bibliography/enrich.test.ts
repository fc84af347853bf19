// `build --bibliography`: works matched to entries by identifier, then by title prefix; an
// ambiguous or missing match reported and nothing taken; each filled field's source in the
// RDF; curation wins over the bibliography; SHACL-valid and byte-stable.
import type { NamedNode } from "@rdfjs/types";
import { describe, expect, it } from "vitest";
import { build, render } from "../../src/pipeline/pipeline.ts";
import { validateShacl } from "../../src/rdf/check/shacl.ts";
import { BIBO, CG, DCTERMS, DEFAULT_BASE_IRI, PROV } from "../../src/rdf/vocab/vocabulary.ts";
import { Iris } from "../../src/rdf/write/iris.ts";
import { toSections } from "../../src/rdf/write/quads.ts";
import { SEED_SOURCES } from "../helpers/build.ts";
import { buildFictional, FIXTURES, fixture } from "./fictional.ts";

const iris = new Iris(DEFAULT_BASE_IRI);

describe("the seed enriched from each bibliography format", () => {
  it.each(["seed.json", "seed.bib", "seed.ris"])("%s: matches [4]/[5] by its DOI", (name) => {
    const built = build({ sources: SEED_SOURCES, bibliographies: [`${FIXTURES}/${name}`] });
    const work = built.kb.works.find((w) => w.key === "pmid-12183009");
    expect(work?.bibliography).toMatchObject({
      match: "matched",
      authors: ["Levkovitz, Y."],
      year: "2002",
      journal: "Brain Res Bull",
    });
    expect(work?.bibliography?.sources.map((s) => [s.field, s.matchedBy])).toEqual([
      ["authors", "doi"],
      ["year", "doi"],
      ["journal", "doi"],
    ]);
    // Curation (works.tsv) gave [3] its full title: the bibliography's, matched by it, fills the rest.
    const arrestin = built.kb.works.find((w) => w.key === "desipramine-arrestin-biased-ligand");
    expect(arrestin?.bibliography?.sources.map((s) => [s.field, s.matchedBy])).toEqual([
      ["year", "title"],
      ["journal", "title"],
    ]);
    const unmatched = built.diagnostics.filter((d) => d.code === "BibliographyUnmatched");
    expect(unmatched.map((d) => [d.line, d.severity])).toEqual([
      [85, "warning"],
      [86, "warning"],
      [91, "warning"],
      [92, "warning"],
    ]);
  });

  it("writes each filled field's source node, SHACL-valid, the same bytes on every build", async () => {
    const options = { sources: SEED_SOURCES, bibliographies: [`${FIXTURES}/seed.bib`] };
    const built = build(options);
    const source = iris.fieldSource(iris.work("pmid-12183009"), "journal");
    const about = built.quads.filter((q) => q.subject.equals(source));
    const value = (p: NamedNode) => about.find((q) => p.equals(q.predicate))?.object.value;
    expect(value(CG.sourcedProperty)).toBe(CG.journalTitle.value);
    expect(value(PROV.value)).toBe("Brain Res Bull");
    expect(value(CG.bibliographyFile)).toBe("seed.bib");
    expect(value(CG.bibliographyEntry)).toBe("levkovitz2002");
    expect(value(CG.matchedBy)).toBe("doi");
    const work = built.quads.filter((q) => q.subject.equals(iris.work("pmid-12183009")));
    expect(work.find((q) => q.predicate.equals(DCTERMS.issued))?.object.value).toBe("2002");
    expect(work.filter((q) => q.predicate.equals(CG.fieldSource))).toHaveLength(3);
    expect((await validateShacl(built.quads)).results).toEqual([]);
    expect(render(build(options), "trig")).toBe(render(built, "trig"));
  });
});

describe("matching a fictional document's references", () => {
  const { kb, diagnostics } = buildFictional([fixture("fictional.bib")]);
  const work = (n: number) => {
    const ref = kb.documents[0]?.references.find((r) => r.number === n);
    return kb.works.find((w) => w.key === ref?.workKey);
  };

  it("fills a full title by the start of the cut-short title as given", () => {
    expect(work(1)?.title).toBe(
      "Noradrenergic tone and the exemplary rodent: a fictional study of desipramine in twelve settings",
    );
    expect(work(1)?.bibliography?.sources.map((s) => s.field)).toEqual([
      "title",
      "authors",
      "year",
      "journal",
      "doi",
      "pmid",
    ]);
    expect(work(1)?.bibliography?.sources[0]).toMatchObject({
      file: "fictional.bib",
      entry: "examplesen2021",
      matchedBy: "title",
    });
  });

  it("matches by a PubMed id the document states before any title", () => {
    expect(work(4)?.bibliography).toMatchObject({
      match: "matched",
      candidates: ["fictional.bib#pmid-only"],
    });
    expect(work(4)?.bibliography?.sources[0]?.matchedBy).toBe("pmid");
  });

  it("reports a reference two entries match, and takes nothing from either", () => {
    expect(work(2)?.bibliography).toMatchObject({
      match: "ambiguous",
      candidates: ["fictional.bib#duplicate-a", "fictional.bib#duplicate-b"],
      sources: [],
    });
    expect(work(2)?.title).toBe("A fictional trial listed twice in one library");
    expect(diagnostics.filter((d) => d.code === "BibliographyAmbiguous")).toMatchObject([
      { file: "fictional.md", severity: "warning" },
    ]);
  });

  it("reports a reference no entry matches", () => {
    expect(work(3)?.bibliography?.match).toBe("unmatched");
    expect(diagnostics.filter((d) => d.code === "BibliographyUnmatched")).toHaveLength(1);
  });

  it("reports an identifier that disagrees with the document's, and does not take it", () => {
    const bib =
      "@article{other,\n  title = {Known by its PubMed id},\n  doi = {10.5555/cg.fixture.0009},\n  pmid = {90000903},\n}\n";
    const built = buildFictional(
      [{ file: "other.bib", text: bib }],
      ["Known by its PubMed id [https://pubmed.ncbi.nlm.nih.gov/90000902/]"],
    );
    const w = built.kb.works[0];
    expect(w?.bibliography?.match).toBe("matched");
    expect(w?.bibliography?.pmid).toBeUndefined();
    expect(w?.bibliography?.doi).toBe("10.5555/cg.fixture.0009");
    expect(built.diagnostics.filter((d) => d.code === "BibliographyDisagrees")).toMatchObject([
      { file: "other.bib", line: 1, severity: "warning" },
    ]);
    const quads = toSections(built.kb, iris).flat();
    const pmids = quads.filter((q) => q.predicate.equals(BIBO.pmid)).map((q) => q.object.value);
    expect(pmids).toEqual(["90000902"]);
  });
});
