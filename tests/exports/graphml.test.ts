// GraphML read back by graphology-graphml's parser (an independent reader: claimgraph writes
// the file itself, graphology has no GraphML writer): every node, edge and claim of the
// projection, typed attributes, text XML cannot hold made safe, and stable bytes.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-graphml";
import { beforeAll, describe, expect, it } from "vitest";
import { graphmlText } from "../../src/exports/graphml.ts";
import { type ExportGraph, exportGraph } from "../../src/exports/view-graph.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { nodeColour } from "../../src/projection/palette.ts";
import { project } from "../../src/projection/projection.ts";
import { SEED_KB } from "../helpers/serve.ts";

let kg: KnowledgeGraph;
let text: string;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  text = graphmlText(exportGraph(kg));
});

describe("the seed as GraphML", () => {
  it("reads back with as many nodes, edges and claims as the knowledge base and the viewer have", () => {
    const back = parse(MultiDirectedGraph, text);
    const claims = kg.graph.filterNodes((_, a) => a.kind === "claim").length;
    expect(back.order).toBe(kg.graph.order);
    expect(back.size).toBe(project(kg).edges.length);
    expect(back.filterNodes((_, a) => a.kind === "claim")).toHaveLength(claims);
  });

  it("types each attribute: numbers as numbers, uncited as a boolean, the viewer's colours", () => {
    const back = parse(MultiDirectedGraph, text);
    for (const n of project(kg).nodes) {
      const a = back.getNodeAttributes(n.key);
      expect(a, n.key).toMatchObject({ label: n.label, type: n.type, x: n.x, y: n.y });
      expect(a.colour, n.key).toBe(nodeColour(n));
      expect(a.uncited, n.key).toBe(n.uncited);
      expect(a.claims, n.key).toBe(n.claims);
    }
  });

  it("is the same bytes from the same knowledge base", () => {
    expect(graphmlText(exportGraph(kg))).toBe(text);
  });
});

describe("text XML cannot hold as is", () => {
  it("escapes markup and drops characters XML 1.0 forbids, so a parser reads the rest back", () => {
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
    g.addNode("a<&>\"'b", { ...node, label: 'x < y & "z"\ttab\nline\u0001\uD800 end' });
    g.addNode("c", { ...node, label: "c" });
    g.addEdgeWithKey("e1", "a<&>\"'b", "c", { kind: "subject", label: "a & b" });
    const back = parse(MultiDirectedGraph, graphmlText(g));
    expect(back.getNodeAttribute("a<&>\"'b", "label")).toBe('x < y & "z"\ttab\nline end');
    expect(back.getEdgeAttribute("e1", "label")).toBe("a & b");
  });
});

describe("a graph too large to lay out", () => {
  it("goes out without x and y (the reader's layout places it), its colours and sizes kept", () => {
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
    const back = parse(MultiDirectedGraph, graphmlText(g));
    expect(back.getNodeAttributes("a")).toMatchObject({ colour: "#d55e00", size: 4 });
    expect(back.getNodeAttribute("a", "x")).toBeUndefined();
  });
});
