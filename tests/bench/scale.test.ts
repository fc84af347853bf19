// The scale report from fake measurements (#16.4): the issue's limits for 10,000 documents, the
// build's peak RSS row, a step that failed as a failed row (the run goes on), and the check of
// the temporary disk before the hours start. Nothing here runs a measurement.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: idem
import { largeHeapEnv } from "../../scripts/bench/scale.mjs";
// @ts-expect-error: idem
import { changedDocument, measureIncremental } from "../../scripts/bench/scale-incremental.mjs";
// @ts-expect-error: the bench's scripts are plain JavaScript, without declarations
import { renderScaleReport } from "../../scripts/bench/scale-report.mjs";
// @ts-expect-error: idem
import { diskShortfall, makeSteps } from "../../scripts/bench/scale-steps.mjs";
// @ts-expect-error: idem
import { scaleVerdicts, summariseScale } from "../../scripts/bench/scale-summary.mjs";
// @ts-expect-error: idem
import { targetsFor } from "../../scripts/bench/scale-targets.mjs";
// @ts-expect-error: idem
import { endpointCases, virtuosoBuffers } from "../../scripts/bench/virtuoso.mjs";

const GiB = 2 ** 30;
const FORMATS = ["turtle", "trig", "nquads"];
const each = <T>(make: (f: string) => T) => Object.fromEntries(FORMATS.map((f) => [f, make(f)]));

/** One open of the knowledge base, as probe-scale-open.ts reports it. */
const opened = (totalMs: number) => ({
  totalMs,
  phases: { "read the file": 10, "n3 Parser.parse (Turtle)": 1000 },
  afterwards: {},
  triples: 1_000_000,
  nodes: 5000,
  edges: 9000,
  heapBytes: 50_000_000,
  externalBytes: 10_000_000,
  rssBytes: 400_000_000,
});

/** Raw measurements of a run that passed everything but what `change` changes. */
function fakeRaw(documents: number, p99Ns = 500_000, buildRss = 1 * GiB) {
  const perCallNs = Array.from({ length: 100 }, (_, i) => (i >= 95 ? p99Ns : 50_000));
  return {
    documents,
    seed: 42,
    runs: 1,
    seconds: 600,
    corpus: { files: documents + 1, bytes: 5e6, unknownShare: 0.5 },
    sizes: { ttl: 1e8, trig: 1.2e8, nq: 3e8, jsonld: 2e8 },
    builds: [{ ms: 20_000, maxRssBytes: buildRss, cpuMs: 25_000 }],
    incremental: {
      document: "doc-0500.md",
      rounds: [{ ms: 1000, cpuMs: 1250, maxRssBytes: GiB, reused: documents }],
    },
    jobs: null,
    n3: {
      parse: { trig: { ms: 3000 }, turtle: { ms: 2500 } },
      counts: { trig: 1_100_000, nquads: 1_100_000, turtle: 1_000_000 },
      rounds: [each(() => ({ memory: { ms: 3000 }, file: { ms: 3500 } }))],
      string: each(() => ({ ms: 4000 })),
    },
    phases: {
      prepareMs: 5000,
      rounds: [
        {
          quads: { ms: 2000 },
          all: { ms: 12_000 },
          jsonld: { ms: 4000 },
          ...each((f) => ({ ms: 5000, chars: { [f]: 1e8 } })),
        },
      ],
      agreements: [
        {
          ms: 500,
          groupMs: 300,
          quadsMs: 100,
          writeMs: 100,
          quads: 5,
          assertions: 2,
          conflicts: 1,
        },
      ],
    },
    exports: each(() => [{ ms: 9000, maxRssBytes: GiB }]),
    opens: {
      n3: [opened(1000)],
      nocache: [opened(250)],
      first: [opened(260)],
      snapshot: [opened(100)],
    },
    cli: { query: "desipramine", first: 900, runs: [200] },
    trace: {
      limit: 50,
      openMs: 100,
      countMs: 5,
      topEntities: [{ label: "NET", claims: 400 }],
      results: [
        {
          query: "NET",
          hub: 1,
          scale: { perCallNs, firstUs: 900, answer: { match: "entity", total: 400, returned: 50 } },
          seed: { perCallNs: perCallNs.map(() => 40_000), answer: { match: "entity", total: 2 } },
        },
      ],
    },
    viewer: { skipped: "--no-viewer" },
    virtuoso: { skipped: "--no-virtuoso" },
    failures: {} as Record<string, string>,
  };
}

const MACHINE = { cpu: "test CPU", cores: 2, memoryGiB: 8, node: "v22", os: "Linux" };
function report(raw: ReturnType<typeof fakeRaw>) {
  const sum = summariseScale(raw);
  const markdown: string = renderScaleReport({
    date: "2026-12-04",
    command: "npm run bench -- --scale-only",
    machine: MACHINE,
    raw,
    sum,
  });
  const row = (label: string) => markdown.split("\n").find((l) => l.startsWith(`| ${label}`));
  return { sum, markdown, row, verdicts: scaleVerdicts(sum) as string[] };
}

describe("bench --scale: the issue's limits by size", () => {
  it("judges trace p99 against 10 ms below 10,000 documents and 1 ms from there on", () => {
    expect(targetsFor(1000).traceP99Ms.limit).toBe(10);
    expect(targetsFor(10000).traceP99Ms.limit).toBe(1);
    // p99 of 2 ms: within 1,000 documents' limit, over 10,000's.
    const small = report(fakeRaw(1000, 2_000_000));
    expect(small.row("trace p99")).toMatch(/limit ≤ 10 ms \| PASS \|$/);
    const large = report(fakeRaw(10000, 2_000_000));
    expect(large.row("trace p99")).toMatch(/limit ≤ 1 ms \| FAIL \|$/);
    expect(large.markdown).toContain("| p99 ≤ 1 ms |");
    expect(large.markdown).toContain("Judged by the issue's limits for 10,000 documents");
    expect(large.verdicts).toContain("FAIL");
  });

  it("reports the build's peak RSS against 4 GiB, and names a miss", () => {
    const under = report(fakeRaw(10000, 500_000, 3 * GiB));
    expect(under.row("`claimgraph build`: peak RSS")).toMatch(
      /3072 MiB .*limit < 4 GiB \| PASS \|$/,
    );
    expect(under.markdown).toContain("Every figure met its goal and its limit.");
    const over = report(fakeRaw(10000, 500_000, 5 * GiB));
    expect(over.row("`claimgraph build`: peak RSS")).toMatch(/5120 MiB .*\| FAIL \|$/);
    expect(over.markdown).toMatch(
      /^- `claimgraph build`: peak RSS .*: 5120 MiB against limit < 4 GiB\.$/m,
    );
  });
});

describe("bench --scale: the build after one document changed", () => {
  const label = "`claimgraph build` after one document changed";

  it("is judged by the issue's 5% of the full build's wall time", () => {
    const at5 = report(fakeRaw(1000));
    expect(at5.row(label)).toMatch(
      /1,000 reused, 1 read \| 1\.00 s \(CPU 0\.05× of the full build's\) \| the full build \(`--full`\): 20\.00 s \| 0\.05× \| limit ≤ 0\.05× \| PASS \|$/,
    );
    const raw = fakeRaw(1000);
    raw.incremental.rounds = [{ ms: 16_800, cpuMs: 21_000, maxRssBytes: GiB, reused: 1000 }];
    const slow = report(raw);
    expect(slow.row(label)).toMatch(/\| 0\.84× \| limit ≤ 0\.05× \| FAIL \|$/);
    expect(slow.verdicts).toContain("FAIL");
  });

  it("changes the middle document each round and checks the build read only that one", () => {
    const dir = mkdtempSync(join(tmpdir(), "claimgraph-bench-incremental-"));
    try {
      for (const name of ["c.md", "a.md", "b.md", "notes.txt"]) writeFileSync(join(dir, name), "x");
      expect(changedDocument(dir)).toBe("b.md");
      const calls: string[][] = [];
      let read = 1;
      const node = (args: string[]) => {
        calls.push(args);
        const stdout = JSON.stringify({ documents: { read, reused: 3 - read } });
        return { ms: 10, stdout, usage: { userMs: 4, systemMs: 1, maxRssBytes: 99 } };
      };
      const ctx = { node, runs: 2, work: dir, log: () => {}, corpusDir: dir };
      const raw = measureIncremental(ctx, ["build", "--out", "o", "--full", "-q"]);
      expect(readFileSync(join(dir, "b.md"), "utf8")).toBe("x\n\n");
      expect(calls[0]).toEqual(["build", "--out", "o", "--json"]);
      expect(raw).toEqual({
        document: "b.md",
        rounds: [0, 1].map(() => ({ ms: 10, cpuMs: 5, maxRssBytes: 99, reused: 2 })),
      });
      read = 3;
      expect(() => measureIncremental(ctx, ["build"])).toThrow(
        "the build read 3 documents again, not the 1 changed",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bench --scale: the viewer's screenshot", () => {
  it("is named by the size, so a 10,000-document run leaves the tracked 1,000 one alone", () => {
    const viewer = {
      skipped: null,
      first: { ms: 5000, what: "an overview" },
      starts: [{ ms: 2000 }],
      pages: [{ ms: 2500, viewMs: 400, viewBytes: 8e5 }],
      overview: { nodes: 367, overlapping: 0, groupedShare: 1, labels: 14 },
      servedMaxRssBytes: GiB,
    };
    const large = report({ ...fakeRaw(10000), viewer } as unknown as ReturnType<typeof fakeRaw>);
    expect(large.markdown).toContain("(screenshot `tests/artifacts/graph-overview-10000.png`)");
    expect(large.row("viewer: `page.goto` → overview drawn")).toMatch(/2\.50 s .*\| PASS \|$/);
    const small = report({ ...fakeRaw(1000), viewer } as unknown as ReturnType<typeof fakeRaw>);
    expect(small.markdown).toContain("(screenshot `tests/artifacts/graph-overview-1000.png`)");
  });
});

describe("bench --scale: a step that failed", () => {
  it("is a failed row with its reason, and the other figures are still judged", () => {
    const raw = fakeRaw(10000);
    raw.opens.nocache = [];
    raw.failures["open: nocache"] = "exited with 134: JavaScript heap out of memory";
    const r = report(raw);
    expect(r.row("open without a snapshot")).toMatch(
      /\*\*failed\*\*: open: nocache: exited with 134: JavaScript heap out of memory .*\| FAIL \|$/,
    );
    expect(r.row("open from the snapshot")).toMatch(/\| PASS \(goal\) \|$/);
    expect(r.markdown).toContain("Steps that failed (the run went on without them):");
    expect(r.markdown).toContain("- open: nocache: exited with 134");
    expect(r.verdicts).toContain("FAIL");
  });

  it("fails the build's ratio, not the build, when n3's baseline failed", () => {
    const raw = { ...fakeRaw(10000), n3: null } as unknown as ReturnType<typeof fakeRaw>;
    raw.failures["n3's writer on the same quads (the build and export baselines)"] =
      "Invalid string length";
    const r = report(raw);
    expect(r.row("`claimgraph build`, 10,000 documents")).toMatch(
      /20\.00 s \| \*\*failed\*\*: n3's writer .*Invalid string length .*\| FAIL \|$/,
    );
    expect(r.row("`claimgraph build`: peak RSS")).toMatch(/\| PASS \|$/);
    expect(r.row("`claimgraph export` and its writing")).toMatch(/\*\*failed\*\*.*\| FAIL \|$/);
  });

  it("renders a run whose build failed: every figure after it a failed row, none thrown", () => {
    const raw = {
      ...fakeRaw(10000),
      sizes: null,
      builds: null,
      n3: null,
      phases: null,
      exports: null,
      opens: { n3: [], nocache: [], first: [], snapshot: [] },
      cli: null,
      trace: null,
      failures: { "claimgraph build": "exited with 1: RangeError: Invalid string length" },
    } as unknown as ReturnType<typeof fakeRaw>;
    const r = report(raw);
    expect(r.row("`claimgraph build`, 10,000")).toContain(
      "**failed**: claimgraph build: exited with 1",
    );
    expect(r.row("trace p99")).toMatch(/\| FAIL \|$/);
    expect(r.markdown).not.toMatch(/\bNaN\b|undefined/);
    expect(r.verdicts.filter((v) => v === "FAIL").length).toBeGreaterThan(5);
  });

  it("fails the push row when push failed, and says the endpoint was skipped by --no-endpoint", () => {
    const raw = {
      ...fakeRaw(10000),
      virtuoso: {
        buffers: 250000,
        bulk: { loaderMs: 60_000, checkpointMs: 1000, added: 1_100_000 },
        push: { failed: "claimgraph push: exited with 134: heap out of memory" },
        endpointSkipped: "--no-endpoint",
      },
    } as unknown as ReturnType<typeof fakeRaw>;
    const r = report(raw);
    expect(r.row("`claimgraph push` to Virtuoso")).toMatch(
      /\*\*failed\*\*: claimgraph push: exited with 134: heap out of memory .*\| FAIL \|$/,
    );
    expect(r.markdown).toContain("`NumberOfBuffers` 250,000");
    expect(r.markdown).toContain("- Through --endpoint: skipped (--no-endpoint).");
    expect(r.verdicts).toContain("FAIL");
  });

  it("logs the step's start and failure, records it, and runs the next step", async () => {
    const logged: string[] = [];
    const failures: Record<string, string> = {};
    const beats: string[] = [];
    const beat = (name: string) => {
      beats.push(`start ${name}`);
      return () => beats.push(`stop ${name}`);
    };
    const { step, block } = makeSteps({
      log: (t: string) => logged.push(t),
      failures,
      now: () => 0,
      beat,
    });
    const broken = await step("the build", () => {
      throw new Error("exited with 1:\nRangeError: Invalid string length");
    });
    expect(broken).toBeNull();
    expect(failures["the build"]).toBe("exited with 1: ⏎ RangeError: Invalid string length");
    expect(await step("trace", () => 42)).toBe(42);
    block("the build failed");
    expect(await step("export", () => 1)).toBeNull();
    expect(failures.export).toBe("not run: the build failed");
    expect(logged).toContain("bench: scale: the build: FAILED after 0.0 s");
    expect(logged).toContain("bench: scale: trace: done in 0.0 s");
    // A heartbeat for each step that ran, stopped when it ended, failed or not.
    expect(beats).toEqual(["start the build", "stop the build", "start trace", "stop trace"]);
  });
});

describe("bench --scale: what the run needs first", () => {
  const statfs = (free: number) => () => ({ bavail: free / 4096, bsize: 4096 });

  it("refuses to start with too little temporary disk, naming the folder and a way out", () => {
    const why = diskShortfall({ dir: "/tmp", documents: 10000, statfs: statfs(20e9) });
    expect(why).toContain("20.0 GB free in /tmp");
    expect(why).toContain("10,000 documents need about 60.0 GB");
    expect(why).toContain("TMPDIR");
    expect(diskShortfall({ dir: "/tmp", documents: 10000, statfs: statfs(61e9) })).toBeNull();
    expect(diskShortfall({ dir: "/tmp", documents: 200, statfs: statfs(20e9) })).toBeNull();
  });

  it("gives the first open a heap for kb.ttl's graph from 10,000 documents on, as the CLI asks", () => {
    const env = { PATH: "/bin", NODE_OPTIONS: "--trace-warnings" };
    expect(largeHeapEnv(env, 1000)).toBe(env);
    expect(largeHeapEnv(env, 10000)).toEqual({
      PATH: "/bin",
      NODE_OPTIONS: "--trace-warnings --max-old-space-size=10240",
    });
    expect(largeHeapEnv({}, 20000).NODE_OPTIONS).toBe("--max-old-space-size=10240");
  });

  it("scales Virtuoso's buffers with kb.nq, within a third of the memory, unless set", () => {
    expect(virtuosoBuffers(null, 300e6, 24 * GiB)).toBe(100000);
    expect(virtuosoBuffers(null, 3e9, 24 * GiB)).toBe(Math.ceil(3e9 / 4096));
    expect(virtuosoBuffers(null, 30e9, 24 * GiB)).toBe(Math.floor((24 * GiB) / 3 / 8192));
    expect(virtuosoBuffers(250000, 3e9, 24 * GiB)).toBe(250000);
  });

  it("keeps the endpoint queries measured before the probe was stopped, and names the others", () => {
    const line = (command: string, query: string) =>
      JSON.stringify({
        command,
        query,
        ms: [12, 14],
        requests: 4,
        rounds: 3,
        nodes: 6,
        answered: 1,
      });
    const asked = { traces: ["NET", "desipramine"], compares: [["desipramine", "fluoxetine"]] };
    // The last line cut short where the probe was stopped.
    const out = `${line("trace", "desipramine")}\n${line("trace", "NET")}\n{"command":"compare","qu`;
    const cases = endpointCases(out, asked, "stopped at 30 minutes");
    expect(cases.trace.map((c: { query: string; ms: number[] }) => [c.query, c.ms])).toEqual([
      ["NET", [12, 14]],
      ["desipramine", [12, 14]],
    ]);
    expect(cases.compare).toEqual([
      { query: "desipramine fluoxetine", ms: [], skipped: "not measured: stopped at 30 minutes" },
    ]);
    const r = report({
      ...fakeRaw(10000),
      virtuoso: {
        buffers: 250000,
        bulk: { loaderMs: 60_000, checkpointMs: 1000, added: 1_100_000 },
        push: { failed: "not run" },
        endpoint: cases,
      },
    } as unknown as ReturnType<typeof fakeRaw>);
    expect(r.markdown).toMatch(/\| trace \| `NET` \| 13\.0 ms \| 14\.0 ms \| 4 \(3\) \|/);
    expect(r.markdown).toContain(
      "| compare | `desipramine fluoxetine` | skipped: not measured: stopped at 30 minutes |",
    );
  });
});
