/**
 * Rendering: the display graph (the server's projection, grown a neighbourhood at a time)
 * and sigma drawing it through the pure reducers, reading the viewer's state each frame.
 * Node sizes are in the positions' units (the projection lays nodes out without overlap in
 * them), so they grow with the zoom; labels at rest are chosen by sigma's label grid.
 */
import Graph from "graphology";
import Sigma from "sigma";
import type { ViewModel } from "../projection/projection.ts";
import type { Neighbourhood } from "../server/contract.ts";
import { isVisible } from "./filters.ts";
import { drawHover, drawLabel, newFrame } from "./label-drawing.ts";
import { hoverLabels } from "./labels.ts";
import { edgeReducer, nodeReducer } from "./reducers.ts";
import { type ShownNode, shownNode } from "./shown-node.ts";
import type { ViewerState } from "./state.ts";

export type DisplayGraph = Graph<ShownNode>;
export type Renderer = Sigma<ShownNode>;

export function displayGraph(): DisplayGraph {
  return new Graph<ShownNode>({ multi: true, type: "directed", allowSelfLoops: false });
}

/**
 * Adds the nodes and edges not drawn yet (an edge only when both its ends are); the nodes'
 * document positions are read in `documents`, `/api/view`'s list.
 */
export function addAll(
  graph: DisplayGraph,
  part: Neighbourhood,
  documents: ViewModel["documents"],
): void {
  for (const n of part.nodes)
    if (!graph.hasNode(n.key)) graph.addNode(n.key, shownNode(n, documents));
  for (const e of part.edges) {
    if (!graph.hasEdge(e.key) && graph.hasNode(e.source) && graph.hasNode(e.target)) {
      graph.addEdgeWithKey(e.key, e.source, e.target, { kind: e.kind, label: e.label });
    }
  }
}

export function createRenderer(
  graph: DisplayGraph,
  container: HTMLElement,
  state: ViewerState,
): Renderer {
  const renderer: Renderer = new Sigma<ShownNode>(graph, container, {
    nodeReducer: (key, attrs) => nodeReducer(key, attrs as unknown as ShownNode, state.view()),
    edgeReducer: (key) => drawnEdge(graph, key, state),
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    zIndex: true,
    itemSizesReference: "positions",
    zoomToSizeRatioFunction: (ratio) => ratio,
    // At rest: one label per cell of 60 px at most (the largest node's; label-drawing.ts
    // leaves out those that would cover another), for nodes drawn at least 2 px wide.
    labelDensity: 1,
    labelGridCellSize: 60,
    labelRenderedSizeThreshold: 2,
    defaultDrawNodeLabel: drawLabel,
    defaultDrawNodeHover: drawHover,
    defaultEdgeType: "line",
  });
  renderer.on("beforeRender", newFrame);
  return renderer;
}

/** Hovering a node: it and its neighbours in colour, a handful of them labelled. */
export function hoverNode(graph: DisplayGraph, state: ViewerState, node: string): void {
  const filters = state.filters;
  const shown = graph
    .neighbors(node)
    .filter((key) => isVisible(graph.getNodeAttributes(key), filters));
  const ranked = shown.map((key) => ({ key, degree: graph.degree(key) }));
  state.hover(node, graph.neighbors(node), hoverLabels(node, state.selected, ranked));
}

function drawnEdge(graph: DisplayGraph, key: string, state: ViewerState) {
  const s = graph.source(key);
  const t = graph.target(key);
  const st = state.view();
  return edgeReducer(
    s,
    t,
    st,
    !isVisible(graph.getNodeAttributes(s), st.filters),
    !isVisible(graph.getNodeAttributes(t), st.filters),
  );
}

/** Moves the camera onto a drawn node, zooming in no further than it is. */
export function focusOn(renderer: Renderer, id: string): void {
  const d = renderer.getNodeDisplayData(id);
  if (!d) return;
  const camera = renderer.getCamera();
  void camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 300 });
}
