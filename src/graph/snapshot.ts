/**
 * A knowledge graph's snapshot: one line of JSON saying what follows — the format, the cache
 * key it was written for, the body's length and sha256, the graph's node and edge counts —
 * then the body, graphology's JSON export plus the lookups' inputs. A snapshot is used only
 * when all of these hold; anything else (a cut, a changed byte, a missing field, another
 * format) is a `SnapshotRejected`, never a crash. The digest is computed off the main thread
 * while the body is parsed, so checking it costs the open next to nothing.
 */
import { createHash, webcrypto } from "node:crypto";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { KnowledgeGraphData } from "./from-quads.ts";
import { KnowledgeGraph } from "./knowledge-graph.ts";
import type { EdgeAttributes, NodeAttributes } from "./types.ts";

export const SNAPSHOT_FORMAT = 3;

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

interface Body {
  readonly graph: SerializedGraph<NodeAttributes, EdgeAttributes>;
  readonly predicateLabels: ReadonlyArray<[string, string]>;
  readonly prefixes: Record<string, string>;
  readonly skipped: readonly string[];
}

/** Why a snapshot was not used. */
export class SnapshotRejected extends Error {
  override name = "SnapshotRejected";
}

/** The snapshot's bytes, header first, for `key`. */
export function encodeSnapshot(
  kg: KnowledgeGraph,
  prefixes: Record<string, string>,
  key: string,
): Buffer[] {
  const body: Body = {
    graph: kg.graph.export(),
    predicateLabels: [...kg.predicateLabels],
    prefixes,
    skipped: kg.skipped,
  };
  const bytes = Buffer.from(JSON.stringify(body), "utf8");
  const header: Header = {
    format: SNAPSHOT_FORMAT,
    key,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    nodes: kg.graph.order,
    edges: kg.graph.size,
  };
  return [Buffer.from(`${JSON.stringify(header)}\n`, "utf8"), bytes];
}

/** The graph a snapshot holds, if it is a whole, unchanged snapshot written for `key`. */
export async function decodeSnapshot(data: Buffer, key: string): Promise<KnowledgeGraph> {
  const end = data.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (end < 0) throw new SnapshotRejected("no header");
  const header = readHeader(data.subarray(0, end).toString("utf8"));
  if (header.format !== SNAPSHOT_FORMAT) throw new SnapshotRejected("another format");
  if (header.key !== key) throw new SnapshotRejected("written for other files");
  const body = data.subarray(end + 1);
  if (body.length !== header.bytes) throw new SnapshotRejected("cut or extended");
  const digest = webcrypto.subtle.digest("SHA-256", body);
  let kg: KnowledgeGraph | undefined;
  let failure: unknown;
  try {
    kg = fromBody(JSON.parse(body.toString("utf8")) as unknown, header);
  } catch (error) {
    failure = error;
  }
  if (Buffer.from(await digest).toString("hex") !== header.sha256) {
    throw new SnapshotRejected("its bytes changed");
  }
  if (!kg) throw new SnapshotRejected(`unreadable body: ${(failure as Error)?.message}`);
  return kg;
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

function fromBody(value: unknown, header: Header): KnowledgeGraph {
  const s = value as Partial<Body> | null;
  const isRecord = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v);
  if (
    !isRecord(s) ||
    !isRecord(s?.graph) ||
    !Array.isArray(s?.graph?.nodes) ||
    !Array.isArray(s?.graph?.edges) ||
    !Array.isArray(s?.predicateLabels) ||
    !isRecord(s?.prefixes) ||
    !Array.isArray(s?.skipped)
  ) {
    throw new SnapshotRejected("a field is missing");
  }
  const body = s as Body;
  if (body.graph.nodes.length !== header.nodes || body.graph.edges?.length !== header.edges) {
    throw new SnapshotRejected("counts differ");
  }
  const graph: KnowledgeGraphData = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.import(body.graph);
  if (graph.order !== header.nodes || graph.size !== header.edges) {
    throw new SnapshotRejected("counts differ");
  }
  return new KnowledgeGraph(
    { graph, predicateLabels: new Map(body.predicateLabels), skipped: body.skipped },
    body.prefixes,
  );
}
