// `claimgraph cache [--clear] [--json]`: where the cache is, whether it is used (or why not),
// what it holds; `--clear` removes claimgraph's files only, and only from the user's folder.
import { chmodSync, chownSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { userSecret } from "../../src/cache/secret-key.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { READINGS_KEY } from "../../src/pipeline/reading-seal.ts";
import { cachePerTest } from "../helpers/cache-per-test.ts";
import { run } from "../helpers/cli.ts";
import { snapshotFiles } from "../helpers/snapshot.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const KB = join(ROOT, "graph", "kb.ttl");

const cacheDir = cachePerTest("claimgraph-cache-command-");

const json = async (argv: string[]) => {
  const r = await run(["cache", "--json", ...argv]);
  return { code: r.code, report: JSON.parse(r.out) as Record<string, unknown>, err: r.err };
};

describe("claimgraph cache", () => {
  it("shows the folder, that it is in use, and the snapshots it holds", async () => {
    await openKnowledgeGraph([KB]);
    const { code, report } = await json([]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ dir: cacheDir(), status: "in-use", reason: null, snapshots: 1 });
    expect(report.bytes).toBeGreaterThan(100_000);
    const text = await run(["cache"]);
    expect(text.out).toContain(`cache    ${cacheDir()}`);
    expect(text.out).toMatch(/status {3}in use/);
    expect(text.out).toMatch(/holds {4}1 snapshot, 0 temporary files; [\d.]+ KiB/);
  });

  it("says why a folder is refused, and --clear removes nothing from it (exit 1)", async () => {
    await openKnowledgeGraph([KB]);
    chownSync(cacheDir(), 4242, 4242);
    const { code, report } = await json([]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ status: "refused", snapshots: 1 });
    expect(report.reason).toMatch(/owned by uid 4242/);
    const cleared = await run(["cache", "--clear"]);
    expect(cleared.code).toBe(1);
    expect(cleared.err).toMatch(/owned by uid 4242.*nothing was removed/);
    expect(snapshotFiles(cacheDir())).toHaveLength(1);
  });

  it("says when CLAIMGRAPH_NO_CACHE turns it off", async () => {
    process.env.CLAIMGRAPH_NO_CACHE = "1";
    const { report } = await json([]);
    expect(report).toMatchObject({ status: "off", reason: "CLAIMGRAPH_NO_CACHE is set" });
  });

  it("--clear removes snapshots and temporary files, and nothing else", async () => {
    await openKnowledgeGraph([KB]);
    const [snapshot] = snapshotFiles(cacheDir());
    writeFileSync(`${snapshot}.0123456789abcdef.tmp`, "partial");
    writeFileSync(join(cacheDir(), "notes.txt"), "mine");
    mkdirSync(join(cacheDir(), "sub"));
    const { code, report } = await json(["--clear"]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ snapshots: 0, temporaryFiles: 0, bytes: 0 });
    expect((report.cleared as { files: number }).files).toBe(2);
    expect(readdirSync(cacheDir()).sort()).toEqual(["notes.txt", "sub"]);
  });

  it("lists the readings key, in use or refused and why, and --clear keeps it", async () => {
    expect((await json([])).report.keys).toEqual([]);
    expect((await run(["cache"])).out).toMatch(/^keys {5}none;/m);
    const key = userSecret(READINGS_KEY);
    expect(key.kept).toBe(true);
    const { report } = await json(["--clear"]);
    expect(report.keys).toEqual([{ name: "readings.key", state: "in use" }]);
    expect(readdirSync(cacheDir())).toContain("readings.key");
    chmodSync(key.path, 0o644);
    expect((await run(["cache"])).out).toMatch(
      /^keys {5}readings\.key \(refused: others may read or write it \(mode 644\)\); --clear keeps them/m,
    );
  });

  it("is listed in --help", async () => {
    const r = await run(["--help"]);
    expect(r.out).toMatch(/^ {2}cache \[options\]/m);
  });
});
