// Editing a snapshot in the cache as another account or a failing disk would: its body changed,
// with the header's length and digest made to match again (`reseal`) — as a forger would — or
// left as they were, as damage leaves them. The binary body is edited as JSON — graphology's
// export and the meta part, as snapshots of format 3 held them — and written back in the
// binary layout, its columns made again from the edited graph, as a forger with the source
// would. Snapshots written before the cache had headers (one JSON text, `*.json`) are edited
// whole, so that the tests using this show what they catch when run on that code.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { KnowledgeGraphData } from "../../src/graph/from-quads.ts";
import { columnsOf } from "../../src/graph/snapshot-columns.ts";
import { type Meta, viewBody, writeBody } from "../../src/graph/snapshot-layout.ts";
import { SnapshotStore } from "../../src/graph/snapshot-store.ts";

/** The snapshot files in `dir`. */
export function snapshotFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".snapshot") || f.endsWith(".json"))
    .map((f) => join(dir, f));
}

/** Rewrites the snapshot at `path` with `edit` applied to its body (its JSON). */
export function rewriteSnapshot(
  path: string,
  edit: (body: string) => string,
  options: { readonly reseal: boolean },
): void {
  const data = readFileSync(path);
  const end = data.indexOf(0x0a);
  if (end < 0) {
    writeFileSync(path, edit(data.toString("utf8")));
    return;
  }
  const header = JSON.parse(data.subarray(0, end).toString("utf8")) as Record<string, unknown>;
  const old = data.subarray(end + 1);
  const body = Buffer.concat(encodeBody(edit(decodeBody(old, header))));
  if (options.reseal) {
    header.bytes = body.length;
    header.sha256 = createHash("sha256").update(body).digest("hex");
  }
  writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
}

type Edited = Omit<Meta, "predicates"> & { graph: SerializedGraph };

/** A binary body as JSON text: its graph as graphology exports it, and its meta part. */
function decodeBody(old: Buffer, header: Record<string, unknown>): string {
  const aligned = Buffer.from(Uint8Array.prototype.slice.call(old));
  const view = viewBody(aligned, header.nodes as number, header.edges as number);
  if (typeof view === "string") throw new Error(`not a snapshot's body: ${view}`);
  const { predicates: _, ...meta } = JSON.parse(view.metaText) as Meta;
  const store = new SnapshotStore(view.columns, view.blob, JSON.parse(view.metaText) as Meta);
  return JSON.stringify({ ...meta, graph: store.graph().export() });
}

/**
 * The JSON text back as a binary body; edges to nodes the edit removed are left out, and the
 * edges are numbered again, as the writer numbers them.
 */
function encodeBody(text: string): Buffer[] {
  const { graph: exported, ...meta } = JSON.parse(text) as Edited;
  const graph: KnowledgeGraphData = new MultiDirectedGraph({ allowSelfLoops: true });
  for (const n of exported?.nodes ?? []) graph.addNode(n.key, n.attributes as never);
  for (const e of exported?.edges ?? []) {
    if (graph.hasNode(e.source) && graph.hasNode(e.target))
      graph.addEdgeWithKey(`e${graph.size + 1}`, e.source, e.target, e.attributes as never);
  }
  const { columns, blob, predicates } = columnsOf(graph);
  return writeBody({ ...meta, predicates }, columns, blob);
}

/** The body with every claim's `key` attribute removed (a field a newer writer would add). */
export function withoutClaimField(key: string): (body: string) => string {
  return (body) => {
    const snapshot = JSON.parse(body) as {
      graph: { nodes: Array<{ attributes?: Record<string, unknown> }> };
    };
    for (const node of snapshot.graph.nodes) {
      if (node.attributes?.kind === "claim") delete node.attributes[key];
    }
    return JSON.stringify(snapshot);
  };
}
