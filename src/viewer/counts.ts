/**
 * What the filters leave on screen, counted: nodes per legend type and claims per kind of
 * evidence, nodes and links in all. The legend and the status line show these, so they
 * change with the filters. Pure: over the display graph's nodes and links.
 */

import { OVERVIEW_LINKS } from "../projection/overview-links.ts";
import { typeKey } from "../projection/palette.ts";
import type { Evidence, ViewModel } from "../projection/projection.ts";
import { type Filters, isVisible } from "./filters.ts";
import type { DisplayGraph } from "./render.ts";
import type { ShownNode } from "./shown-node.ts";

export interface Count {
  readonly shown: number;
  readonly total: number;
}

export interface Counts {
  /** By legend key (see `typeKey`). */
  readonly types: ReadonlyMap<string, Count>;
  /** Claims, by evidence. */
  readonly evidence: ReadonlyMap<Evidence, Count>;
  readonly nodes: Count;
  readonly links: Count;
}

type Tally = Map<string, { shown: number; total: number }>;

function add(tally: Tally, key: string, shown: boolean): void {
  const c = tally.get(key) ?? { shown: 0, total: 0 };
  c.total++;
  if (shown) c.shown++;
  tally.set(key, c);
}

export function countShown(
  nodes: Iterable<ShownNode>,
  links: Iterable<readonly [ShownNode, ShownNode]>,
  filters: Filters,
): Counts {
  const types: Tally = new Map();
  const evidence: Tally = new Map();
  const all = { shown: 0, total: 0 };
  for (const n of nodes) {
    const shown = isVisible(n, filters);
    add(types, typeKey(n.kind, n.type), shown);
    if (n.kind === "claim") add(evidence, n.evidence, shown);
    all.total++;
    if (shown) all.shown++;
  }
  const linked = { shown: 0, total: 0 };
  for (const [s, t] of links) {
    linked.total++;
    if (isVisible(s, filters) && isVisible(t, filters)) linked.shown++;
  }
  return {
    types,
    evidence: evidence as ReadonlyMap<Evidence, Count>,
    nodes: all,
    links: linked,
  };
}

/** What the filters leave of the display graph. */
export function countGraph(graph: DisplayGraph, filters: Filters): Counts {
  return countShown(
    graph.mapNodes((_, a) => a),
    graph.mapEdges((_e, _a, _s, _t, sa, ta): readonly [ShownNode, ShownNode] => [sa, ta]),
    filters,
  );
}

/** "84", or "21 of 84" when the filters hide some. */
export function countText(c: Count): string {
  return c.shown === c.total ? `${c.total}` : `${c.shown} of ${c.total}`;
}

/**
 * A legend count: `countText`, but in the overview, where claims are drawn only around a
 * selected node, a key with none drawn says so rather than "0", which reads as none at all.
 */
export function legendCountText(c: Count, overview: boolean): string {
  return overview && c.total === 0 ? "none drawn" : countText(c);
}

/** What the overview is drawn from. */
export interface OverviewOf {
  readonly entities: number;
  readonly totalNodes: number;
  readonly linksLeftOut: number;
}

/** What the status line says the overview is drawn from; null when the whole graph is drawn. */
export function overviewOf(
  view: Pick<ViewModel, "overview" | "nodes" | "totalNodes" | "linksLeftOut">,
): OverviewOf | null {
  return view.overview
    ? { entities: view.nodes.length, totalNodes: view.totalNodes, linksLeftOut: view.linksLeftOut }
    : null;
}

/** The status line: what is drawn, and in the overview what it is drawn from. */
export function statusText(counts: Counts, overview: OverviewOf | null): string {
  if (overview) {
    const shown = counts.nodes.shown === counts.nodes.total ? "" : ` (${counts.nodes.shown} shown)`;
    const links =
      overview.linksLeftOut > 0
        ? `, each with its ${OVERVIEW_LINKS} strongest links (${overview.linksLeftOut} weaker ones not drawn)`
        : "";
    return `Overview: the ${overview.entities} most connected entities of ${overview.totalNodes} nodes${shown}${links}. Select one to draw its neighbourhood.`;
  }
  return counts.nodes.shown === counts.nodes.total && counts.links.shown === counts.links.total
    ? `${counts.nodes.total} nodes, ${counts.links.total} links.`
    : `${countText(counts.nodes)} nodes, ${countText(counts.links)} links shown.`;
}
