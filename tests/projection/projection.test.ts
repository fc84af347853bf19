// The display projection of the seed: every node placed at a finite position, the same
// positions every time, sizes that grow with the claims touching a node, only the overview
// of entities above the threshold, and the knowledge graph itself left untouched.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { OVERVIEW_THRESHOLD, project, type ViewModel } from "../../src/projection/projection.ts";
import { SEED_KB } from "../helpers/serve.ts";

let kg: KnowledgeGraph;
let view: ViewModel;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  view = project(kg);
});

describe("the seed's projection", () => {
  it("holds every node of the knowledge graph, the whole graph rather than the overview", () => {
    expect(view.overview).toBe(false);
    expect(kg.graph.order).toBeLessThan(OVERVIEW_THRESHOLD);
    expect(view.nodes).toHaveLength(kg.graph.order);
    expect(view.totalNodes).toBe(kg.graph.order);
    expect(view.totalEdges).toBe(kg.graph.size);
    expect(new Set(view.nodes.map((n) => n.key)).size).toBe(view.nodes.length);
  });

  it("places every node at a finite position, spread out rather than piled up", () => {
    for (const n of view.nodes) {
      expect(Number.isFinite(n.x), n.key).toBe(true);
      expect(Number.isFinite(n.y), n.key).toBe(true);
      expect(Number.isFinite(n.size), n.key).toBe(true);
    }
    const distinct = new Set(view.nodes.map((n) => `${n.x},${n.y}`));
    expect(distinct.size).toBe(view.nodes.length);
  });

  it("is deterministic: two projections are equal, to the byte", () => {
    const again = project(kg);
    expect(again).toEqual(view);
    expect(JSON.stringify(again)).toBe(JSON.stringify(view));
  });

  it("is deterministic across separately opened graphs, edge keys included", async () => {
    const a = project(await openKnowledgeGraph([SEED_KB], { cache: false }));
    const b = project(await openKnowledgeGraph([SEED_KB], { cache: false }));
    expect(b.nodes).toEqual(a.nodes);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("places nodes identically across separately opened graphs", async () => {
    const a = project(await openKnowledgeGraph([SEED_KB], { cache: false }));
    expect(a.nodes).toEqual(view.nodes);
  });

  it("draws only edges between drawn nodes, without the triples' shortcuts or self-loops", () => {
    const keys = new Set(view.nodes.map((n) => n.key));
    for (const e of view.edges) {
      expect(keys.has(e.source), e.key).toBe(true);
      expect(keys.has(e.target), e.key).toBe(true);
      expect(e.source).not.toBe(e.target);
      expect(e.kind).not.toBe("asserts");
    }
    expect(new Set(view.edges.map((e) => e.key)).size).toBe(view.edges.length);
  });

  it("sizes nodes by the claims touching them: more claims, never smaller", () => {
    const others = view.nodes.filter((n) => n.kind !== "claim");
    for (const a of others) {
      for (const b of others) {
        if (a.claims < b.claims) expect(a.size, `${a.key} < ${b.key}`).toBeLessThanOrEqual(b.size);
      }
    }
    const size = (label: string) => view.nodes.find((n) => n.label === label)?.size ?? 0;
    expect(size("desipramine")).toBeGreaterThan(size("fluoxetine"));
    expect(size("fluoxetine")).toBeGreaterThan(size("mirtazapine"));
    expect(size("mirtazapine")).toBeGreaterThan(size("obsessive-compulsive disorder"));
    // Claims about it (subject or object) and claims that mention it all count.
    const desipramine = view.nodes.find((n) => n.label === "desipramine");
    expect(desipramine?.claims).toBeGreaterThanOrEqual(
      kg.claimsAbout(desipramine?.key ?? "").length,
    );
  });

  it("leaves the knowledge graph without display attributes", () => {
    kg.graph.forEachNode((key, a) => {
      expect(a, key).not.toHaveProperty("x");
      expect(a, key).not.toHaveProperty("size");
      expect(a, key).not.toHaveProperty("color");
    });
  });
});

describe("the overview, above a small threshold", () => {
  let overview: ViewModel;
  beforeAll(() => {
    overview = project(kg, 100);
  });

  it("kicks in above the threshold and not at it", () => {
    expect(overview.overview).toBe(true);
    expect(project(kg, kg.graph.order).overview).toBe(false);
    expect(project(kg, kg.graph.order - 1).overview).toBe(true);
  });

  it("draws the entities only, linked by the claims between them and by class membership", () => {
    const entities = kg.graph.filterNodes((_, a) => a.kind === "entity");
    expect(overview.nodes.map((n) => n.key).sort()).toEqual(entities.sort());
    expect(overview.nodes.every((n) => n.kind === "entity")).toBe(true);
    expect(overview.edges.length).toBeGreaterThan(0);
    const kinds = new Set(overview.edges.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["asserts", "memberOf"]);
    const keys = new Set(overview.nodes.map((n) => n.key));
    for (const e of overview.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
    expect(overview.totalNodes).toBe(kg.graph.order);
  });

  it("places the overview deterministically at finite positions too", () => {
    for (const n of overview.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    expect(JSON.stringify(project(kg, 100))).toBe(JSON.stringify(overview));
  });
});
