/**
 * Where the viewer draws each node: ForceAtlas2 from a deterministic start (a golden-angle
 * spiral in key order), groups pulled apart when asked (each group's nodes drawn to an
 * anchor of its own, the anchors pushing each other away), the result scaled to
 * `LAYOUT_EXTENT`, then graphology's noverlap moving nodes until no two discs overlap. Node
 * sizes are in the same units as positions (the viewer draws them so), so "no overlap"
 * holds at every zoom. The same graph always gives the same positions.
 */
import type Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";

/** The larger side of the layout before noverlap spreads it, in graph units. */
export const LAYOUT_EXTENT = 600;
/** The least gap noverlap leaves between two discs, in graph units. */
export const NODE_MARGIN = 2;
/** How strongly a node is drawn to its group's anchor (an edge weight). */
const GROUP_PULL = 6;
const GOLDEN_ANGLE = 2.399963229728653;

export interface LayoutInput {
  /** The graph to lay out (undirected; edges may carry a `weight`); not changed. */
  readonly graph: Graph;
  /** Each node's radius, in graph units. */
  readonly size: (key: string) => number;
  /** When given, nodes of one group are laid out together and groups apart. */
  readonly group?: (key: string) => string;
}

export type Positions = Record<string, { x: number; y: number }>;

export function layout({ graph, size, group }: LayoutInput): Positions {
  const g = graph.copy();
  const keys = g.nodes();
  keys.forEach((key, i) => {
    const r = Math.sqrt(i + 1) * 10;
    g.mergeNodeAttributes(key, {
      x: r * Math.cos(i * GOLDEN_ANGLE),
      y: r * Math.sin(i * GOLDEN_ANGLE),
    });
  });
  const anchors = group ? addAnchors(g, keys, group) : [];
  if (keys.length > 1) {
    const settings = forceAtlas2.inferSettings(g);
    forceAtlas2.assign(g, {
      iterations: keys.length > 2000 ? 60 : 200,
      getEdgeWeight: "weight",
      settings: { ...settings, edgeWeightInfluence: 1, barnesHutOptimize: keys.length > 2000 },
    });
  }
  for (const a of anchors) g.dropNode(a);
  scaleTo(g, LAYOUT_EXTENT);
  g.forEachNode((key) => g.setNodeAttribute(key, "size", size(key)));
  noverlap.assign(g, {
    maxIterations: 2000,
    settings: { margin: NODE_MARGIN, ratio: 1, expansion: 1.1, gridSize: 20, speed: 3 },
  });
  const out: Positions = {};
  g.forEachNode((key, a) => {
    out[key] = { x: round(a.x as number), y: round(a.y as number) };
  });
  return out;
}

/**
 * One anchor per group, on a circle in the groups' order, linked to the group's nodes;
 * each node starts near its anchor. Returns the anchors' keys (to drop after the layout).
 */
function addAnchors(g: Graph, keys: readonly string[], group: (key: string) => string): string[] {
  const groups = [...new Set(keys.map(group))].sort();
  const radius = 100 * Math.sqrt(keys.length);
  const anchorOf = new Map<string, string>();
  groups.forEach((name, i) => {
    const anchor = `\u0000group:${name}`;
    const angle = (2 * Math.PI * i) / groups.length;
    g.addNode(anchor, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
    anchorOf.set(name, anchor);
  });
  for (const key of keys) {
    const anchor = anchorOf.get(group(key)) as string;
    const a = g.getNodeAttributes(anchor);
    g.updateNodeAttributes(key, (n) => ({
      ...n,
      x: (a.x as number) + n.x,
      y: (a.y as number) + n.y,
    }));
    g.addEdge(key, anchor, { weight: GROUP_PULL });
  }
  return [...anchorOf.values()];
}

/** Moves and scales the positions so that their larger side spans `extent`, centred on 0. */
function scaleTo(g: Graph, extent: number): void {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  g.forEachNode((_, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  const span = Math.max(maxX - minX, maxY - minY);
  const k = span > 0 ? extent / span : 1;
  const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
  g.updateEachNodeAttributes((_, a) => ({ ...a, x: (a.x - cx) * k, y: (a.y - cy) * k }));
}

const round = (v: number) => Math.round(v * 100) / 100;
