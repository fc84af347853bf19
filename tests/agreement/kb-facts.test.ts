// The build computes its agreement graph from the knowledge base it holds (#15 point 4), not
// from a graph read back from its quads: the facts, and the agreement computed from them, must
// be the ones `claimgraph conflicts` computes from the written files. Checked on the seed (with
// its curation) and on the agreement corpus (tests/fixtures/agreement/), and under --trusty.
import { describe, expect, it } from "vitest";
import { agreementWith } from "../../src/agreement/agreement.ts";
import { claimFacts } from "../../src/agreement/facts.ts";
import { kbClaimFacts } from "../../src/agreement/kb-facts.ts";
import { loadConflictRules } from "../../src/agreement/rules.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { kbAgreement } from "../../src/pipeline/agreement-section.ts";
import { type Built, build } from "../../src/pipeline/pipeline.ts";
import { CG, NP } from "../../src/rdf/vocab/vocabulary.ts";
import { AGREEMENT_SOURCES } from "../helpers/agreement-gold.ts";
import { NO_CURATION, seedBuild } from "../helpers/build.ts";

const AGREEMENT_GRAPH = "https://w3id.org/claimgraph/kb/graph/agreement";

/** The graph `claimgraph conflicts --kb` reads, from what the build wrote. */
function graphOf(built: Built): KnowledgeGraph {
  return new KnowledgeGraph(graphFromQuads(built.quads), built.iris.prefixes());
}

const builds: [string, () => Built][] = [
  ["the seed", seedBuild],
  ["the agreement corpus", () => build({ sources: AGREEMENT_SOURCES, curation: NO_CURATION })],
];

describe.each(builds)("the agreement from the knowledge base, on %s", (_, built) => {
  it("reads the same claim facts as the graph read back from the files", () => {
    const b = built();
    const facts = kbClaimFacts(b.kb, b.iris);
    expect(facts.length).toBeGreaterThan(20);
    expect(facts).toEqual(claimFacts(graphOf(b)));
  });

  it("groups and detects the same assertions and conflicts", () => {
    const b = built();
    const fromKb = kbAgreement(b.kb, b.iris);
    expect(fromKb.conflicts.length).toBeGreaterThan(0);
    expect(fromKb).toEqual(agreementWith(graphOf(b), loadConflictRules()));
  });
});

describe("the agreement graph's nanopublication links", () => {
  it("name the trusty nanopublications under --trusty", () => {
    const b = build({ sources: AGREEMENT_SOURCES, curation: NO_CURATION, trusty: true });
    const written = new Set(
      b.quads.filter((q) => q.predicate.equals(NP.hasAssertion)).map((q) => q.subject.value),
    );
    const linked = b.quads
      .filter(
        (q) => q.graph.value === AGREEMENT_GRAPH && q.predicate.equals(CG.groupsNanopublication),
      )
      .map((q) => q.object.value);
    expect(linked.length).toBeGreaterThan(0);
    for (const np of linked) expect(written.has(np), np).toBe(true);
    expect(linked.every((np) => /\.RA[\w-]{43}$/.test(np))).toBe(true);
  });
});
