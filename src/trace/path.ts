/**
 * `path`: how two entities are linked, through the claims that link them. The search
 * runs on an undirected view of entities and claims (a claim touches its subject and
 * object at cost 1, an entity it only mentions at cost 2, a class its member at cost
 * 2), with graphology-shortest-path's bidirectional Dijkstra.
 */
import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/dijkstra.js";
import type { GraphIndex, KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { resolve } from "../graph/resolve.ts";
import { type ClaimJson, claimJson, type Named } from "./answers.ts";

export interface PathResult {
  readonly from: Named | null;
  readonly to: Named | null;
  readonly found: boolean;
  /** Entities and claims from `from` to `to`. */
  readonly steps: ReadonlyArray<Named & { readonly kind: string; readonly via: string | null }>;
  /** The claims along the path, in order. */
  readonly claims: readonly ClaimJson[];
  /** Why there is no answer, when there is none. */
  readonly problem: string | null;
}

const COST = { subject: 1, object: 1, mentions: 2, memberOf: 2 } as const;

/** The undirected view of entities and claims the search runs on, built once per graph. */
const VIEW: GraphIndex<UndirectedGraph<object, { weight: number; kind: string }>> = {
  name: "path's undirected view of entities and claims",
  build: viewOf,
};

function viewOf(kg: KnowledgeGraph) {
  const view = new UndirectedGraph<object, { weight: number; kind: string }>();
  kg.graph.forEachNode((iri, a) => {
    if (a.kind === "entity" || a.kind === "claim") view.addNode(iri);
  });
  kg.graph.forEachEdge((_, e, source, target) => {
    if (
      e.kind !== "subject" &&
      e.kind !== "object" &&
      e.kind !== "mentions" &&
      e.kind !== "memberOf"
    )
      return;
    if (!view.hasNode(source) || !view.hasNode(target) || source === target) return;
    const existing = view.edge(source, target);
    if (existing !== undefined) {
      if (view.getEdgeAttribute(existing, "weight") > COST[e.kind]) {
        view.mergeEdgeAttributes(existing, { weight: COST[e.kind], kind: e.kind });
      }
      return;
    }
    view.addEdge(source, target, { weight: COST[e.kind], kind: e.kind });
  });
  return view;
}

export function findPath(kg: KnowledgeGraph, fromQuery: string, toQuery: string): PathResult {
  const ends = [fromQuery, toQuery].map((q) => {
    const r = resolve(kg, q);
    return r.kind === "entity" ? r.entity : undefined;
  });
  const [from, to] = ends;
  const named = (iri: string | undefined): Named | null =>
    iri ? { id: iri, label: kg.label(iri) } : null;
  const empty = { from: named(from), to: named(to), found: false, steps: [], claims: [] };
  if (!from || !to) {
    const missing = !from ? fromQuery : toQuery;
    return {
      ...empty,
      problem: `"${missing}" names no entity (try \`claimgraph trace ${JSON.stringify(missing)}\`)`,
    };
  }
  const view = kg.index(VIEW);
  const nodes = from === to ? [from] : bidirectional(view, from, to, "weight");
  if (!nodes || nodes.length === 0) return { ...empty, problem: "no chain of claims links them" };
  const steps = nodes.map((iri, i) => {
    const previous = nodes[i - 1];
    const edge = previous === undefined ? undefined : view.edge(previous, iri);
    return {
      id: iri,
      label: kg.label(iri),
      kind: kg.node(iri)?.kind ?? "node",
      via: edge === undefined ? null : view.getEdgeAttribute(edge, "kind"),
    };
  });
  const claims = nodes.flatMap((iri) => {
    const c = kg.claim(iri);
    return c ? [claimJson(kg, c)] : [];
  });
  return { from: named(from), to: named(to), found: true, steps, claims, problem: null };
}
