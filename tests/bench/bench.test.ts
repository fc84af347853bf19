// `npm run bench`'s flow (scripts/bench/bench.mjs) with a fake measurement instead of the real
// one (#14): the figures go to bench-results/ unless --write is given, the tracked BENCHMARKS.md
// is left alone, and a missed limit exits 1 only with --check.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: the bench's scripts are plain JavaScript, without declarations
import { bench, RESULTS_DIR } from "../../scripts/bench/bench.mjs";

/** The markers scripts/bench/report.mjs writes the seed's figures between. */
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

const TRACKED = `# Benchmarks\n\nWhat is measured.\n\n${START}\nold figures\n${END}\n`;
const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A bench run in a fresh folder holding a tracked BENCHMARKS.md, measuring nothing real. */
async function fakeRun(argv: string[], missed: boolean) {
  const root = mkdtempSync(join(tmpdir(), "claimgraph-bench-test-"));
  roots.push(root);
  writeFileSync(join(root, "BENCHMARKS.md"), TRACKED);
  const logged: string[] = [];
  const fake = async () => ({ markdown: "new figures", missed, goalMissed: false });
  const code = await bench({
    argv,
    root,
    measures: () => ({ seed: fake, scale: fake }),
    io: { out: () => undefined, log: (text: string) => logged.push(text) },
  });
  const read = (...path: string[]) => readFileSync(join(root, ...path), "utf8");
  return { code, root, logged, read };
}

describe("npm run bench: where the figures go", () => {
  it("by default writes them to bench-results/BENCHMARKS.md, not the tracked file", async () => {
    const r = await fakeRun([], false);
    expect(r.read("BENCHMARKS.md")).toBe(TRACKED);
    const results = r.read(RESULTS_DIR, "BENCHMARKS.md");
    expect(results).toContain(`${START}\nnew figures\n${END}`);
    expect(results).toContain("What is measured.");
    expect(r.logged.join("\n")).toContain(join(r.root, RESULTS_DIR, "BENCHMARKS.md"));
  });

  it("with --write updates the tracked BENCHMARKS.md", async () => {
    const r = await fakeRun(["--write"], false);
    expect(r.read("BENCHMARKS.md")).toBe(TRACKED.replace("old figures", "new figures"));
  });

  it("bench-results/ is ignored by git", () => {
    const ignored = readFileSync(join(import.meta.dirname, "..", "..", ".gitignore"), "utf8");
    expect(ignored.split("\n")).toContain(`${RESULTS_DIR}/`);
  });
});

describe("npm run bench: the exit code", () => {
  it.each([
    { argv: ["--check"], missed: true, code: 1 },
    { argv: ["--check", "--write"], missed: true, code: 1 },
    { argv: ["--check"], missed: false, code: 0 },
    { argv: [], missed: true, code: 0 },
  ])("$argv with a limit missed: $missed → $code", async ({ argv, missed, code }) => {
    const r = await fakeRun(argv, missed);
    expect(r.code).toBe(code);
    if (missed) expect(r.logged.join("\n")).toMatch(/a limit was missed/);
  });
});
