// How a knowledge base is laid out for a store: one graph per document (its nanopublications
// included) plus the shared graph and, last (it names the others' claims), the agreement graph;
// each graph cut into request bodies of bounded size.
import type { Quad } from "@rdfjs/types";
import { DataFactory, Parser } from "n3";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/pipeline.ts";
import { BODY_HEADER, chunkLines, groupGraphs } from "../../src/store/graphs.ts";
import { SEED_SOURCES, secondBuild, seedBuild } from "../helpers/build.ts";

const { namedNode, literal, blankNode, quad, defaultGraph } = DataFactory;

const KB = "https://w3id.org/claimgraph/kb/";
const PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom";

function triplesOf(lines: readonly string[]): Quad[] {
  return new Parser({ format: "N-Triples" }).parse(lines.join(""));
}

describe("groupGraphs", () => {
  it("puts each claim's nanopublication in its document's graph, entities and works in shared", () => {
    const quads = [...seedBuild().quads, ...secondBuild().quads];
    const groups = groupGraphs(quads);
    expect(groups.map((g) => g.graph)).toEqual([
      `${KB}graph/desipramine-vs-ssris`,
      `${KB}graph/nortriptyline-vs-sertraline`,
      `${KB}graph/shared`,
      `${KB}graph/agreement`,
    ]);
    for (const g of groups.slice(0, 2)) {
      const doc = `${KB}doc/${g.graph.slice(`${KB}graph/`.length)}`;
      const claims = triplesOf(g.lines).filter(
        (t) => t.subject.value.startsWith(`${KB}claim/`) && t.predicate.value === PROV_DERIVED,
      );
      expect(claims.length).toBeGreaterThan(20);
      for (const c of claims) expect(c.object.value).toBe(doc);
    }
    // Every quad's triple is kept, once per graph (two documents may assert the same triple).
    for (const g of groups) expect(new Set(g.lines).size).toBe(g.lines.length);
    const writerLines = new Set(
      groups.flatMap((g) =>
        triplesOf(g.lines).map((t) => `${t.subject.value} ${t.predicate.value} ${t.object.value}`),
      ),
    );
    for (const q of quads)
      expect(writerLines.has(`${q.subject.value} ${q.predicate.value} ${q.object.value}`)).toBe(
        true,
      );
  });

  it("puts trusty nanopublications (pub:<claim>.RA…#head) in their document's graph too", () => {
    const trusty = build({ sources: SEED_SOURCES, trusty: true });
    const groups = groupGraphs(trusty.quads);
    expect(groups.map((g) => g.graph)).toEqual([
      `${KB}graph/desipramine-vs-ssris`,
      `${KB}graph/shared`,
      `${KB}graph/agreement`,
    ]);
    const lines = groups.reduce((n, g) => n + g.lines.length, 0);
    expect(lines).toBe(groupGraphs(seedBuild().quads).reduce((n, g) => n + g.lines.length, 0));
  });

  it("names the graphs under baseGraph when given", () => {
    const groups = groupGraphs(seedBuild().quads, "https://example.org/g/");
    expect(groups.map((g) => g.graph)).toEqual([
      "https://example.org/g/desipramine-vs-ssris",
      "https://example.org/g/shared",
      "https://example.org/g/agreement",
    ]);
  });

  it("keeps foreign named graphs, and puts the default graph's triples in <base>graph/default", () => {
    const s = namedNode("https://example.org/s");
    const p = namedNode("https://example.org/p");
    const groups = groupGraphs([
      quad(s, p, literal("a"), defaultGraph()),
      quad(s, p, literal("b"), namedNode("https://example.org/other")),
      quad(s, p, literal("c"), namedNode(`${KB}graph/shared`)),
    ]);
    expect(groups.map((g) => [g.graph, g.lines.length])).toEqual([
      ["https://example.org/other", 1],
      [`${KB}graph/default`, 1],
      [`${KB}graph/shared`, 1],
    ]);
  });
});

describe("chunkLines", () => {
  const group = groupGraphs(seedBuild().quads)[0];
  if (!group) throw new Error("no graph");

  it.each([20_000, 50_000, 1_000_000])("cuts a graph into bodies of at most %i bytes", (max) => {
    const bodies = chunkLines(group, max, "http://store");
    for (const b of bodies) {
      expect(Buffer.byteLength(b)).toBeLessThanOrEqual(max);
      expect(b.startsWith(BODY_HEADER)).toBe(true);
    }
    expect(bodies.map((b) => b.slice(BODY_HEADER.length)).join("")).toBe(group.lines.join(""));
    if (max === 1_000_000) expect(bodies).toHaveLength(1);
  });

  it("refuses a triple bigger than a request may be", () => {
    expect(() => chunkLines(group, 2_000, "http://store")).toThrow(
      expect.objectContaining({ name: "StoreError", graph: group.graph }),
    );
  });

  it("refuses to split blank nodes across requests", () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      quad(blankNode(`b${i}`), namedNode("https://example.org/p"), literal("x".repeat(100))),
    );
    const [blank] = groupGraphs(lines);
    expect(blank?.blankNodes).toBe(true);
    expect(chunkLines(blank as NonNullable<typeof blank>, 100_000, "http://store")).toHaveLength(1);
    expect(() => chunkLines(blank as NonNullable<typeof blank>, 1_000, "http://store")).toThrow(
      /blank nodes/,
    );
  });
});
