/**
 * Where the viewer draws each node. ForceAtlas2 from a deterministic start (a golden-angle
 * spiral in key order), then graphology's noverlap until no two discs overlap — spreading
 * the layout a little and trying again where a dense pile keeps noverlap from converging.
 * When groups are asked for (the overview's entity types), each group is laid out on its
 * own and the groups are set apart on a ring, so they can be told apart. Node sizes are in
 * the same units as positions (the viewer draws them so), so "no overlap" holds at every
 * zoom. The same graph always gives the same positions.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";

/** The larger side of a layout before noverlap spreads it, in graph units (at least). */
export const LAYOUT_EXTENT = 600;
/** The least gap left between two discs, in graph units. */
export const NODE_MARGIN = 2;
/** The least gap between two groups' circles, in graph units. */
const GROUP_GAP = 40;
const GOLDEN_ANGLE = 2.399963229728653;
/** noverlap rounds, each after spreading the layout by SPREAD when discs still overlap. */
const ROUNDS = 16;
const SPREAD = 1.2;

export interface LayoutInput {
  /** The graph to lay out (undirected; edges may carry a `weight`); not changed. */
  readonly graph: Graph;
  /** Each node's radius, in graph units. */
  readonly size: (key: string) => number;
  /** When given, nodes of one group are laid out together and the groups apart. */
  readonly group?: (key: string) => string;
}

export type Positions = Record<string, { x: number; y: number }>;

export function layout({ graph, size, group }: LayoutInput): Positions {
  const parts = group ? groups(graph, group) : [graph.nodes()];
  const laid = parts.map((keys) => separate(forceLayout(graph, keys), size));
  const out: Positions = {};
  placeApart(laid, size).forEach((g) => {
    g.forEachNode((key, a) => {
      out[key] = { x: round(a.x), y: round(a.y) };
    });
  });
  return out;
}

/** The nodes of each group, groups in name order. */
function groups(graph: Graph, group: (key: string) => string): string[][] {
  const by = new Map<string, string[]>();
  for (const key of graph.nodes()) by.set(group(key), [...(by.get(group(key)) ?? []), key]);
  return [...by.keys()].sort().map((name) => by.get(name) as string[]);
}

/** ForceAtlas2 over `keys` and the edges among them, from the seeded spiral. */
function forceLayout(graph: Graph, keys: readonly string[]): Graph {
  const g = new Graph({ type: "undirected" });
  keys.forEach((key, i) => {
    const r = Math.sqrt(i + 1) * 10;
    g.addNode(key, { x: r * Math.cos(i * GOLDEN_ANGLE), y: r * Math.sin(i * GOLDEN_ANGLE) });
  });
  graph.forEachEdge((_, a, s, t) => {
    if (g.hasNode(s) && g.hasNode(t) && !g.hasEdge(s, t))
      g.addEdge(s, t, { weight: a.weight ?? 1 });
  });
  if (keys.length > 1) {
    const settings = forceAtlas2.inferSettings(g);
    forceAtlas2.assign(g, {
      iterations: keys.length > 2000 ? 60 : 200,
      getEdgeWeight: "weight",
      settings: { ...settings, edgeWeightInfluence: 1, barnesHutOptimize: keys.length > 2000 },
    });
  }
  return g;
}

/**
 * Scales the layout to `LAYOUT_EXTENT` (or more, when its discs need the room), then runs
 * noverlap, spreading and running again while discs overlap.
 */
function separate(g: Graph, size: (key: string) => number): Graph {
  let room = 0;
  g.forEachNode((key, a) => {
    room += (2 * (size(key) + NODE_MARGIN)) ** 2;
    a.size = size(key);
  });
  scale(g, Math.max(LAYOUT_EXTENT, 1.5 * Math.sqrt(room)) / Math.max(1e-9, span(g)));
  // Exactly coincident nodes would make noverlap jitter them at random: part them first.
  let i = 0;
  g.updateEachNodeAttributes((_, a) => {
    i++;
    return { ...a, x: a.x + 1e-3 * Math.cos(i), y: a.y + 1e-3 * Math.sin(i) };
  });
  for (let r = 0; r < ROUNDS && overlapping(g); r++) {
    if (r > 0) scale(g, SPREAD);
    noverlap.assign(g, {
      maxIterations: 300,
      settings: { margin: NODE_MARGIN, ratio: 1, expansion: 1.1, gridSize: 20, speed: 3 },
    });
  }
  return g;
}

/** True when two discs are closer than their radii and the margin (up to rounding). */
function overlapping(g: Graph): boolean {
  const nodes = g.mapNodes((_, a) => a as { x: number; y: number; size: number });
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i] as { x: number; y: number; size: number };
    for (let j = i + 1; j < nodes.length; j++) {
      const b = nodes[j] as { x: number; y: number; size: number };
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.size + b.size + NODE_MARGIN) return true;
    }
  }
  return false;
}

/** The groups' layouts moved onto a ring, each group's circle clear of every other's. */
function placeApart(laid: Graph[], size: (key: string) => number): Graph[] {
  if (laid.length < 2) {
    for (const g of laid) centre(g);
    return laid;
  }
  const radii = laid.map((g) => {
    centre(g);
    let r = 0;
    g.forEachNode((key, a) => {
      r = Math.max(r, Math.hypot(a.x, a.y) + size(key));
    });
    return r;
  });
  const arcs = radii.map((r) => 2 * r + GROUP_GAP);
  const total = arcs.reduce((s, a) => s + a, 0);
  let ring = total / (2 * Math.PI);
  const at = (k: number) => {
    const before = arcs.slice(0, k).reduce((s, a) => s + a, 0) + (arcs[k] as number) / 2;
    const angle = (2 * Math.PI * before) / total;
    return { x: ring * Math.cos(angle), y: ring * Math.sin(angle) };
  };
  const clear = () =>
    radii.every((ri, i) =>
      radii.every((rj, j) => {
        if (j <= i) return true;
        const [a, b] = [at(i), at(j)];
        return Math.hypot(a.x - b.x, a.y - b.y) >= ri + rj + GROUP_GAP;
      }),
    );
  while (!clear()) ring *= 1.1;
  laid.forEach((g, k) => {
    const c = at(k);
    g.updateEachNodeAttributes((_, a) => ({ ...a, x: a.x + c.x, y: a.y + c.y }));
  });
  return laid;
}

function span(g: Graph): number {
  const xs = g.mapNodes((_, a) => a.x as number);
  const ys = g.mapNodes((_, a) => a.y as number);
  return Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
}

/** Scales positions by `k` about their centre. */
function scale(g: Graph, k: number): void {
  const c = middle(g);
  g.updateEachNodeAttributes((_, a) => ({
    ...a,
    x: c.x + (a.x - c.x) * k,
    y: c.y + (a.y - c.y) * k,
  }));
}

/** Moves the layout so that the middle of its extent is at 0, 0. */
function centre(g: Graph): void {
  const c = middle(g);
  g.updateEachNodeAttributes((_, a) => ({ ...a, x: a.x - c.x, y: a.y - c.y }));
}

function middle(g: Graph): { x: number; y: number } {
  const xs = g.mapNodes((_, a) => a.x as number);
  const ys = g.mapNodes((_, a) => a.y as number);
  return { x: (Math.max(...xs) + Math.min(...xs)) / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2 };
}

const round = (v: number) => Math.round(v * 100) / 100;
