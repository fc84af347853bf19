// The snapshot cache is the user's own folder. Two accounts are simulated (the tests run as
// root in CI) by a folder chowned to another uid, or made group- or other-writable: a
// snapshot planted there is never read, nothing is written there, and a warning says why.
// Files are written 0600 in a folder made 0700, and no symbolic link — at the temporary
// name or at the snapshot's own — is followed.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openKnowledgeGraph, snapshotsWritten } from "../../src/graph/open.ts";
import { trace } from "../../src/trace/trace.ts";
import { rewriteSnapshot, snapshotFiles } from "../helpers/snapshot.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const KB = join(ROOT, "graph", "kb.ttl");
const CLI = join(ROOT, "bin", "claimgraph.js");
const OTHER_UID = 4242;
const FORGED = "desipramine (forged by another account)";

const scratch = mkdtempSync(join(tmpdir(), "claimgraph-cache-folder-"));
const saved = { ...process.env };
let n = 0;
let dir: string;
let warnings: string[];
const warn = (m: string) => warnings.push(m);

beforeEach(() => {
  dir = join(scratch, `cache-${n++}`);
  process.env.CLAIMGRAPH_CACHE_DIR = dir;
  delete process.env.CLAIMGRAPH_NO_CACHE;
  warnings = [];
});

afterAll(() => {
  process.env = saved;
  rmSync(scratch, { recursive: true, force: true });
});

const label = async () =>
  trace(await openKnowledgeGraph([KB], { warn }), "ent:desipramine").entity?.label;

/** A snapshot in `dir` that claimgraph would read, with desipramine's label forged. */
async function plantForgedSnapshot(): Promise<string> {
  await openKnowledgeGraph([KB], { warn });
  const [path] = snapshotFiles(dir);
  rewriteSnapshot(
    path as string,
    (body) => body.replace('"label":"desipramine"', `"label":"${FORGED}"`),
    { reseal: true },
  );
  // The forgery is good: in a folder of the user's own it is what is read.
  expect(await label()).toBe(FORGED);
  return path as string;
}

describe("a cache folder another account controls", () => {
  const cases: Array<[string, (d: string) => void, RegExp]> = [
    ["owned by another uid", (d) => chownSync(d, OTHER_UID, OTHER_UID), /owned by uid 4242/],
    ["writable by its group", (d) => chmodSync(d, 0o770), /others can write to it/],
    ["writable by everyone", (d) => chmodSync(d, 0o777), /others can write to it/],
  ];

  it.each(cases)("%s: a snapshot planted there is not read", async (_, take, reason) => {
    const planted = await plantForgedSnapshot();
    const bytes = readFileSync(planted);
    take(dir);
    expect(await label()).toBe("desipramine");
    expect(warnings.join("\n")).toMatch(reason);
    expect(warnings[0]).toContain(dir);
    // ... and nothing is written there either.
    expect(readdirSync(dir)).toEqual([basename(planted)]);
    expect(readFileSync(planted)).toEqual(bytes);
  });

  it("a parent another account can write to (not sticky): the folder could be swapped", async () => {
    const parent = join(scratch, `shared-${n++}`);
    mkdirSync(parent);
    process.env.CLAIMGRAPH_CACHE_DIR = dir = join(parent, "cache");
    await plantForgedSnapshot();
    chmodSync(parent, 0o777);
    expect(await label()).toBe("desipramine");
    expect(warnings.join("\n")).toMatch(/others can write to its parent/);
  });

  it("a snapshot file owned by another uid, or readable by others, is not read", async () => {
    const planted = await plantForgedSnapshot();
    chownSync(planted, OTHER_UID, OTHER_UID);
    expect(await label()).toBe("desipramine");
    // The read-only open left it; the new snapshot replaced it (by rename, not by writing it).
    expect(lstatSync(join(dir, basename(planted))).uid).toBe(process.getuid?.());
    const again = await plantForgedSnapshot();
    chmodSync(again, 0o644);
    expect(await label()).toBe("desipramine");
    expect(warnings).toEqual([]);
  });

  it("`trace` through the CLI prints no forged quote, and warns", () => {
    const traceCli = () =>
      spawnSync(process.execPath, [CLI, "trace", "ent:desipramine", "--kb", KB], {
        env: { ...process.env, CLAIMGRAPH_CACHE_DIR: dir },
        encoding: "utf8",
      });
    expect(traceCli().status).toBe(0);
    const [path] = snapshotFiles(dir);
    rewriteSnapshot(
      path as string,
      (body) => body.replace('"label":"desipramine"', `"label":"${FORGED}"`),
      { reseal: true },
    );
    expect(traceCli().stdout).toContain(FORGED);
    chownSync(dir, OTHER_UID, OTHER_UID);
    const r = traceCli();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("desipramine");
    expect(r.stdout).not.toContain("forged");
    expect(r.stderr).toMatch(/^claimgraph: warning: the snapshot cache .* is not used: .*uid 4242/);
  });
});

describe("files the cache writes", () => {
  it("the folder is made 0700 and each snapshot 0600", async () => {
    process.env.CLAIMGRAPH_CACHE_DIR = dir = join(scratch, `new-${n++}`, "deeper", "cache");
    await openKnowledgeGraph([KB]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, "..")).mode & 0o777).toBe(0o700);
    const [file] = snapshotFiles(dir);
    expect(statSync(file as string).mode & 0o777).toBe(0o600);
  });

  it("symbolic links planted at temporary names are not followed: their targets stay unchanged", async () => {
    await openKnowledgeGraph([KB]);
    const [path] = snapshotFiles(dir);
    rmSync(path as string);
    const victim = join(scratch, `victim-${n++}.txt`);
    writeFileSync(victim, "the victim's file\n");
    // The names a writer has used or could use: the process id, and guesses.
    for (const suffix of [String(process.pid), "0", "tmp"]) {
      symlinkSync(victim, `${path}.${suffix}.tmp`);
    }
    await openKnowledgeGraph([KB], { snapshot: "later" });
    await snapshotsWritten();
    expect(readFileSync(victim, "utf8")).toBe("the victim's file\n");
    const [written] = snapshotFiles(dir);
    expect(lstatSync(written as string).isFile()).toBe(true);
  });

  it("a symbolic link planted at the snapshot's name is neither read through nor written through", async () => {
    await plantForgedSnapshot();
    const [path] = snapshotFiles(dir);
    const elsewhere = join(scratch, `elsewhere-${n++}`);
    mkdirSync(elsewhere);
    const target = join(elsewhere, "forged");
    renameSync(path as string, target);
    symlinkSync(target, path as string);
    const forged = readFileSync(target);
    expect(await label()).toBe("desipramine");
    expect(readFileSync(target)).toEqual(forged);
    expect(lstatSync(path as string).isSymbolicLink()).toBe(false);
  });
});

describe("where the cache is", () => {
  const run = (env: Record<string, string>, cwd: string) =>
    spawnSync(process.execPath, [CLI, "stats", "--kb", KB], {
      env: { ...saved, CLAIMGRAPH_NO_CACHE: "", ...env },
      cwd,
      encoding: "utf8",
    });

  it("$XDG_CACHE_HOME/claimgraph; an empty CLAIMGRAPH_CACHE_DIR counts as unset", () => {
    const work = join(scratch, `work-${n++}`);
    const xdg = join(scratch, `xdg-${n++}`);
    mkdirSync(work);
    const r = run({ CLAIMGRAPH_CACHE_DIR: "", XDG_CACHE_HOME: xdg }, work);
    expect(r.status).toBe(0);
    expect(readdirSync(work)).toEqual([]);
    expect(snapshotFiles(join(xdg, "claimgraph"))).toHaveLength(1);
  });

  it("~/.cache/claimgraph without XDG_CACHE_HOME (or with a relative one)", () => {
    const work = join(scratch, `work-${n++}`);
    const home = join(scratch, `home-${n++}`);
    mkdirSync(work);
    mkdirSync(home, { mode: 0o700 });
    const r = run({ CLAIMGRAPH_CACHE_DIR: "", XDG_CACHE_HOME: "relative/cache", HOME: home }, work);
    expect(r.status).toBe(0);
    expect(readdirSync(work)).toEqual([]);
    expect(snapshotFiles(join(home, ".cache", "claimgraph"))).toHaveLength(1);
  });

  it("CLAIMGRAPH_NO_CACHE=1 still turns it off", () => {
    const work = join(scratch, `work-${n++}`);
    mkdirSync(work);
    const r = run({ CLAIMGRAPH_CACHE_DIR: join(work, "cache"), CLAIMGRAPH_NO_CACHE: "1" }, work);
    expect(r.status).toBe(0);
    expect(readdirSync(work)).toEqual([]);
  });
});
