// The agreement as RDF (#15 point 4): the agreement section every build writes, after the
// documents' sections and the shared graph, holds grouped assertions and conflicts in their own named graph,
// SHACL-valid, byte-identical across builds, linked to the claims and their nanopublications,
// with support counts as xsd:integer; an assertion's IRI does not move when an unrelated
// document is added.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import { afterAll, describe, expect, it } from "vitest";
import { type Built, build } from "../../src/pipeline/pipeline.ts";
import { validateShacl } from "../../src/rdf/check/shacl.ts";
import { CG, NP, RDF, XSD } from "../../src/rdf/vocab/vocabulary.ts";
import { serializeSections } from "../../src/rdf/write/serialize.ts";
import { NO_CURATION, removeTemp, seedBuild, tempDir } from "../helpers/build.ts";
import { rapperCheck, serdiCheck } from "../helpers/external-validators.ts";
import { templateDocument } from "../helpers/template.ts";

const AGREEMENT = "https://w3id.org/claimgraph/kb/graph/agreement";

afterAll(removeTemp);

function sideEffects(drug: string, sedation: string): string {
  return templateDocument(
    [`Side Effect\t${drug}\tSSRIs\n<b>Sedation</b>\t${sedation} [1]\tVaries [2]`],
    drug,
  );
}

/** Builds the named documents (name → text) into a fresh sources folder. */
function buildOf(name: string, docs: Record<string, string>): Built {
  const sources = join(tempDir(), name);
  mkdirSync(sources, { recursive: true });
  for (const [file, text] of Object.entries(docs)) writeFileSync(join(sources, file), text);
  return build({ sources, curation: NO_CURATION });
}

/** A build's sections, its agreement section last. */
function withAgreement(built: Built): Quad[][] {
  const sections = built.sections.map((s) => [...s]);
  expect(sections.at(-1)?.every((q) => q.graph.value === AGREEMENT)).toBe(true);
  return sections;
}

const inAgreement = (quads: readonly Quad[]) => quads.filter((q) => q.graph.value === AGREEMENT);
const subjectsOf = (quads: readonly Quad[], type: string) =>
  quads
    .filter((q) => q.predicate.equals(RDF.type) && q.object.value === type)
    .map((q) => q.subject.value);

const planted = {
  "first.md": sideEffects("Bupropion", "Rare"),
  "second.md": sideEffects("Bupropion", "Very common"),
};

describe("the agreement graph", () => {
  const built = buildOf("planted", planted);
  const all = withAgreement(built).flat();
  const agreement = inAgreement(all);

  it("holds the assertions and the planted conflict, with both sides", () => {
    const conflicts = subjectsOf(agreement, CG.Conflict.value);
    expect(conflicts).toHaveLength(1);
    const conflict = conflicts[0];
    const rule = agreement.filter(
      (q) => q.subject.value === conflict && q.predicate.equals(CG.conflictRule),
    );
    expect(rule.map((q) => q.object.value)).toEqual([CG.FrequencyGapRule.value]);
    const sides = agreement.filter(
      (q) => q.subject.value === conflict && q.predicate.equals(CG.conflictSide),
    );
    expect(sides).toHaveLength(2);
  });

  it("links each grouped claim to its nanopublication", () => {
    const claims = agreement.filter((q) => q.predicate.equals(CG.groupsClaim));
    const nanopubs = agreement.filter((q) => q.predicate.equals(CG.groupsNanopublication));
    expect(claims.length).toBeGreaterThan(0);
    const declared = new Set(
      built.quads.filter((q) => q.predicate.equals(NP.hasAssertion)).map((q) => q.subject.value),
    );
    expect(nanopubs).toHaveLength(claims.length);
    for (const q of nanopubs) expect(declared.has(q.object.value)).toBe(true);
  });

  it("gives the support counts as xsd:integer literals", () => {
    const counts = agreement.filter((q) => q.predicate.equals(CG.unknownSources));
    expect(counts.length).toBe(subjectsOf(agreement, CG.GroupedAssertion.value).length);
    for (const q of counts)
      expect((q.object as { datatype: { value: string } }).datatype.value).toBe(XSD.integer.value);
  });

  it("conforms to the SHACL shapes", async () => {
    const report = await validateShacl(all);
    expect(report.results).toEqual([]);
  });

  it("is written byte-identically by two builds, in every format", () => {
    const again = buildOf("planted-again", planted);
    for (const format of ["turtle", "trig", "nquads", "jsonld"] as const) {
      const one = serializeSections(withAgreement(built), format, built.iris.prefixes());
      const two = serializeSections(withAgreement(again), format, again.iris.prefixes());
      expect(two, format).toBe(one);
    }
  });

  it("is accepted by rapper and serdi in Turtle, TriG and N-Quads", () => {
    const syntaxes = [
      ["turtle", "turtle", "ttl"],
      ["trig", "trig", "trig"],
      ["nquads", "nquads", "nq"],
    ] as const;
    for (const [format, syntax, ext] of syntaxes) {
      const file = join(tempDir(), `agreement.${ext}`);
      writeFileSync(file, serializeSections(withAgreement(built), format, built.iris.prefixes()));
      for (const check of [rapperCheck, serdiCheck]) {
        const r = check(file, syntax);
        expect(r.ok, r.output).toBe(true);
      }
    }
  });

  it("keeps every assertion's IRI when an unrelated document is added", () => {
    const more = buildOf("with-unrelated", {
      ...planted,
      "third.md": sideEffects("Vilazodone", "Common"),
    });
    const before = subjectsOf(agreement, CG.GroupedAssertion.value);
    const after = new Set(
      subjectsOf(inAgreement(withAgreement(more).flat()), CG.GroupedAssertion.value),
    );
    expect(before.length).toBeGreaterThan(0);
    for (const iri of before) expect(after.has(iri), iri).toBe(true);
  });

  it("groups the seed's claims too", () => {
    const seed = inAgreement(seedBuild().quads);
    expect(subjectsOf(seed, CG.GroupedAssertion.value).length).toBeGreaterThan(70);
    expect(subjectsOf(seed, CG.Conflict.value)).toHaveLength(1);
  });
});
