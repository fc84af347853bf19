// The audit of a build with --bibliography: a work two entries match, an entry's identifier
// that differs from the work's, and a work no entry matches, each placed at its list entry.
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { DEFAULT_BASE_IRI } from "../../src/rdf/vocab/vocabulary.ts";
import { Iris } from "../../src/rdf/write/iris.ts";
import { toSections } from "../../src/rdf/write/quads.ts";
import { buildFictional, FICTIONAL_REFERENCES, fixture } from "../bibliography/fictional.ts";

const conflicting = {
  file: "other.bib",
  text: "@article{other,\n  title = {A fictional work whose entry gives another PubMed id},\n  pmid = {90000903},\n}\n",
};
// The fourth reference states PMID 90000904; "other", matching it by title, gives another.
const references = [
  ...FICTIONAL_REFERENCES.slice(0, 3),
  "A fictional work whose entry gives another PubMed id [https://pubmed.ncbi.nlm.nih.gov/90000904/]",
];
const { kb } = buildFictional([fixture("fictional.bib"), conflicting], references);
const kg = new KnowledgeGraph(graphFromQuads(toSections(kb, new Iris(DEFAULT_BASE_IRI)).flat()));

describe("the audit of a bibliography's matches", () => {
  const report = audit(kg);
  const of = (kind: string) => report.findings.filter((f) => f.kind === kind);

  it("counts each kind", () => {
    expect(report.counts["bibliography-ambiguous"]).toBe(1);
    expect(report.counts["bibliography-disagrees"]).toBe(1);
    expect(report.counts["bibliography-unmatched"]).toBe(1);
  });

  it("reports the ambiguous work with both entries, at its list entry", () => {
    expect(of("bibliography-ambiguous")).toMatchObject([
      { severity: "warning", location: { file: "fictional.md", column: 1 } },
    ]);
    expect(of("bibliography-ambiguous")[0]?.message).toContain(
      "fictional.bib#duplicate-a, fictional.bib#duplicate-b",
    );
  });

  it("reports the identifier that disagrees, and the work no entry matches", () => {
    expect(of("bibliography-disagrees")[0]?.message).toContain("other.bib#other");
    expect(of("bibliography-disagrees")[0]?.message).toContain("90000903");
    expect(of("bibliography-unmatched")).toMatchObject([{ severity: "info" }]);
  });
});
