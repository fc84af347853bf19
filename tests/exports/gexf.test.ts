// GEXF read back by graphology-gexf's own parser (as Gephi would open it): every node and
// edge of the viewer's projection, claims among the nodes, each node with the viewer's label,
// colour, size and position, and the same bytes every time.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import { beforeAll, describe, expect, it } from "vitest";
import { gexfText } from "../../src/exports/gexf.ts";
import { type ExportGraph, exportGraph } from "../../src/exports/view-graph.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { nodeColour } from "../../src/projection/palette.ts";
import { project } from "../../src/projection/projection.ts";
import { SEED_KB } from "../helpers/serve.ts";

let kg: KnowledgeGraph;
let graph: ExportGraph;
let text: string;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  graph = exportGraph(kg);
  text = gexfText(graph);
});

function claimCount(): number {
  return kg.graph.filterNodes((_, a) => a.kind === "claim").length;
}

describe("the seed as GEXF", () => {
  it("reads back with as many nodes, edges and claims as the knowledge base and the viewer have", () => {
    const back = parse(MultiDirectedGraph, text);
    const view = project(kg);
    expect(back.order).toBe(kg.graph.order);
    expect(back.size).toBe(view.edges.length);
    expect(back.filterNodes((_, a) => a.kind === "claim")).toHaveLength(claimCount());
    expect(claimCount()).toBeGreaterThan(0);
  });

  it("gives each node the viewer's label, type, colour, size and position", () => {
    const back = parse(MultiDirectedGraph, text);
    for (const n of project(kg).nodes) {
      const a = back.getNodeAttributes(n.key);
      expect(a.label, n.key).toBe(n.label);
      expect(a.kind, n.key).toBe(n.kind);
      expect(a.type, n.key).toBe(n.type);
      expect(a.color, n.key).toBe(nodeColour(n));
      expect(a.x, n.key).toBe(n.x);
      expect(a.y, n.key).toBe(n.y);
      expect(a.size, n.key).toBeCloseTo(n.size, 2);
    }
  });

  it("links each claim to its subject, with the edge's kind", () => {
    const back = parse(MultiDirectedGraph, text);
    kg.graph.forEachNode((key, a) => {
      if (a.kind !== "claim" || a.subject === key) return;
      const kinds = back.edges(key, a.subject).map((e) => back.getEdgeAttribute(e, "kind"));
      expect(kinds, key).toContain("subject");
    });
  });

  it("is the same bytes from the same knowledge base, and carries no date", () => {
    expect(gexfText(exportGraph(kg))).toBe(text);
    expect(text).not.toMatch(/lastmodifieddate/i);
  });
});

describe("text XML cannot hold as is", () => {
  it("is escaped or dropped, so the parser reads the rest back", () => {
    const g: ExportGraph = new MultiDirectedGraph();
    const node = {
      kind: "entity",
      type: "Drug",
      colour: "#d55e00",
      x: 0.5,
      y: -1,
      size: 3,
      claims: 0,
      evidence: "none",
      uncited: false,
      documents: "",
    };
    g.addNode("a<&>\"'b", { ...node, label: 'x < y & "z" line\u0001\uD800 end' });
    g.addNode("c", { ...node, label: "c", documents: "d\u000Bd" });
    g.addEdgeWithKey("e1", "a<&>\"'b", "c", { kind: "subject", label: "a & b" });
    const back = parse(MultiDirectedGraph, gexfText(g));
    expect(back.getNodeAttribute("a<&>\"'b", "label")).toBe('x < y & "z" line end');
    expect(back.getNodeAttribute("c", "documents")).toBe("dd");
    expect(back.getEdgeAttribute("e1", "label")).toBe("a & b");
  });
});

describe("a graph too large to lay out", () => {
  it("goes out without positions (Gephi lays it out), its colours and sizes kept", () => {
    const g: ExportGraph = new MultiDirectedGraph();
    g.setAttribute("positioned", false);
    g.addNode("a", {
      label: "a",
      kind: "entity",
      type: "Drug",
      colour: "#d55e00",
      x: 0,
      y: 0,
      size: 4,
      claims: 1,
      evidence: "none",
      uncited: false,
      documents: "",
    });
    g.addNode("b", { ...g.getNodeAttributes("a"), label: "b" });
    g.addEdgeWithKey("e1", "a", "b", { kind: "object", label: "inhibits" });
    const text = gexfText(g);
    expect(text).not.toContain("viz:position");
    expect(text).not.toContain("positioned");
    const back = parse(MultiDirectedGraph, text);
    expect(back.getNodeAttributes("a")).toMatchObject({ color: "#d55e00", size: 4 });
    expect(back.getNodeAttribute("a", "x")).toBeUndefined();
  });
});
