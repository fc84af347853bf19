// A snapshot that is not whole and unchanged — cut, a byte changed, a field missing, counts
// that do not match — is never used: the answer comes from the RDF, the snapshot is removed
// and written again, and no command crashes (they used to exit 70 with a stack trace, and
// `serve` to misreport it as "cannot listen on port").
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.ts";
import { stats } from "../../src/audit/stats.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph, snapshotsWritten } from "../../src/graph/open.ts";
import { trace } from "../../src/trace/trace.ts";
import { cachePerTest } from "../helpers/cache-per-test.ts";
import { rewriteSnapshot, snapshotFiles, withoutClaimField } from "../helpers/snapshot.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const KB = join(ROOT, "graph", "kb.ttl");
const CLI = join(ROOT, "bin", "claimgraph.js");

const cacheDir = cachePerTest("claimgraph-damaged-snapshot-");

const answers = (kg: KnowledgeGraph) => ({
  trace: trace(kg, "desipramine"),
  reference: trace(kg, "[4]"),
  stats: stats(kg),
  audit: audit(kg),
});

/** The snapshot the bundled CLI makes and reads (its build is part of the key). */
function cliSnapshot(): string {
  const r = spawnSync(process.execPath, [CLI, "stats", "--kb", KB], { env: process.env });
  expect(r.status).toBe(0);
  const files = snapshotFiles(cacheDir());
  expect(files).toHaveLength(1);
  return files[0] as string;
}

/** Makes a good snapshot, returns its path and bytes. */
async function goodSnapshot(): Promise<{ path: string; bytes: Buffer }> {
  await openKnowledgeGraph([KB]);
  const [path] = snapshotFiles(cacheDir());
  return { path: path as string, bytes: readFileSync(path as string) };
}

const damages: Array<[string, (path: string) => void]> = [
  ["cut in half", (p) => truncateSync(p, Math.floor(readFileSync(p).length / 2))],
  ["cut by one byte", (p) => truncateSync(p, readFileSync(p).length - 1)],
  [
    "one character changed, still valid JSON",
    (p) =>
      rewriteSnapshot(p, (b) => b.replace('"desipramine"', '"desipraminE"'), { reseal: false }),
  ],
  [
    "claims without their location",
    (p) => rewriteSnapshot(p, withoutClaimField("location"), { reseal: false }),
  ],
  [
    "a top-level field missing, its digest made to match",
    (p) =>
      rewriteSnapshot(
        p,
        (b) => {
          const s = JSON.parse(b) as Record<string, unknown>;
          delete s.skipped;
          return JSON.stringify(s);
        },
        { reseal: true },
      ),
  ],
  [
    "a node dropped, its digest made to match (the counts differ)",
    (p) =>
      rewriteSnapshot(
        p,
        (b) => {
          const s = JSON.parse(b) as { graph: { nodes: unknown[] } };
          s.graph.nodes.pop();
          return JSON.stringify(s);
        },
        { reseal: true },
      ),
  ],
  ["empty", (p) => writeFileSync(p, "")],
  ["not a snapshot at all", (p) => writeFileSync(p, "\u0000\u0001binary\n\u00ff")],
];

describe("a damaged snapshot", () => {
  it.each(damages)("%s: gives the RDF's answers and is replaced", async (_, damage) => {
    const parsed = answers(await openKnowledgeGraph([KB], { cache: false }));
    const good = await goodSnapshot();
    damage(good.path);
    // As the CLI opens: the new snapshot is written after the answer; the damaged one is
    // removed at once, so no other process trips on it meanwhile.
    const kg = await openKnowledgeGraph([KB], { snapshot: "later" });
    expect(existsSync(good.path)).toBe(false);
    expect(answers(kg)).toEqual(parsed);
    await snapshotsWritten();
    expect(readFileSync(good.path)).toEqual(good.bytes);
    expect(answers(await openKnowledgeGraph([KB]))).toEqual(parsed);
  });

  it.each(["trace", "stats", "audit"])(
    "`%s` through the CLI answers as without a cache, exit code 0",
    async (command) => {
      const args = [CLI, command, ...(command === "trace" ? ["desipramine"] : []), "--kb", KB];
      const clean = spawnSync(process.execPath, args, {
        env: { ...process.env, CLAIMGRAPH_NO_CACHE: "1" },
        encoding: "utf8",
      });
      const path = cliSnapshot();
      rewriteSnapshot(path, withoutClaimField("location"), { reseal: false });
      const r = spawnSync(process.execPath, args, { env: process.env, encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(clean.stdout);
    },
  );
});

describe("`serve` with a damaged snapshot", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.pid !== undefined && child.exitCode === null) child.kill("SIGTERM");
  });

  it("starts, and serves the RDF's graph", async () => {
    rewriteSnapshot(cliSnapshot(), withoutClaimField("location"), { reseal: false });
    const server = spawn(process.execPath, [CLI, "serve", "--kb", KB, "--port", "0"], {
      env: process.env,
    });
    child = server;
    let out = "";
    let err = "";
    server.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
    });
    server.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      server.stdout?.on("data", () => {
        const m = /claimgraph viewer: (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      server.on("exit", (code) => reject(new Error(`serve exited with ${code}:\n${err}`)));
    });
    const entity = "https://w3id.org/claimgraph/kb/entity/desipramine";
    const res = await fetch(`${url}api/node?id=${encodeURIComponent(entity)}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain("desipramine");
    expect(err).toBe("");
  });
});
