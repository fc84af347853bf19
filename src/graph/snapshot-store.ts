/**
 * A graph answered from a snapshot's columns (`snapshot-layout.ts`) in place: a node is found
 * by a binary search over its IRI's bytes, its edges are read from the columns, and its
 * attributes are parsed from their JSON text the first time it is asked for, then kept. The
 * graphology graph is made only if something asks for it (`graph()`), from the same objects.
 */
import { MultiDirectedGraph } from "graphology";
import type { KnowledgeGraphData } from "./from-quads.ts";
import type { GraphStore } from "./graph-store.ts";
import { type Columns, EDGE_KINDS, type Meta, NODE_KINDS } from "./snapshot-layout.ts";
import { SnapshotRejected } from "./snapshot-rejected.ts";
import type { EdgeAttributes, NodeAttributes, NodeKind } from "./types.ts";

export class SnapshotStore implements GraphStore {
  readonly order: number;
  readonly size: number;
  private readonly iris: (string | undefined)[];
  private readonly attrs: (NodeAttributes | undefined)[];
  /** IRIs found so far → their node numbers. */
  private readonly found = new Map<string, number>();
  /** One attributes object per kind and predicate an edge has. */
  private readonly edgeAttrs = new Map<number, EdgeAttributes>();
  private materialized: KnowledgeGraphData | undefined;

  constructor(
    private readonly c: Columns,
    private readonly blob: Buffer,
    private readonly meta: Meta,
  ) {
    this.order = c.nodeKind.length;
    this.size = c.edgeKind.length;
    this.iris = new Array(this.order);
    this.attrs = new Array(this.order);
  }

  get warnings() {
    return this.meta.warnings;
  }

  get conflicts() {
    return this.meta.conflicts;
  }

  has(iri: string): boolean {
    return this.numberOf(iri) >= 0;
  }

  node(iri: string): NodeAttributes | undefined {
    const i = this.numberOf(iri);
    return i < 0 ? undefined : this.attributes(i);
  }

  forEachNode(visit: (iri: string, a: NodeAttributes) => void): void {
    for (let i = 0; i < this.order; i++) visit(this.iri(i), this.attributes(i));
  }

  forEachNodeOf(kinds: readonly NodeKind[], visit: (iri: string, a: NodeAttributes) => void) {
    const wanted = NODE_KINDS.map((k) => kinds.includes(k));
    const kind = this.c.nodeKind;
    for (let i = 0; i < this.order; i++) {
      if (wanted[kind[i] as number]) visit(this.iri(i), this.attributes(i));
    }
  }

  forEachInEdge(iri: string, visit: (edge: EdgeAttributes, source: string) => void): void {
    const i = this.existing(iri, "forEachInEdge");
    const { inStart, inEdges, source } = this.c;
    for (let j = inStart[i] as number; j < (inStart[i + 1] as number); j++) {
      const edge = inEdges[j] as number;
      visit(this.edge(edge), this.iri(source[edge] as number));
    }
  }

  forEachOutEdge(iri: string, visit: (edge: EdgeAttributes, target: string) => void): void {
    const i = this.existing(iri, "forEachOutEdge");
    const { outStart, outEdges, target } = this.c;
    for (let j = outStart[i] as number; j < (outStart[i + 1] as number); j++) {
      const edge = outEdges[j] as number;
      visit(this.edge(edge), this.iri(target[edge] as number));
    }
  }

  /** The graphology graph, as the RDF reader would have built it: nodes, then edges, in order. */
  graph(): KnowledgeGraphData {
    if (this.materialized) return this.materialized;
    const g: KnowledgeGraphData = new MultiDirectedGraph({ allowSelfLoops: true });
    for (let i = 0; i < this.order; i++) g.addNode(this.iri(i), this.attributes(i));
    const { source, target } = this.c;
    for (let j = 0; j < this.size; j++) {
      const { kind, predicate } = this.edge(j);
      const from = this.iri(source[j] as number);
      g.addEdgeWithKey(`e${j + 1}`, from, this.iri(target[j] as number), { kind, predicate });
    }
    if (this.meta.warnings.length > 0) g.setAttribute("warnings", [...this.meta.warnings]);
    if (this.meta.conflicts.length > 0) g.setAttribute("conflicts", [...this.meta.conflicts]);
    this.materialized = g;
    return g;
  }

  /** The node number of `iri`, or -1. */
  private numberOf(iri: string): number {
    const known = this.found.get(iri);
    if (known !== undefined) return known;
    const key = Buffer.from(iri, "utf8");
    const { byIri, iriStart } = this.c;
    let lo = 0;
    let hi = this.order - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const node = byIri[mid] as number;
      const order = key.compare(this.blob, iriStart[node], iriStart[node + 1]);
      if (order === 0) {
        this.found.set(iri, node);
        return node;
      }
      if (order < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  private existing(iri: string, method: string): number {
    const i = this.numberOf(iri);
    if (i < 0) throw new Error(`Graph.${method}: could not find the "${iri}" node in the graph.`);
    return i;
  }

  private iri(i: number): string {
    let iri = this.iris[i];
    if (iri === undefined) {
      iri = this.blob.toString("utf8", this.c.iriStart[i], this.c.iriStart[i + 1]);
      this.iris[i] = iri;
    }
    return iri;
  }

  private attributes(i: number): NodeAttributes {
    const kept = this.attrs[i];
    if (kept !== undefined) return kept;
    const text = this.blob.toString("utf8", this.c.attrStart[i], this.c.attrStart[i + 1]);
    let a: NodeAttributes | undefined;
    try {
      a = JSON.parse(text) as NodeAttributes;
    } catch {
      // Left undefined: rejected below.
    }
    if (a?.kind !== NODE_KINDS[this.c.nodeKind[i] as number] || a?.iri !== this.iri(i)) {
      throw new SnapshotRejected(`node ${i}'s attributes are not its own`);
    }
    this.attrs[i] = a;
    return a;
  }

  private edge(j: number): EdgeAttributes {
    const kind = this.c.edgeKind[j] as number;
    const predicate = this.c.predicate[j] as number;
    const key = predicate * EDGE_KINDS.length + kind;
    let a = this.edgeAttrs.get(key);
    if (a === undefined) {
      a = {
        kind: EDGE_KINDS[kind] as EdgeAttributes["kind"],
        predicate: this.meta.predicates[predicate] as string,
      };
      this.edgeAttrs.set(key, a);
    }
    return a;
  }
}
