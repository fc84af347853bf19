// The layout: no two nodes overlap (positions and sizes as the API gives them), the same
// input gives the same positions, and in the overview each entity type is laid out apart.
// On the seed, on the seed's overview (the projection with a threshold below its size) and on
// a small hand-made graph whose groups are linked across.
import Graph from "graphology";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { layout, NODE_MARGIN } from "../../src/projection/layout.ts";
import { project, type ViewModel } from "../../src/projection/projection.ts";
import { groupedShare, overlaps } from "../helpers/discs.ts";
import { SEED_KB } from "../helpers/serve.ts";

let kg: KnowledgeGraph;
let seed: ViewModel;
let overview: ViewModel;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  seed = project(kg);
  overview = project(kg, 50);
});

describe("the layout of the seed", () => {
  it("leaves no two of its 158 nodes overlapping", () => {
    expect(seed.nodes).toHaveLength(158);
    expect(overlaps(seed.nodes)).toEqual([]);
  });
});

describe("the overview (the seed's entities, as at scale)", () => {
  it("is the overview, of entities only", () => {
    expect(overview.overview).toBe(true);
    expect(overview.nodes.length).toBeGreaterThan(40);
    expect(overview.nodes.every((n) => n.kind === "entity")).toBe(true);
  });

  it("leaves no two nodes overlapping", () => {
    expect(overlaps(overview.nodes)).toEqual([]);
  });

  it("lays each entity type out apart: nearly every node is nearest its own type's centre", () => {
    const type = new Map(overview.nodes.map((n) => [n.key, n.type]));
    expect(groupedShare(overview.nodes, (k) => type.get(k) ?? "")).toBeGreaterThan(0.9);
  });

  it("is deterministic: the same knowledge graph gives the same positions", () => {
    expect(JSON.stringify(project(kg, 50))).toBe(JSON.stringify(overview));
  });
});

describe("layout on a graph whose groups are linked across", () => {
  // 90 nodes in three groups; each node linked to two nodes of the other groups.
  const graph = new Graph({ type: "undirected" });
  const key = (i: number) => `n${String(i).padStart(2, "0")}`;
  const groupOf = (k: string) => `g${Number(k.slice(1)) % 3}`;
  for (let i = 0; i < 90; i++) graph.addNode(key(i));
  for (let i = 0; i < 90; i++) {
    for (const j of [(i + 1) % 90, (i * 7 + 2) % 90]) {
      if (groupOf(key(i)) !== groupOf(key(j)) && !graph.hasEdge(key(i), key(j)))
        graph.addEdge(key(i), key(j), { weight: 1 });
    }
  }
  const size = (k: string) => 4 + (Number(k.slice(1)) % 5);
  const discs = (p: ReturnType<typeof layout>) =>
    Object.entries(p).map(([k, xy]) => ({ key: k, ...xy, size: size(k) }));

  it("keeps the groups apart when asked, and leaves at least the margin between discs", () => {
    const placed = discs(layout({ graph, size, group: groupOf }));
    expect(groupedShare(placed, groupOf)).toBeGreaterThan(0.9);
    const grown = placed.map((d) => ({ ...d, size: d.size + NODE_MARGIN / 2 - 0.01 }));
    expect(overlaps(grown)).toEqual([]);
  });

  it("gives the same positions twice and leaves the graph it is given as it was", () => {
    const before = JSON.stringify(graph.export());
    const a = layout({ graph, size, group: groupOf });
    expect(layout({ graph, size, group: groupOf })).toEqual(a);
    expect(JSON.stringify(graph.export())).toBe(before);
  });
});
