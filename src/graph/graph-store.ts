/**
 * What a `KnowledgeGraph` reads its nodes and edges through: a graphology graph built from RDF
 * (`graphologyStore`), or a snapshot's arrays (`snapshot-store.ts`), which answers lookups by IRI,
 * a node's edges and its attributes without graphology's per-node objects and makes the
 * graphology graph only when something asks for it (the viewer's projection, audit's walks).
 * Both give nodes and edges in the same order: the graph's insertion order, and for a node's
 * edges graphology's own.
 */
import type { Diagnostic } from "../base/errors.ts";
import type { Conflict } from "./conflicts.ts";
import type { KnowledgeGraphData } from "./from-quads.ts";
import type { EdgeAttributes, NodeAttributes, NodeKind } from "./types.ts";

export interface GraphStore {
  /** How many nodes and edges. */
  readonly order: number;
  readonly size: number;
  has(iri: string): boolean;
  node(iri: string): NodeAttributes | undefined;
  forEachNode(visit: (iri: string, a: NodeAttributes) => void): void;
  /** The nodes of these kinds, in the order of `forEachNode`. */
  forEachNodeOf(kinds: readonly NodeKind[], visit: (iri: string, a: NodeAttributes) => void): void;
  /** The edges into `iri` (which must be a node), as graphology's forEachInEdge gives them. */
  forEachInEdge(iri: string, visit: (edge: EdgeAttributes, source: string) => void): void;
  forEachOutEdge(iri: string, visit: (edge: EdgeAttributes, target: string) => void): void;
  readonly warnings: readonly Diagnostic[];
  readonly conflicts: readonly Conflict[];
  /** The graph as graphology's, made on the first call when the store is not one. */
  graph(): KnowledgeGraphData;
}

/** A store over a graphology graph, as the RDF reader builds it. */
export function graphologyStore(graph: KnowledgeGraphData): GraphStore {
  return {
    get order() {
      return graph.order;
    },
    get size() {
      return graph.size;
    },
    has: (iri) => graph.hasNode(iri),
    node: (iri) => (graph.hasNode(iri) ? graph.getNodeAttributes(iri) : undefined),
    forEachNode: (visit) => graph.forEachNode(visit),
    forEachNodeOf: (kinds, visit) =>
      graph.forEachNode((iri, a) => {
        if (kinds.includes(a.kind)) visit(iri, a);
      }),
    forEachInEdge: (iri, visit) => graph.forEachInEdge(iri, (_, e, source) => visit(e, source)),
    forEachOutEdge: (iri, visit) =>
      graph.forEachOutEdge(iri, (_, e, __, target) => visit(e, target)),
    get warnings() {
      return graph.getAttribute("warnings") ?? [];
    },
    get conflicts() {
      return graph.getAttribute("conflicts") ?? [];
    },
    graph: () => graph,
  };
}
