/**
 * The structural checks a snapshot's columns pass before any is read: every offset in order and
 * inside the blob, every number a node, an edge, a kind or a predicate that exists, each node's
 * edge lists holding exactly its own edges, and the IRI order strictly increasing. A snapshot
 * that fails one is a `SnapshotRejected`, so no lookup reads past a column or finds a node that
 * is not there. (Its digest has been checked already: this catches a snapshot forged whole.)
 */
import { type Columns, EDGE_KINDS, NODE_KINDS } from "./snapshot-layout.ts";
import { SnapshotRejected } from "./snapshot-rejected.ts";

export function checkColumns(c: Columns, blob: Buffer, predicates: number): void {
  const n = c.nodeKind.length;
  const e = c.edgeKind.length;
  ascending(c.iriStart, 0, c.attrStart[0] as number, "IRI offsets");
  ascending(c.attrStart, c.attrStart[0] as number, blob.length, "attribute offsets");
  below(c.nodeKind, NODE_KINDS.length, "a node kind");
  below(c.edgeKind, EDGE_KINDS.length, "an edge kind");
  below(c.source, n, "an edge's source");
  below(c.target, n, "an edge's target");
  below(c.predicate, predicates, "an edge's predicate");
  ascending(c.inStart, 0, e, "in-edge offsets");
  ascending(c.outStart, 0, e, "out-edge offsets");
  ownEdges(c.inStart, c.inEdges, c.target, "in-edges");
  ownEdges(c.outStart, c.outEdges, c.source, "out-edges");
  sortedIris(c, blob);
}

/** `a` starts at `first`, ends at `last` and never goes down. */
function ascending(a: Uint32Array, first: number, last: number, what: string): void {
  if (a[0] !== first || a[a.length - 1] !== last)
    throw new SnapshotRejected(`${what} out of range`);
  for (let i = 1; i < a.length; i++) {
    if ((a[i] as number) < (a[i - 1] as number)) throw new SnapshotRejected(`${what} go down`);
  }
}

function below(a: Uint32Array | Uint8Array, limit: number, what: string): void {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) >= limit) throw new SnapshotRejected(`${what} does not exist`);
  }
}

/** Node i's list holds edges whose `end` is i, and every edge is listed once. */
function ownEdges(start: Uint32Array, list: Uint32Array, end: Uint32Array, what: string): void {
  const seen = new Uint8Array(list.length);
  for (let node = 0; node + 1 < start.length; node++) {
    for (let j = start[node] as number; j < (start[node + 1] as number); j++) {
      const edge = list[j] as number;
      if (edge >= list.length || seen[edge] === 1 || end[edge] !== node) {
        throw new SnapshotRejected(`${what} do not match the edges`);
      }
      seen[edge] = 1;
    }
  }
}

/** The IRI order lists each node once, in strictly increasing bytes (so IRIs are distinct). */
function sortedIris(c: Columns, blob: Buffer): void {
  const n = c.byIri.length;
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const node = c.byIri[i] as number;
    if (node >= n || seen[node] === 1)
      throw new SnapshotRejected("the IRI order is not the nodes'");
    seen[node] = 1;
    if (i === 0) continue;
    const prev = c.byIri[i - 1] as number;
    const order = blob.compare(
      blob,
      c.iriStart[node],
      c.iriStart[node + 1],
      c.iriStart[prev],
      c.iriStart[prev + 1],
    );
    if (order >= 0) throw new SnapshotRejected("the IRI order is not sorted");
  }
}
