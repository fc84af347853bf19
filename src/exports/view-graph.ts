/**
 * The graph GEXF and GraphML carry: the viewer's projection of the whole knowledge graph
 * (never the overview), with what the viewer draws as attributes — each node's kind, type,
 * label, colour (the palette's), size and position (the same layout) — and what its filters
 * read (evidence, uncited, documents). Claims are nodes, as in the viewer: each links to its
 * subject, its object, the references it cites and its document, so a claim's citations stay
 * in the graph a Gephi user explores.
 */
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { nodeColour } from "../projection/palette.ts";
import { project, type ViewModel } from "../projection/projection.ts";

export interface ExportNode {
  readonly label: string;
  readonly kind: string;
  readonly type: string;
  /** "#rrggbb", as the viewer draws the node. */
  readonly colour: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly claims: number;
  readonly evidence: string;
  readonly uncited: boolean;
  /** The IRIs of the documents the node stands in, joined by " | ". */
  readonly documents: string;
}

export interface ExportEdge {
  /** subject, object, cites, mentions, derivedFrom, … (the knowledge graph's edge kinds). */
  readonly kind: string;
  readonly label: string;
}

export type ExportGraph = MultiDirectedGraph<ExportNode, ExportEdge>;

/** The projection of every node (no overview, whatever the size), as a graphology graph. */
export function exportGraph(kg: KnowledgeGraph): ExportGraph {
  return graphOf(project(kg, Number.POSITIVE_INFINITY));
}

/** Nodes in key order, edges in the projection's order: the same graph gives the same file. */
export function graphOf(view: ViewModel): ExportGraph {
  const g: ExportGraph = new MultiDirectedGraph();
  for (const n of [...view.nodes].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    g.addNode(n.key, {
      label: n.label,
      kind: n.kind,
      type: n.type,
      colour: nodeColour(n),
      x: n.x,
      y: n.y,
      size: round(n.size),
      claims: n.claims,
      evidence: n.evidence,
      uncited: n.uncited,
      documents: n.documents.join(" | "),
    });
  }
  for (const e of view.edges)
    g.addEdgeWithKey(e.key, e.source, e.target, { kind: e.kind, label: e.label });
  return g;
}

const round = (v: number) => Math.round(v * 100) / 100;
