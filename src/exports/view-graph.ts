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
import { OVERVIEW_THRESHOLD, project, type ViewModel } from "../projection/projection.ts";

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

export interface ExportGraphAttributes {
  /** False when the graph is too large to lay out (x and y are then 0 and not written). */
  readonly positioned: boolean;
  /** Who wrote the file, for formats that say so (GEXF's meta). */
  readonly creator?: string;
}

export type ExportGraph = MultiDirectedGraph<ExportNode, ExportEdge, ExportGraphAttributes>;

/**
 * The projection of every node (no overview, whatever the size), as a graphology graph. Laid
 * out as the viewer lays it out up to OVERVIEW_THRESHOLD nodes; beyond, where the viewer itself
 * only lays out the overview and a neighbourhood at a time, without positions (a whole layout
 * would take hours): Gephi's or Cytoscape's own layout places it.
 */
export function exportGraph(kg: KnowledgeGraph): ExportGraph {
  const positioned = kg.graph.order <= OVERVIEW_THRESHOLD;
  const g = graphOf(project(kg, Number.POSITIVE_INFINITY, positioned));
  g.setAttribute("positioned", positioned);
  return g;
}

/** Nodes in key order, edges in the projection's order: the same graph gives the same file. */
export function graphOf(view: ViewModel): ExportGraph {
  const g: ExportGraph = new MultiDirectedGraph();
  g.setAttribute("positioned", true);
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
      documents: n.documents
        .flatMap((i) => view.documents[i]?.id ?? [])
        .sort()
        .join(" | "),
    });
  }
  for (const e of view.edges)
    g.addEdgeWithKey(e.key, e.source, e.target, { kind: e.kind, label: e.label });
  return g;
}

const round = (v: number) => Math.round(v * 100) / 100;
