// A document whose references give a DOI link, a PubMed address and a consumer page, built,
// validated against the SHACL shapes and traced: the identifiers it states are found, shown as
// stated (not checked), the host is the address's host, and the evidence types say they were
// inferred, with their rules.
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { validateShacl } from "../../src/rdf/check/shacl.ts";
import { CG, DEFAULT_BASE_IRI } from "../../src/rdf/vocab/vocabulary.ts";
import { Iris } from "../../src/rdf/write/iris.ts";
import { toSections } from "../../src/rdf/write/quads.ts";
import { trace } from "../../src/trace/trace.ts";
import { buildDocs } from "../helpers/references.ts";

const kb = buildDocs({
  doc: {
    references: [
      "Fluoxetine but not desipramine ... [https://doi.org/10.1016/s0361-9230(01)00780-8]",
      "Addition of desipramine ... [https://pubmed.ncbi.nlm.nih.gov/9286191/]",
      "Antidepressant Side Effects ... [https://www.healthline.com/health/antidepressant-side-effects]",
    ],
  },
});
const quads = toSections(kb, new Iris(DEFAULT_BASE_IRI)).flat();
const kg = new KnowledgeGraph(graphFromQuads(quads));

describe("a document that states identifiers", () => {
  it("conforms to the SHACL shapes, with its identifiers marked as stated by the document", async () => {
    const stated = quads.filter(
      (q) => q.predicate.equals(CG.identifierSource) && q.object.equals(CG.StatedByDocument),
    );
    expect(stated).toHaveLength(2);
    const report = await validateShacl(quads);
    expect(report.results).toEqual([]);
  });

  it("is traced by a DOI it states, shown as stated, with the address's host", () => {
    const r = trace(kg, "doi:10.1016/s0361-9230(01)00780-8");
    expect(r.match).toBe("work");
    expect(r.references[0]?.citation).toMatchObject({
      number: 1,
      host: "doi.org",
      locator: "https://doi.org/10.1016/s0361-9230(01)00780-8",
      url: "https://doi.org/10.1016/s0361-9230(01)00780-8",
      identifiers: [],
      unverifiedIdentifiers: [],
      statedIdentifiers: ["doi:10.1016/s0361-9230(01)00780-8"],
      evidenceType: "PrimaryResearch",
      evidenceTypeRule: "identifier:doi",
      evidenceTypeInferred: true,
    });
    // The sentence, and the relation its cue "inhibits" states: both cite the work.
    expect(r.total).toBe(2);
  });

  it("is traced by a PMID it states", () => {
    const r = trace(kg, "pmid:9286191");
    expect(r.references.map((x) => x.number)).toEqual([2]);
    expect(r.references[0]?.citation.url).toBe("https://pubmed.ncbi.nlm.nih.gov/9286191/");
  });

  it("gives every work an evidence type, and the claim resting on them is not weak support", () => {
    const findings = audit(kg).findings;
    expect(findings.filter((f) => f.kind === "weak-support")).toEqual([]);
    expect(findings.filter((f) => f.kind === "unknown-evidence-type")).toEqual([]);
  });

  it("lists the identifiers it states among the unverified, said to be stated by the document", () => {
    const messages = audit(kg)
      .findings.filter((f) => f.kind === "unverified-identifier" && f.subject.includes("/work/"))
      .map((f) => f.message.replace(/^.*: /, ""));
    expect(messages.sort()).toEqual([
      "doi:10.1016/s0361-9230(01)00780-8 is stated by the document, not checked against a public record",
      "pmid:9286191 is stated by the document, not checked against a public record",
    ]);
  });
});
