/**
 * A knowledge graph's snapshot: one line of JSON saying what follows — the format, the cache
 * key it was written for, the body's length and sha256, the graph's node and edge counts —
 * padded so the body starts at a multiple of eight bytes, then the body, laid out to be read in
 * place (`snapshot-layout.ts`). A snapshot is used only when all of these hold and its columns
 * pass their checks (`snapshot-check.ts`); anything else (a cut, a changed byte, a missing
 * field, another format) is a `SnapshotRejected`, never a crash. Nothing of the body is read
 * before its length and digest match; then its columns are checked whole, and each node's
 * attributes when it is first read (`snapshot-store.ts`).
 */
import { createHash } from "node:crypto";
import { endianness } from "node:os";
import { KnowledgeGraph } from "./knowledge-graph.ts";
import { checkColumns } from "./snapshot-check.ts";
import { columnsOf } from "./snapshot-columns.ts";
import { type Meta, viewBody, writeBody } from "./snapshot-layout.ts";
import { SnapshotRejected } from "./snapshot-rejected.ts";
import { SnapshotStore } from "./snapshot-store.ts";

export { SnapshotRejected } from "./snapshot-rejected.ts";

/** 5: claims carry unresolvedMarkers (4: the binary layout; 3 was graphology's JSON export). */
export const SNAPSHOT_FORMAT = 5;

/** A header longer than this is not a snapshot's. */
const MAX_HEADER_BYTES = 4096;

interface Header {
  readonly format: number;
  readonly key: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly nodes: number;
  readonly edges: number;
}

/** The snapshot's bytes, header first, for `key`. */
export function encodeSnapshot(
  kg: KnowledgeGraph,
  prefixes: Record<string, string>,
  key: string,
): Buffer[] {
  const { columns, blob, predicates } = columnsOf(kg.graph);
  const meta: Meta = {
    predicates,
    predicateLabels: [...kg.predicateLabels],
    prefixes,
    skipped: kg.skipped,
    warnings: kg.warnings,
    conflicts: kg.conflicts,
  };
  const body = writeBody(meta, columns, blob);
  const digest = createHash("sha256");
  for (const part of body) digest.update(part);
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    key,
    bytes: body.reduce((n, part) => n + part.length, 0),
    sha256: digest.digest("hex"),
    nodes: kg.order,
    edges: kg.size,
  };
  const line = JSON.stringify(header);
  const padded = line.padEnd(Math.ceil((Buffer.byteLength(line) + 1) / 8) * 8 - 1, " ");
  return [Buffer.from(`${padded}\n`, "utf8"), ...body];
}

/** The graph a snapshot holds, if it is a whole, unchanged snapshot written for `key`. */
export async function decodeSnapshot(data: Buffer, key: string): Promise<KnowledgeGraph> {
  const end = data.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (end < 0) throw new SnapshotRejected("no header");
  const header = readHeader(data.subarray(0, end).toString("utf8"));
  if (header.format !== SNAPSHOT_FORMAT) throw new SnapshotRejected("another format");
  if (header.key !== key) throw new SnapshotRejected("written for other files");
  if (endianness() !== "LE") throw new SnapshotRejected("written for little-endian machines");
  let body = data.subarray(end + 1);
  if (body.length !== header.bytes) throw new SnapshotRejected("cut or extended");
  // A buffer that does not start on a word boundary is copied once, so the columns can be views.
  if (body.byteOffset % 4 !== 0) body = Buffer.from(Uint8Array.prototype.slice.call(body));
  // Hashed here rather than off the main thread: at 50 MB, handing the bytes to a worker costs
  // more than hashing them (and a loaded machine may not give the worker a core).
  if (createHash("sha256").update(body).digest("hex") !== header.sha256) {
    throw new SnapshotRejected("its bytes changed");
  }
  try {
    return fromBody(body, header);
  } catch (error) {
    if (error instanceof SnapshotRejected) throw error;
    throw new SnapshotRejected(`unreadable body: ${(error as Error).message}`);
  }
}

function readHeader(text: string): Header {
  let h: Partial<Record<keyof Header, unknown>>;
  try {
    h = JSON.parse(text) as typeof h;
  } catch {
    throw new SnapshotRejected("no header");
  }
  const whole = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  if (
    !h ||
    typeof h !== "object" ||
    !whole(h.format) ||
    typeof h.key !== "string" ||
    !whole(h.bytes) ||
    typeof h.sha256 !== "string" ||
    !whole(h.nodes) ||
    !whole(h.edges)
  ) {
    throw new SnapshotRejected("a header field is missing");
  }
  return h as Header;
}

function fromBody(body: Buffer, header: Header): KnowledgeGraph {
  const view = viewBody(body, header.nodes, header.edges);
  if (typeof view === "string") throw new SnapshotRejected(view);
  const meta = readMeta(view.metaText);
  checkColumns(view.columns, view.blob, meta.predicates.length);
  const store = new SnapshotStore(view.columns, view.blob, meta);
  return new KnowledgeGraph(
    { store, predicateLabels: new Map(meta.predicateLabels), skipped: meta.skipped },
    meta.prefixes,
  );
}

function readMeta(text: string): Meta {
  let m: Partial<Record<keyof Meta, unknown>> | null;
  try {
    m = JSON.parse(text) as typeof m;
  } catch {
    throw new SnapshotRejected("unreadable meta part");
  }
  const isRecord = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === "string");
  const pairs = (v: unknown) =>
    Array.isArray(v) && v.every((p) => strings(p) && (p as unknown[]).length === 2);
  if (
    !isRecord(m) ||
    !strings(m?.predicates) ||
    !pairs(m?.predicateLabels) ||
    !isRecord(m?.prefixes) ||
    !strings(m?.skipped) ||
    !Array.isArray(m?.warnings) ||
    !Array.isArray(m?.conflicts)
  ) {
    throw new SnapshotRejected("a field is missing");
  }
  return m as Meta;
}
