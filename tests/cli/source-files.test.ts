/**
 * The sources folder as an attacker or a careless user leaves it: a link to /etc/passwd, a
 * FIFO, a loop of links, a folder or an unreadable file named like a document, files of
 * gigabytes. Only regular files inside the folder are read; links leading out are skipped
 * with a warning (an error under --strict); everything else is one located error with a
 * hint, exit 1, nothing written. The CLI runs as a process (the compiled binary, killed if
 * it ever hangs, as a FIFO made it), so a hang or a crash fails the test instead of vitest.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "../../src/pipeline/files.ts";
import { ROOT } from "../helpers/build.ts";
import { removeTempDirs, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const SEED = join(ROOT, "graph", "sources", "desipramine-vs-ssris.md");
const SEED_CURATION = join(ROOT, "graph", "curation");
const BIN = join(ROOT, "bin", "claimgraph.js");
// Only there to stop a build that hangs (a FIFO did); no test asserts a duration.
const HANG_GUARD_MS = 180_000;

beforeAll(() => {
  expect(existsSync(join(ROOT, "dist", "main.js")), "run `npm run build:cli`").toBe(true);
});

interface Built {
  readonly code: number | null;
  readonly err: string;
  readonly out: string;
  /** The output folder given to --out. */
  readonly dir: string;
}

/** A folder with `sources/` holding the seed (unless `seed` is false) and a curation folder. */
function workspace(seed = true): { root: string; sources: string; curation: string } {
  const root = tempDir();
  const sources = join(root, "sources");
  const curation = join(root, "curation");
  mkdirSync(sources);
  mkdirSync(curation);
  if (seed) copyFileSync(SEED, join(sources, "desipramine-vs-ssris.md"));
  for (const name of ["claims.tsv", "works.tsv"]) {
    copyFileSync(join(SEED_CURATION, name), join(curation, name));
  }
  return { root, sources, curation };
}

function build(
  ws: { root: string; sources: string; curation: string },
  extra: readonly string[] = [],
  as?: { uid: number; gid: number },
): Built {
  const dir = join(ws.root, "out");
  const args = ["build", "--sources", ws.sources, "--curation", ws.curation, "--out", dir];
  const r = spawnSync(process.execPath, [BIN, ...args, "-q", ...extra], {
    encoding: "utf8",
    timeout: HANG_GUARD_MS,
    killSignal: "SIGKILL",
    cwd: ROOT,
    ...(as ?? {}),
  });
  return { code: r.status, err: r.stderr, out: r.stdout, dir };
}

/** Asserts one located file error for `path`: `path:1:1: error[code]`, a hint, exit 1, nothing written. */
function expectRefused(r: Built, path: string, code: string): void {
  expect(r.code, r.err).toBe(1);
  expect(r.err).toContain(`${path}:1:1: error[${code}]`);
  expect(r.err).toMatch(/^ {2}hint: \S/m);
  expect(r.err.match(/: error\[/g)).toHaveLength(1);
  expect(r.err).toContain("nothing was written");
  expect(r.err).not.toContain("internal error");
  expect(existsSync(r.dir)).toBe(false);
}

function mkfifo(path: string): void {
  const r = spawnSync("mkfifo", [path]);
  expect(r.status, String(r.stderr)).toBe(0);
}

describe("symbolic links", () => {
  it("a link to /etc/passwd is skipped with a located warning and its text is nowhere in kb.ttl; a link inside the folder is followed", () => {
    const ws = workspace(false);
    mkdirSync(join(ws.sources, "kept"));
    copyFileSync(SEED, join(ws.sources, "kept", "original.md"));
    symlinkSync(join("kept", "original.md"), join(ws.sources, "desipramine-vs-ssris.md"));
    const link = join(ws.sources, "passwd.md");
    symlinkSync("/etc/passwd", link);
    const r = build(ws);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`${link}:1:1: warning[SymlinkOutsideFolder]`);
    expect(r.err).not.toContain("root:");
    const ttl = readFileSync(join(r.dir, "kb.ttl"));
    expect(ttl.toString("utf8")).not.toContain("root:");
    // Exactly the seed's knowledge base: the linked document, and nothing of passwd.md.
    expect(ttl.equals(readFileSync(join(ROOT, "graph", "kb.ttl")))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(r.dir, "kb.manifest.json"), "utf8"));
    expect(Object.keys(manifest.inputs)).not.toContain("sources/passwd.md");
  });

  it("with --strict the same link is an error: exit 1, nothing written", () => {
    const ws = workspace();
    const link = join(ws.sources, "passwd.md");
    symlinkSync("/etc/passwd", link);
    expectRefused(build(ws, ["--strict"]), link, "SymlinkOutsideFolder");
  });

  it("a relative link climbing out of the folder is not followed either", () => {
    const ws = workspace();
    writeFileSync(join(ws.root, "secret.md"), "# Secret\n\nThe vault code is 4711.\n");
    symlinkSync("../secret.md", join(ws.sources, "notes.md"));
    const r = build(ws);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("warning[SymlinkOutsideFolder]");
    expect(readFileSync(join(r.dir, "kb.ttl"), "utf8")).not.toContain("4711");
  });

  it("a link to nothing is skipped with a warning, and is an error with --strict", () => {
    const ws = workspace();
    const link = join(ws.sources, "gone.md");
    symlinkSync("no-such-file.md", link);
    const r = build(ws);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`${link}:1:1: warning[BrokenSymlink]`);
    const strict = workspace();
    const strictLink = join(strict.sources, "gone.md");
    symlinkSync("no-such-file.md", strictLink);
    expectRefused(build(strict, ["--strict"]), strictLink, "BrokenSymlink");
  });

  it.each([
    ["two links to each other", ["a.md", "b.md"]],
    ["a link to itself", ["a.md", "a.md"]],
  ])("a loop (%s): one located SymlinkLoop error, exit 1", (_, [from, to]) => {
    const ws = workspace();
    const a = join(ws.sources, from as string);
    symlinkSync(to as string, a);
    if (from !== to) symlinkSync(from as string, join(ws.sources, to as string));
    const r = build(ws);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain(`${a}:1:1: error[SymlinkLoop]`);
    expect(r.err).toMatch(/^ {2}hint: \S/m);
    expect(r.err).not.toContain("internal error");
    expect(existsSync(r.dir)).toBe(false);
  });
});

describe("files that are not regular files", () => {
  it("a FIFO named x.md: NotARegularFile, exit 1, nothing written (it hung the build)", () => {
    const ws = workspace();
    const fifo = join(ws.sources, "x.md");
    mkfifo(fifo);
    expectRefused(build(ws), fifo, "NotARegularFile");
  });

  it("a FIFO in a subfolder is not an input: the build reads only the folder's own documents", () => {
    const ws = workspace();
    mkdirSync(join(ws.sources, "drafts"));
    mkfifo(join(ws.sources, "drafts", "x.md"));
    const r = build(ws);
    expect(r.code, r.err).toBe(0);
    const manifest = JSON.parse(readFileSync(join(r.dir, "kb.manifest.json"), "utf8"));
    expect(Object.keys(manifest.inputs).filter((k) => k.startsWith("sources/"))).toEqual([
      "sources/desipramine-vs-ssris.md",
    ]);
  });

  it("a link inside the folder to a FIFO inside it is refused the same way", () => {
    const ws = workspace();
    mkfifo(join(ws.sources, "pipe"));
    const link = join(ws.sources, "x.md");
    symlinkSync("pipe", link);
    expectRefused(build(ws), link, "NotARegularFile");
  });

  it("a FIFO as the curation's claims.tsv is refused the same way", () => {
    const ws = workspace();
    const fifo = join(ws.curation, "claims.tsv");
    rmSync(fifo);
    mkfifo(fifo);
    expectRefused(build(ws), fifo, "NotARegularFile");
  });

  it("a folder named x.md: NotARegularFile, exit 1 (it crashed with EISDIR)", () => {
    const ws = workspace();
    const folder = join(ws.sources, "x.md");
    mkdirSync(folder);
    expectRefused(build(ws), folder, "NotARegularFile");
  });
});

describe("a file that cannot be read (chmod 000)", () => {
  // root reads a chmod 000 file anyway: as root the build runs as the user `nobody`.
  it("UnreadableFile, exit 1, nothing written (it crashed with EACCES)", () => {
    const ws = workspace();
    const locked = join(ws.sources, "locked.md");
    copyFileSync(SEED, locked);
    chmodSync(locked, 0o000);
    const root = process.getuid?.() === 0;
    if (root) for (const dir of [ws.root, ws.sources, ws.curation]) chmodSync(dir, 0o755);
    const r = build(ws, [], root ? { uid: 65534, gid: 65534 } : undefined);
    expectRefused(r, locked, "UnreadableFile");
  });
});

describe("size is checked before anything is read or hashed", () => {
  // Sparse files: a size on disk of nothing. 3 GiB is past what Node reads into one buffer,
  // so reading or hashing it whole (as the manifest did) fails with ERR_FS_FILE_TOO_LARGE.
  const GiB = 1024 ** 3;

  it("a 3 GiB document: DocumentTooLarge at 1:1, exit 1, nothing written", () => {
    const ws = workspace();
    const huge = join(ws.sources, "huge.md");
    writeFileSync(huge, "# Huge\n");
    truncateSync(huge, 3 * GiB);
    const r = build(ws);
    expectRefused(r, huge, "DocumentTooLarge");
    expect(r.err).toContain(String(MAX_DOCUMENT_BYTES));
  });

  it("a 3 GiB curation table: FileTooLarge at 1:1, exit 1, nothing written", () => {
    const ws = workspace();
    const works = join(ws.curation, "works.tsv");
    truncateSync(works, 3 * GiB);
    expectRefused(build(ws), works, "FileTooLarge");
  });
});
