/**
 * The snapshot's body, laid out to be read in place: a small JSON part (the predicates, labels,
 * prefixes and what reading found wrong), then columns of 32-bit and 8-bit integers, then one
 * UTF-8 blob of the nodes' IRIs and attributes (each node's attributes as its own JSON text,
 * parsed when the node is first asked for). Opening a snapshot makes typed-array views over
 * the file's one buffer; nothing is copied. Integers are little-endian, every column starts at
 * a multiple of four bytes from the body's start.
 *
 *   u32 metaBytes, meta JSON, padding to 4
 *   u32 iriStart[n+1] attrStart[n+1] byIri[n] source[e] target[e] predicate[e]
 *       inStart[n+1] inEdges[e] outStart[n+1] outEdges[e]
 *   u8  nodeKind[n] edgeKind[e], padding to 4
 *   blob (IRIs, then attributes; the offsets above are into it)
 */
import type { Diagnostic } from "../base/errors.ts";
import type { Conflict } from "./conflicts.ts";
import type { EdgeKind, NodeKind } from "./types.ts";

/** The kinds by their number in the columns; a change of order is a change of format. */
export const NODE_KINDS: readonly NodeKind[] = [
  "entity",
  "claim",
  "reference",
  "work",
  "document",
  "study",
];
export const EDGE_KINDS: readonly EdgeKind[] = [
  "subject",
  "object",
  "mentions",
  "cites",
  "refersTo",
  "inDocument",
  "derivedFrom",
  "study",
  "supports",
  "memberOf",
  "asserts",
];

export interface Meta {
  /** The edges' predicate IRIs, by their number in the `predicate` column. */
  readonly predicates: readonly string[];
  readonly predicateLabels: ReadonlyArray<readonly [string, string]>;
  readonly prefixes: Record<string, string>;
  readonly skipped: readonly string[];
  readonly warnings: readonly Diagnostic[];
  readonly conflicts: readonly Conflict[];
}

export interface Columns {
  readonly iriStart: Uint32Array;
  readonly attrStart: Uint32Array;
  /** Node numbers in the order of their IRIs' bytes, for lookups by binary search. */
  readonly byIri: Uint32Array;
  readonly source: Uint32Array;
  readonly target: Uint32Array;
  readonly predicate: Uint32Array;
  /** Node i's in-edges are inEdges[inStart[i]..inStart[i+1]), in graphology's order. */
  readonly inStart: Uint32Array;
  readonly inEdges: Uint32Array;
  readonly outStart: Uint32Array;
  readonly outEdges: Uint32Array;
  readonly nodeKind: Uint8Array;
  readonly edgeKind: Uint8Array;
}

type Wide = Exclude<keyof Columns, "nodeKind" | "edgeKind">;

/** The 32-bit columns in the order they are written, with their lengths. */
function wideColumns(n: number, e: number): ReadonlyArray<readonly [Wide, number]> {
  return [
    ["iriStart", n + 1],
    ["attrStart", n + 1],
    ["byIri", n],
    ["source", e],
    ["target", e],
    ["predicate", e],
    ["inStart", n + 1],
    ["inEdges", e],
    ["outStart", n + 1],
    ["outEdges", e],
  ];
}

const pad4 = (n: number) => (4 - (n % 4)) % 4;

/** The body's bytes: the meta part, the columns and the blob. */
export function writeBody(meta: Meta, columns: Columns, blob: Buffer): Buffer[] {
  const json = Buffer.from(JSON.stringify(meta), "utf8");
  const head = Buffer.alloc(4 + json.length + pad4(json.length));
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  const n = columns.nodeKind.length;
  const e = columns.edgeKind.length;
  const parts: Buffer[] = [head];
  for (const [name] of wideColumns(n, e)) parts.push(bytesOf(columns[name]));
  parts.push(bytesOf(columns.nodeKind), bytesOf(columns.edgeKind), Buffer.alloc(pad4(n + e)));
  parts.push(blob);
  return parts;
}

function bytesOf(a: Uint32Array | Uint8Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * Views over a body of `n` nodes and `e` edges, its meta part still as text, or a reason the
 * body cannot hold them (too short, or not aligned). The body must start at a multiple of four
 * bytes in its buffer.
 */
export function viewBody(
  body: Buffer,
  n: number,
  e: number,
): { metaText: string; columns: Columns; blob: Buffer } | string {
  if (body.byteOffset % 4 !== 0) return "not aligned";
  if (body.length < 4) return "too short";
  const metaBytes = body.readUInt32LE(0);
  let at = 4 + metaBytes + pad4(metaBytes);
  const wide = wideColumns(n, e);
  const need = at + 4 * wide.reduce((sum, [, len]) => sum + len, 0) + n + e + pad4(n + e);
  if (need > body.length) return "too short";
  const metaText = body.toString("utf8", 4, 4 + metaBytes);
  const columns: Partial<Record<keyof Columns, Uint32Array | Uint8Array>> = {};
  for (const [name, len] of wide) {
    columns[name] = new Uint32Array(body.buffer, body.byteOffset + at, len);
    at += 4 * len;
  }
  columns.nodeKind = new Uint8Array(body.buffer, body.byteOffset + at, n);
  columns.edgeKind = new Uint8Array(body.buffer, body.byteOffset + at + n, e);
  return { metaText, columns: columns as unknown as Columns, blob: body.subarray(need) };
}
