// A question's derived index (trace's word index, path's view, the answers per entity, the
// viewer's search names) lives in its KnowledgeGraph (`kg.index(kind)`): built the first time a
// graph is asked for it, the same object after, and never shared with another graph.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { type GraphIndex, KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { searchClaims } from "../../src/graph/resolve.ts";
import { search } from "../../src/server/api.ts";
import { findPath } from "../../src/trace/path.ts";
import { trace } from "../../src/trace/trace.ts";
import { seedBuild } from "../helpers/build.ts";

const ENT = "https://w3id.org/claimgraph/kb/entity/";
const SRC = join(import.meta.dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}
const quads = seedBuild().quads;
/** The seed without one entity: every triple naming desipramine left out. */
const withoutDesipramine = () =>
  new KnowledgeGraph(
    graphFromQuads(
      quads.filter((q) => ![q.subject, q.object].some((t) => t.value === `${ENT}desipramine`)),
    ),
  );

describe("kg.index", () => {
  it("builds an index once per graph, and keeps each graph's apart", () => {
    const built: KnowledgeGraph[] = [];
    const order: GraphIndex<{ nodes: number }> = {
      name: "node count",
      build: (kg) => {
        built.push(kg);
        return { nodes: kg.graph.order };
      },
    };
    const a = new KnowledgeGraph(graphFromQuads(quads));
    const b = new KnowledgeGraph(graphFromQuads([]));
    const first = a.index(order);
    expect(a.index(order)).toBe(first);
    expect(built).toEqual([a]);
    expect(b.index(order)).toEqual({ nodes: 0 });
    expect(b.index(order)).not.toBe(first);
    expect(built).toEqual([a, b]);
    expect(a.index(order)).toEqual({ nodes: a.graph.order });
    expect(first.nodes).toBeGreaterThan(0);
  });

  it("keeps apart two kinds with the same name (the kind object is the key)", () => {
    const kg = new KnowledgeGraph(graphFromQuads([]));
    const one: GraphIndex<string> = { name: "same", build: () => "one" };
    const two: GraphIndex<string> = { name: "same", build: () => "two" };
    expect([kg.index(one), kg.index(two)]).toEqual(["one", "two"]);
  });

  it("holds every question's index: no module keeps graphs in a WeakMap of its own", () => {
    const kept = sourceFiles(SRC).filter((f) =>
      /WeakMap\s*<\s*KnowledgeGraph\b/.test(readFileSync(f, "utf8")),
    );
    expect(kept.map((f) => relative(SRC, f))).toEqual([]);
    // …and trace, search, path and the viewer's search answer from each graph's own.
    const whole = new KnowledgeGraph(graphFromQuads(quads));
    const part = withoutDesipramine();
    const query = "desipramine primary target";
    // Asked in turn, so an index kept from one graph would answer for the other.
    expect(searchClaims(whole, query)).toHaveLength(1);
    expect(searchClaims(part, query)).toEqual([]);
    expect(trace(whole, "desipramine").match).toBe("entity");
    expect(trace(part, "desipramine").match).not.toBe("entity");
    expect(trace(whole, "desipramine").total).toBeGreaterThan(0);
    expect(search(whole, "desipramine")[0]?.id).toBe(`${ENT}desipramine`);
    expect(search(part, "desipramine").map((h) => h.id)).not.toContain(`${ENT}desipramine`);
    expect(findPath(whole, "desipramine", "NET").found).toBe(true);
    expect(findPath(part, "desipramine", "NET").found).toBe(false);
    expect(searchClaims(whole, query)).toHaveLength(1);
  });
});
