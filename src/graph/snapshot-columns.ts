/**
 * A graphology graph as the snapshot's columns (`snapshot-layout.ts`): its nodes and edges in
 * insertion order, each node's edges in the order graphology gives them, and its nodes sorted
 * by the bytes of their IRIs, so that a snapshot-opened graph answers in the parsed one's order.
 */
import type { KnowledgeGraphData } from "./from-quads.ts";
import { type Columns, EDGE_KINDS, NODE_KINDS } from "./snapshot-layout.ts";

export interface Encoded {
  readonly columns: Columns;
  readonly blob: Buffer;
  readonly predicates: readonly string[];
}

export function columnsOf(graph: KnowledgeGraphData): Encoded {
  const n = graph.order;
  const iris: Buffer[] = [];
  const attrs: Buffer[] = [];
  const index = new Map<string, number>();
  const nodeKind = new Uint8Array(n);
  graph.forEachNode((iri, a) => {
    nodeKind[iris.length] = numberOf(NODE_KINDS, a.kind);
    index.set(iri, iris.length);
    iris.push(Buffer.from(iri, "utf8"));
    attrs.push(Buffer.from(JSON.stringify(a), "utf8"));
  });
  const edges = edgeColumns(graph, index);
  const blob = Buffer.concat([...iris, ...attrs]);
  if (blob.length >= 2 ** 32) throw new RangeError("a snapshot holds at most 4 GiB of text");
  const iriStart = new Uint32Array(n + 1);
  const attrStart = new Uint32Array(n + 1);
  let at = 0;
  for (let i = 0; i < n; i++) at = iriStart[i + 1] = at + (iris[i] as Buffer).length;
  attrStart[0] = at;
  for (let i = 0; i < n; i++) at = attrStart[i + 1] = at + (attrs[i] as Buffer).length;
  const byIri = Uint32Array.from(iris.keys()).sort((a, b) =>
    Buffer.compare(iris[a] as Buffer, iris[b] as Buffer),
  );
  return {
    columns: { iriStart, attrStart, byIri, nodeKind, ...edges.columns },
    blob,
    predicates: edges.predicates,
  };
}

type EdgeColumns = Omit<Columns, "iriStart" | "attrStart" | "byIri" | "nodeKind">;

function edgeColumns(
  graph: KnowledgeGraphData,
  index: ReadonlyMap<string, number>,
): { columns: EdgeColumns; predicates: string[] } {
  const e = graph.size;
  const source = new Uint32Array(e);
  const target = new Uint32Array(e);
  const predicate = new Uint32Array(e);
  const edgeKind = new Uint8Array(e);
  const predicates = new Map<string, number>();
  let i = 0;
  graph.forEachEdge((key, a, s, t) => {
    // Edge keys count up as the edges are linked (edges.ts): the key is the edge's number.
    if (key !== `e${i + 1}`) throw new Error(`edge ${key} is not the graph's edge e${i + 1}`);
    if (!predicates.has(a.predicate)) predicates.set(a.predicate, predicates.size);
    source[i] = index.get(s) as number;
    target[i] = index.get(t) as number;
    predicate[i] = predicates.get(a.predicate) as number;
    edgeKind[i] = numberOf(EDGE_KINDS, a.kind);
    i++;
  });
  const inStart = new Uint32Array(graph.order + 1);
  const inEdges = new Uint32Array(e);
  const outStart = new Uint32Array(graph.order + 1);
  const outEdges = new Uint32Array(e);
  let ins = 0;
  let outs = 0;
  let node = 0;
  graph.forEachNode((iri) => {
    graph.forEachInEdge(iri, (key) => {
      inEdges[ins++] = Number(key.slice(1)) - 1;
    });
    graph.forEachOutEdge(iri, (key) => {
      outEdges[outs++] = Number(key.slice(1)) - 1;
    });
    node++;
    inStart[node] = ins;
    outStart[node] = outs;
  });
  const columns = { source, target, predicate, edgeKind, inStart, inEdges, outStart, outEdges };
  return { columns, predicates: [...predicates.keys()] };
}

function numberOf<K extends string>(kinds: readonly K[], kind: K): number {
  const i = kinds.indexOf(kind);
  if (i < 0) throw new Error(`no snapshot number for the kind "${kind}"`);
  return i;
}
