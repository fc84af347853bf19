// Editing a snapshot in the cache as another account or a failing disk would: its body text
// changed, with the header's length and digest made to match again (`reseal`) — as a forger
// would — or left as they were, as damage leaves them. Snapshots written before the cache
// had headers (one JSON text, `*.json`) are edited whole, so that the tests using this show
// what they catch when run on that code.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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
  const body = Buffer.from(edit(data.subarray(end + 1).toString("utf8")), "utf8");
  if (options.reseal) {
    header.bytes = body.length;
    header.sha256 = createHash("sha256").update(body).digest("hex");
  }
  writeFileSync(path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
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
