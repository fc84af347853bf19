/**
 * `build --out X` changes its outputs together or not at all. The compiled CLI is killed
 * (SIGKILL, through the test-only preload tests/helpers/fs-steps.mjs) before every step that
 * touches X, and at timed points; after each kill X must hold exactly one complete
 * generation — the old one or the new one — and the next build must leave only its own
 * generation, no temporary files and no lock. Two builds into one X never interleave: the
 * second fails at once, naming the first. A folder of the earlier layout (five regular
 * files) is moved to the new one without a reader ever seeing a partial file.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/build.ts";
import { removeTempDirs, run, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const BIN = join(ROOT, "bin", "claimgraph.js");
const PRELOAD = join(ROOT, "tests", "helpers", "fs-steps.mjs");
const NAMES = ["kb.ttl", "kb.trig", "kb.nq", "kb.jsonld", "kb.manifest.json"] as const;
/** The build that is killed writes this base; the build it replaces, the default. */
const NEW_BASE = "https://example.org/other/";

const sha = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

beforeAll(() => {
  expect(existsSync(join(ROOT, "dist", "main.js")), "run `npm run build:cli`").toBe(true);
});

/** A build's argv into `out`; the new one with NEW_BASE. */
const argv = (out: string, base?: string) => [
  "build",
  "--out",
  out,
  "-q",
  ...(base ? ["--base", base] : []),
];

/** The CLI as a process with the preload, `env` choosing where it stops. */
function cli(args: readonly string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", PRELOAD, BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
}

/** The file digests of each build, by name, so a file read can be told to be A's or B's. */
interface Generation {
  readonly digest: string;
  readonly files: ReadonlyMap<string, string>;
}

function generationOf(dir: string): Generation {
  const target = readlinkSync(join(dir, "kb.current"));
  const digest = target.replace(/^kb\.generations\//, "");
  return {
    digest,
    files: new Map(NAMES.map((n) => [n, sha(readFileSync(join(dir, "kb.current", n)))])),
  };
}

/**
 * X holds one complete generation, `old` or `fresh`: the pointer leads to a generation folder
 * named by the digest of its five files; every familiar name reads, through the pointer, a
 * file of that generation, byte for byte; the manifest names the four exports' digests.
 */
function expectOneGeneration(dir: string, allowed: readonly Generation[], where: string) {
  const target = readlinkSync(join(dir, "kb.current"));
  expect(target, where).toMatch(/^kb\.generations\/[0-9a-f]{16}$/);
  const digest = target.slice("kb.generations/".length);
  const generation = allowed.find((g) => g.digest === digest);
  expect(generation, `${where}: unknown generation ${digest}`).toBeDefined();
  const lines = NAMES.map((n) => `${n} ${sha(readFileSync(join(dir, target, n)))}\n`).join("");
  expect(sha(lines).slice(0, 16), where).toBe(digest);
  const manifest = JSON.parse(readFileSync(join(dir, "kb.manifest.json"), "utf8"));
  for (const name of NAMES) {
    expect(lstatSync(join(dir, name)).isSymbolicLink(), `${where}: ${name}`).toBe(true);
    const bytes = readFileSync(join(dir, name));
    expect(sha(bytes), `${where}: ${name}`).toBe(generation?.files.get(name));
    if (name !== "kb.manifest.json") expect(manifest.outputs[name], where).toBe(sha(bytes));
  }
}

/** Each export of the generation in `dir` parses (once per generation: the others are byte-equal). */
function expectParses(dir: string) {
  for (const name of ["kb.ttl", "kb.trig", "kb.nq"]) {
    const format = { "kb.ttl": "Turtle", "kb.trig": "TriG", "kb.nq": "N-Quads" }[name];
    const quads = new Parser({ format }).parse(readFileSync(join(dir, name), "utf8"));
    expect(quads.length, name).toBeGreaterThan(0);
  }
  const jsonld = JSON.parse(readFileSync(join(dir, "kb.jsonld"), "utf8"));
  expect(jsonld["@graph"].length).toBeGreaterThan(0);
}

/** After a build that finished: only its generation, no temporary file, no lock. */
function expectClean(dir: string, generation: Generation, where: string) {
  expect(readdirSync(join(dir, "kb.generations")), where).toEqual([generation.digest]);
  expect(readdirSync(dir).sort(), where).toEqual(["kb.current", "kb.generations", ...NAMES].sort());
  expectOneGeneration(dir, [generation], where);
}

let old: Generation;
let fresh: Generation;
/** An output folder holding the old generation, copied for each run. */
let template: string;
/** The steps of a whole new build into `template`, as the preload numbers them. */
let steps: string[];

beforeAll(() => {
  template = join(tempDir(), "template");
  expect(cli(argv(template), {}).status).toBe(0);
  old = generationOf(template);
  expectParses(template);
  const probe = join(tempDir(), "probe");
  cpSync(template, probe, { recursive: true, verbatimSymlinks: true });
  const stepsFile = join(tempDir(), "steps");
  const r = cli(argv(probe, NEW_BASE), { CLAIMGRAPH_TEST_STEPS_FILE: stepsFile });
  expect(r.status, r.stderr).toBe(0);
  fresh = generationOf(probe);
  expectParses(probe);
  expect(fresh.digest).not.toBe(old.digest);
  steps = readFileSync(stepsFile, "utf8").trim().split("\n");
}, 60_000);

function copyOfTemplate(): string {
  const dir = join(tempDir(), "out");
  cpSync(template, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

describe("a build killed at any step", () => {
  // Every step that changes the output folder's entries, from the first (its mkdir) to the
  // last (before the first the build only reads its inputs); the writes, syncs and closes
  // between them are among the timed kills' points.
  const STRUCTURAL = new Set([
    "mkdirSync",
    "openSync",
    "writeFileSync",
    "linkSync",
    "renameSync",
    "symlinkSync",
    "unlinkSync",
    "rmSync",
  ]);

  it("leaves the old generation or the new one, whole, and the next build cleans up", async () => {
    const first = steps.indexOf("mkdirSync");
    expect(first).toBeGreaterThan(0);
    expect(steps.filter((s) => s === "renameSync" || s === "symlinkSync")).toHaveLength(3);
    const points = steps
      .map((step, i) => ({ step, n: i + 1 }))
      .filter(({ step, n }) => n > first && STRUCTURAL.has(step));
    const seen = new Set<string>();
    for (const { step, n } of points) {
      const dir = copyOfTemplate();
      const where = `killed before step ${n} (${step})`;
      const r = cli(argv(dir, NEW_BASE), { CLAIMGRAPH_TEST_KILL_AT: String(n) });
      expect(r.signal, where).toBe("SIGKILL");
      expectOneGeneration(dir, [old, fresh], where);
      seen.add(readlinkSync(join(dir, "kb.current")));
      const again = await run(argv(dir, NEW_BASE));
      expect(again.code, `${where}: the next build\n${again.err}`).toBe(0);
      expectClean(dir, fresh, `${where}, then built again`);
    }
    // Both outcomes happened: the kills fell before and after the switch.
    expect(seen.size).toBe(2);
  }, 600_000);

  it("killed at timed points, it leaves one whole generation too", async () => {
    const dir = copyOfTemplate();
    const started = Date.now();
    expect(cli(argv(dir, NEW_BASE), {}).status).toBe(0);
    const whole = Date.now() - started;
    let seed = 7;
    for (let i = 0; i < 5; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      const delay = Math.round((seed / 2 ** 31) * whole);
      const at = copyOfTemplate();
      const child = spawn(process.execPath, [BIN, ...argv(at, NEW_BASE)], { cwd: ROOT });
      const timer = setTimeout(() => child.kill("SIGKILL"), delay);
      await new Promise((done) => child.on("exit", done));
      clearTimeout(timer);
      expectOneGeneration(at, [old, fresh], `killed after ${delay} ms`);
      expect((await run(argv(at, NEW_BASE))).code).toBe(0);
      expectClean(at, fresh, `killed after ${delay} ms, then built again`);
    }
  }, 300_000);
});

describe("a build whose writes fail (a full disk)", () => {
  it("at any write, sync or close: exit 1 naming the file; before the switch the old generation is kept and nothing left, after it the new one is whole", () => {
    const first = steps.indexOf("mkdirSync");
    const switchedAt = steps.lastIndexOf("renameSync", steps.indexOf("symlinkSync") + 1) + 1;
    const writes = steps
      .map((step, i) => ({ step, n: i + 1 }))
      .filter(({ step, n }) => n > first && ["writeSync", "fsyncSync", "closeSync"].includes(step));
    expect(writes.length).toBeGreaterThan(5);
    for (const { step, n } of writes) {
      const dir = copyOfTemplate();
      const where = `failing step ${n} (${step})`;
      const r = cli(argv(dir, NEW_BASE), { CLAIMGRAPH_TEST_FAIL_AT: String(n) });
      expect(r.status, `${where}\n${r.stderr}`).toBe(1);
      expect(r.stderr, where).toMatch(/cannot write .*ENOSPC/);
      expect(r.stderr, where).not.toContain("internal error");
      if (n < switchedAt) expectClean(dir, old, where);
      else expectOneGeneration(dir, [fresh], where);
    }
  }, 300_000);
});

describe("a folder of the earlier layout (five regular files)", () => {
  /** The old generation's files as regular files, as builds before generations wrote them. */
  function earlierLayout(): string {
    const dir = join(tempDir(), "earlier");
    mkdirSync(dir);
    for (const name of NAMES) writeFileSync(join(dir, name), readFileSync(join(template, name)));
    return dir;
  }

  it("is moved over; killed at any rename or link, every name reads a whole file", async () => {
    const changes = steps
      .map((s, i) => [s, i + 1] as const)
      .filter(([s]) => s === "renameSync" || s === "symlinkSync");
    const probe = earlierLayout();
    const stepsFile = join(tempDir(), "steps");
    expect(cli(argv(probe, NEW_BASE), { CLAIMGRAPH_TEST_STEPS_FILE: stepsFile }).status).toBe(0);
    expectClean(probe, fresh, "moved over");
    const migration = readFileSync(stepsFile, "utf8").trim().split("\n");
    const renames = migration
      .map((s, i) => [s, i + 1] as const)
      .filter(([s]) => s === "renameSync" || s === "symlinkSync");
    // The five names become links: five more links and renames than a build in the new layout.
    expect(renames.length).toBe(changes.length + 10);
    for (const [step, n] of renames) {
      const dir = earlierLayout();
      const where = `killed before step ${n} (${step})`;
      const r = cli(argv(dir, NEW_BASE), { CLAIMGRAPH_TEST_KILL_AT: String(n) });
      expect(r.signal, where).toBe("SIGKILL");
      for (const name of NAMES) {
        const digest = sha(readFileSync(join(dir, name)));
        expect([old.files.get(name), fresh.files.get(name)], `${where}: ${name}`).toContain(digest);
      }
      expect((await run(argv(dir, NEW_BASE))).code, where).toBe(0);
      expectClean(dir, fresh, `${where}, then built again`);
    }
  }, 300_000);
});

describe("two builds into one folder", () => {
  it("the second fails at once naming the first, which finishes whole", async () => {
    const dir = copyOfTemplate();
    const pause = tempDir();
    const firstRename = steps.indexOf("renameSync") + 1;
    const first = spawn(process.execPath, ["--import", PRELOAD, BIN, ...argv(dir, NEW_BASE)], {
      cwd: ROOT,
      env: {
        ...process.env,
        CLAIMGRAPH_TEST_PAUSE_AT: String(firstRename),
        CLAIMGRAPH_TEST_PAUSE_DIR: pause,
      },
    });
    const exited = new Promise<number | null>((done) => first.on("exit", (code) => done(code)));
    while (!existsSync(join(pause, "paused"))) await new Promise((r) => setTimeout(r, 20));

    const second = await run(argv(dir));
    expect(second.code).toBe(1);
    expect(second.err).toContain(`pid ${first.pid}`);
    expect(second.err).toContain(join(dir, ".claimgraph.lock"));
    expect(second.err).toContain("hint:");
    expectOneGeneration(dir, [old], "while the first build is paused");

    writeFileSync(join(pause, "go"), "");
    expect(await exited).toBe(0);
    expectClean(dir, fresh, "after the first build");
  }, 60_000);

  it("a lock left by a killed build is stale: the next build takes it and cleans up", async () => {
    const dir = copyOfTemplate();
    const firstRename = steps.indexOf("renameSync") + 1;
    const r = cli(argv(dir, NEW_BASE), { CLAIMGRAPH_TEST_KILL_AT: String(firstRename) });
    expect(r.signal).toBe("SIGKILL");
    expect(existsSync(join(dir, ".claimgraph.lock"))).toBe(true);
    expect(
      readdirSync(join(dir, "kb.generations")).some((n) => n.startsWith(".claimgraph-tmp-")),
    ).toBe(true);
    const again = await run(argv(dir, NEW_BASE));
    expect(again.code, again.err).toBe(0);
    expectClean(dir, fresh, "after the next build");
  }, 60_000);

  it("started together, they never mix: each exits 0 or fails on the lock, and X holds one of them", async () => {
    for (let round = 0; round < 2; round++) {
      const dir = copyOfTemplate();
      const start = (base?: string) =>
        new Promise<{ code: number | null; err: string }>((done) => {
          const child = spawn(process.execPath, [BIN, ...argv(dir, base)], { cwd: ROOT });
          let err = "";
          child.stderr.on("data", (d) => {
            err += d;
          });
          child.on("exit", (code) => done({ code, err }));
        });
      const results = await Promise.all([start(), start(NEW_BASE)]);
      for (const r of results) {
        if (r.code !== 0) {
          expect(r.code, r.err).toBe(1);
          expect(r.err).toContain(".claimgraph.lock");
        }
      }
      expect(results.some((r) => r.code === 0)).toBe(true);
      expectOneGeneration(dir, [old, fresh], `round ${round}`);
      expect(readdirSync(join(dir, "kb.generations"))).toHaveLength(1);
      expect(existsSync(join(dir, ".claimgraph.lock"))).toBe(false);
    }
  }, 120_000);
});

describe("generations", () => {
  it("the same sources give the same generation name and bytes, in any folder", async () => {
    const a = join(tempDir(), "a");
    const b = join(tempDir(), "b");
    expect((await run(argv(a))).code).toBe(0);
    expect((await run(argv(b))).code).toBe(0);
    expect(readlinkSync(join(a, "kb.current"))).toBe(readlinkSync(join(b, "kb.current")));
    expect(generationOf(a)).toEqual(old);
    expect(generationOf(b)).toEqual(old);
    expect((await run(argv(a))).code).toBe(0);
    expectClean(a, old, "built twice");
  });

  it("the committed graph/ is in this layout: links in git, and the generation they lead to", () => {
    const git = (args: string[]) =>
      spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout.trim().split("\n");
    const entries = git(["ls-files", "-s", "graph"]);
    const mode = (path: string) => entries.find((e) => e.endsWith(`\t${path}`))?.split(" ")[0];
    for (const name of [...NAMES, "kb.current"]) expect(mode(`graph/${name}`), name).toBe("120000");
    const target = readlinkSync(join(ROOT, "graph", "kb.current"));
    for (const name of NAMES) expect(mode(`graph/${target}/${name}`), name).toBe("100644");
    expect(entries.filter((e) => e.includes("kb.generations/"))).toHaveLength(NAMES.length);
  });
});

describe("export --out", () => {
  it("removes what an export killed half-way left beside the same file", async () => {
    const dir = tempDir();
    const target = join(dir, "kb.ttl");
    const stepsFile = join(tempDir(), "steps");
    cli(["export", "--format", "turtle", "--out", target], {
      CLAIMGRAPH_TEST_STEPS_FILE: stepsFile,
    });
    const rename = readFileSync(stepsFile, "utf8").trim().split("\n").lastIndexOf("renameSync") + 1;
    const killed = cli(["export", "--format", "turtle", "--out", target], {
      CLAIMGRAPH_TEST_KILL_AT: String(rename),
    });
    expect(killed.signal).toBe("SIGKILL");
    expect(readdirSync(dir).filter((n) => n.startsWith(".claimgraph-tmp-"))).toHaveLength(1);
    expect((await run(["export", "--format", "turtle", "--out", target])).code).toBe(0);
    expect(readdirSync(dir)).toEqual(["kb.ttl"]);
  });
});
