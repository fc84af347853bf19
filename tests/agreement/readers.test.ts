// The readers of the knowledge-base files skip the agreement graph the build now writes (#15
// point 4): the knowledge graph holds the documents' claims, entities and works, and the
// agreement is computed again from those claims (the same agreement: kb-facts.test.ts). So the
// assertions and conflicts never become stray entities or nodes, and stats, the trace's graph
// and the viewer's projection count what they counted before the graph was written.
import type { Quad } from "@rdfjs/types";
import { DataFactory } from "n3";
import { describe, expect, it } from "vitest";
import { agreementWith } from "../../src/agreement/agreement.ts";
import { loadConflictRules } from "../../src/agreement/rules.ts";
import { stats } from "../../src/audit/stats.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { type Built, build } from "../../src/pipeline/pipeline.ts";
import { project } from "../../src/projection/projection.ts";
import { CG, RDF, XSD } from "../../src/rdf/vocab/vocabulary.ts";
import { AGREEMENT_SOURCES } from "../helpers/agreement-gold.ts";
import { NO_CURATION, seedBuild } from "../helpers/build.ts";

const { literal, namedNode, quad } = DataFactory;

const AGREEMENT_GRAPH = "https://w3id.org/claimgraph/kb/graph/agreement";

function graphOf(built: Built, quads: readonly Quad[]): KnowledgeGraph {
  return new KnowledgeGraph(graphFromQuads(quads), built.iris.prefixes());
}

const builds: [string, () => Built][] = [
  ["the seed", seedBuild],
  ["the agreement corpus", () => build({ sources: AGREEMENT_SOURCES, curation: NO_CURATION })],
];

describe.each(builds)("reading %s's files, agreement graph included", (_, built) => {
  it("gives the same nodes, edges, stats and projection as without the agreement graph", () => {
    const b = built();
    const others = b.quads.filter((q) => q.graph.value !== AGREEMENT_GRAPH);
    expect(b.quads.length - others.length).toBeGreaterThan(100);
    const read = graphOf(b, b.quads);
    const without = graphOf(b, others);
    expect(read.graph.nodes().sort()).toEqual(without.graph.nodes().sort());
    expect(read.graph.size).toBe(without.graph.size);
    for (const n of read.graph.nodes()) expect(n).not.toMatch(/\/(assertion|conflict)\//);
    expect(stats(read)).toEqual(stats(without));
    const nodes = (kg: KnowledgeGraph) => project(kg, Number.POSITIVE_INFINITY, false).nodes.length;
    expect(nodes(read)).toBe(nodes(without));
  });
});

describe("a file whose agreement graph says something else", () => {
  it("changes nothing the readers say: the agreement comes from the claims", () => {
    const b = seedBuild();
    const graph = namedNode(AGREEMENT_GRAPH);
    const first = b.quads.find((q) => q.graph.equals(graph) && q.predicate.equals(RDF.type));
    if (!first) throw new Error("no agreement graph in the seed's build");
    const forged = namedNode("https://w3id.org/claimgraph/kb/conflict/forged");
    const lies = [
      ...b.quads.filter((q) => !q.predicate.equals(CG.primarySources)),
      quad(first.subject, CG.primarySources, literal("99", XSD.integer), graph),
      quad(forged, RDF.type, CG.Conflict, graph),
      quad(forged, CG.conflictRule, CG.FrequencyGapRule, graph),
      quad(forged, CG.conflictSide, first.subject, graph),
    ];
    const rules = loadConflictRules();
    expect(agreementWith(graphOf(b, lies), rules)).toEqual(
      agreementWith(graphOf(b, b.quads), rules),
    );
  });
});
