// `npm run bench -- --scale`: the figures of a thousand-document knowledge base (about a
// million triples), each as a ratio to a baseline measured in the same run on the same
// machine (see BENCHMARKS.md, "At scale"). The corpus is generated into a temporary folder
// (never into the repository), built, measured and removed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureJobs, summariseJobs } from "./scale-jobs.mjs";
import { summarise } from "./stats.mjs";
import { CHROMIUM, probeOverview, startServe, timeViewer } from "./viewer.mjs";
import { benchVirtuoso, virtuosoMissing } from "./virtuoso.mjs";

/** The targets. `goal` and `limit` are upper bounds; null when the issue sets none. */
export const TARGETS = {
  open: { goal: 0.3, limit: 0.3 },
  bytesPerTriple: { goal: 100, limit: 100 },
  traceP50Us: { goal: 100, limit: null },
  traceVsSeed: { goal: null, limit: 2.0 },
  traceP99Ms: { goal: null, limit: 10 },
  build: { goal: 3.0, limit: null },
  export: { goal: null, limit: 1.2 },
  viewerMs: { goal: null, limit: 3000 },
  push: { goal: 2.0, limit: null },
  /** What grouping and conflict detection (#15) add to the build, over the build without them. */
  agreement: { goal: null, limit: 0.2 },
  endpointP50Ms: { goal: null, limit: 50 },
};

/**
 * "PASS (goal)", "PASS (limit only)" or "FAIL" against a goal and a limit; "PASS (goal)" or
 * "FAIL (goal)" when the issue sets only a goal; "PASS" or "FAIL" when only a limit.
 */
export function verdict(value, { goal, limit }) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  if (goal !== null && limit !== null) {
    return value <= goal ? "PASS (goal)" : value <= limit ? "PASS (limit only)" : "FAIL";
  }
  if (goal !== null) return value <= goal ? "PASS (goal)" : "FAIL (goal)";
  return value <= limit ? "PASS" : "FAIL";
}

const HUB_QUERIES = ["desipramine", "fluoxetine", "NET", "[1]", "pmid:12183009"];
const SEED_CLAIM = "claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0";
const EXPORT_FORMATS = ["turtle", "trig", "nquads"];

export async function runScale({ root, probes, env, log, options }) {
  const work = mkdtempSync(join(tmpdir(), "claimgraph-bench-scale-"));
  log(`bench: scale: working in ${work}`);
  try {
    return await measure({ root, probes, env, log, options, work });
  } finally {
    if (options.keep) log(`bench: scale: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

async function measure({ root, probes, env, log, options, work }) {
  const began = process.hrtime.bigint();
  const corpusDir = join(work, "corpus");
  const out = join(work, "out");
  const files = {
    ttl: join(out, "kb.ttl"),
    trig: join(out, "kb.trig"),
    nq: join(out, "kb.nq"),
    jsonld: join(out, "kb.jsonld"),
  };
  const runs = options.runs;
  const node = (args, { childEnv = env, rusage } = {}) => {
    const start = process.hrtime.bigint();
    const child = spawnSync(
      process.execPath,
      rusage ? ["--import", "./scripts/bench/maxrss.mjs", ...args] : args,
      {
        cwd: root,
        env: rusage ? { ...childEnv, CLAIMGRAPH_BENCH_RUSAGE: rusage } : childEnv,
        encoding: "utf8",
        maxBuffer: 512 * 1024 * 1024,
      },
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0) {
      throw new Error(
        `bench: scale: \`node ${args.join(" ")}\` exited with ${child.status ?? child.signal}:\n${child.stderr}`,
      );
    }
    const usage = rusage && existsSync(rusage) ? JSON.parse(readFileSync(rusage, "utf8")) : null;
    return { ms, stdout: child.stdout, usage };
  };
  const json = (args, opts) => JSON.parse(node(args, opts).stdout);

  // 1. The corpus.
  log(`bench: scale: generating ${options.documents} documents (seed ${options.seed})`);
  const gen = node([
    "--import",
    "tsx",
    "scripts/corpus/generate.ts",
    "--documents",
    String(options.documents),
    "--seed",
    String(options.seed),
    "--out",
    corpusDir,
  ]);
  const corpus = { ...JSON.parse(gen.stdout.trim().split("\n").at(-1)), ms: gen.ms };

  // 2. Build, as a person runs it.
  const buildArgs = [
    "bin/claimgraph.js",
    "build",
    "--sources",
    corpusDir,
    "--curation",
    "graph/curation",
    "--out",
    out,
    // Every run a full build: the first run's readings would otherwise be reused (#16.1).
    "--full",
    "-q",
  ];
  const builds = [];
  for (let i = 0; i < runs; i++) {
    log(`bench: scale: claimgraph build, run ${i + 1}/${runs}`);
    const r = node(buildArgs, { rusage: join(work, "build.rusage.json") });
    builds.push({ ms: r.ms, maxRssBytes: r.usage?.maxRssBytes ?? null, cpuMs: cpuMs(r.usage) });
  }
  const sizes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, statSync(f).size]));

  // 2b. The same build on one thread and on every core (`--jobs`).
  const jobs = measureJobs({ node, json, probes, buildArgs, corpusDir, runs, log });

  // 3. n3's writer on the same data (the build and export baselines).
  log(`bench: scale: n3's writer on the same quads, ${runs} rounds`);
  const n3 = json([
    "--expose-gc",
    "--max-old-space-size=8192",
    "scripts/bench/n3-writer.mjs",
    JSON.stringify({ trig: files.trig, ttl: files.ttl, outDir: work, rounds: runs }),
  ]);

  // 4. Where build and export spend their time, in process.
  log(`bench: scale: build and export phases in process, ${runs} rounds`);
  const phases = json([
    "--expose-gc",
    "--max-old-space-size=8192",
    probes.scaleBuild,
    JSON.stringify({ sources: corpusDir, curation: "graph/curation", rounds: runs }),
  ]);

  // 5. export, as a person runs it, one format at a time.
  const exportsRuns = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, []]));
  for (let i = 0; i < runs; i++) {
    log(`bench: scale: claimgraph export, round ${i + 1}/${runs}`);
    for (const f of EXPORT_FORMATS) {
      const target = join(work, `export.${f}`);
      const r = node(
        [
          "bin/claimgraph.js",
          "export",
          "--format",
          f,
          "--sources",
          corpusDir,
          "--curation",
          "graph/curation",
          "--out",
          target,
        ],
        { rusage: join(work, "export.rusage.json") },
      );
      exportsRuns[f].push({ ms: r.ms, maxRssBytes: r.usage?.maxRssBytes ?? null });
      rmSync(target, { force: true });
    }
  }

  // 6. Opening the knowledge base, each in a fresh process, rounds interleaved.
  const cache = join(work, "cache");
  const withCache = (dir) => ({ ...env, CLAIMGRAPH_CACHE_DIR: dir });
  const open = (mode, dir = cache) =>
    json(["--expose-gc", probes.scaleOpen, mode, files.ttl], { childEnv: withCache(dir) });
  log("bench: scale: opening the knowledge base (priming the snapshot)");
  const opens = { n3: [], nocache: [], first: [open("first")], snapshot: [] };
  for (let i = 0; i < runs; i++) {
    log(`bench: scale: opening, round ${i + 1}/${runs}`);
    opens.n3.push(open("n3"));
    opens.nocache.push(open("nocache"));
    if (i > 0) {
      const empty = join(work, `cache-empty-${i}`);
      opens.first.push(open("first", empty));
      rmSync(empty, { recursive: true, force: true });
    }
    opens.snapshot.push(open("snapshot"));
  }

  // 6b. What a person waits for: `claimgraph trace` on the large knowledge base, a whole
  // process, with the CLI's own snapshot (primed by a first run, which is timed too).
  const cliCache = join(work, "cache-cli");
  const cliTrace = (query) => {
    const r = node(["bin/claimgraph.js", "trace", query, "--kb", files.ttl], {
      childEnv: withCache(cliCache),
    });
    return r.ms;
  };
  log("bench: scale: `claimgraph trace` as a whole process");
  const cli = { query: "desipramine", first: cliTrace("desipramine"), runs: [] };
  for (let i = 0; i < runs; i++) cli.runs.push(cliTrace("desipramine"));

  // 7. trace on the open graph, beside the seed in the same process.
  log("bench: scale: trace at scale and on the seed, in one process");
  const trace = json(
    [
      probes.scaleTrace,
      JSON.stringify({
        seedKb: "graph/kb.ttl",
        kb: files.ttl,
        budget: options.traceBudget,
        iterations: 20000,
        minCalls: 30,
        limit: 50,
        hubs: 2,
        queries: HUB_QUERIES,
        claim: SEED_CLAIM,
      }),
    ],
    { childEnv: withCache(cache) },
  );

  // 8. The viewer.
  let viewer = { skipped: null };
  if (options.viewer === false) viewer.skipped = "--no-viewer";
  else if (!existsSync(CHROMIUM)) viewer.skipped = `${CHROMIUM} is missing`;
  else if (!existsSync(join(root, "dist/viewer/index.html")))
    viewer.skipped = "the viewer is not built (npm run build:viewer)";
  if (!viewer.skipped) {
    log("bench: scale: the viewer (claimgraph serve, then Chromium)");
    viewer = await benchViewer({ root, env, kb: files.ttl, work, runs });
  }

  // 9. Virtuoso.
  let virtuoso = { skipped: null };
  if (options.virtuoso === false) virtuoso.skipped = "--no-virtuoso";
  else virtuoso.skipped = virtuosoMissing();
  if (!virtuoso.skipped) {
    virtuoso = await benchVirtuoso({
      root,
      work,
      nq: files.nq,
      trig: files.trig,
      env,
      buffers: options.virtuosoBuffers,
      log,
      endpoint: { probe: probes.scaleEndpoint, runs: Math.max(5, runs) },
    });
  }

  return {
    documents: options.documents,
    seed: options.seed,
    runs,
    corpus,
    sizes,
    builds,
    jobs,
    n3,
    phases,
    exports: exportsRuns,
    opens,
    cli,
    trace,
    viewer,
    virtuoso,
    seconds: Number(process.hrtime.bigint() - began) / 1e9,
  };
}

function cpuMs(usage) {
  return usage ? usage.userMs + usage.systemMs : null;
}

async function benchViewer({ root, env, kb, work, runs }) {
  const dir = join(work, "cache-serve");
  mkdirSync(dir, { recursive: true });
  const serveEnv = { ...env, CLAIMGRAPH_CACHE_DIR: dir };
  const rusage = join(work, "serve.rusage.json");
  const starts = [];
  let first = null;
  let server = null;
  try {
    for (let i = 0; i <= runs; i++) {
      server = startServe({ root, kb, env: serveEnv, rusageFile: rusage });
      const ready = await server.ready;
      if (i === 0) first = ready;
      else starts.push(ready);
      if (i < runs) {
        const usage = await server.stop();
        if (i === 0) first.maxRssBytes = usage?.maxRssBytes ?? null;
        else starts.at(-1).maxRssBytes = usage?.maxRssBytes ?? null;
        server = null;
      }
    }
    const pages = await timeViewer(starts.at(-1).url, runs);
    // The overview's screenshot (tests/artifacts/, as the tests' own) and its layout.
    const shot = join(root, "tests", "artifacts", "graph-overview-1000.png");
    const overview = await probeOverview(starts.at(-1).url, shot);
    const usage = await server.stop();
    server = null;
    return {
      skipped: null,
      first,
      starts,
      pages,
      overview,
      servedMaxRssBytes: usage?.maxRssBytes ?? null,
    };
  } finally {
    await server?.stop();
  }
}

/** The verdicts and ratios, from the raw measurements. */
export function summariseScale(raw) {
  const med = (xs) => summarise(xs).median;
  const n3File = (f) => med(raw.n3.rounds.map((r) => r[f].file.ms));
  const n3Memory = (f) => med(raw.n3.rounds.map((r) => r[f].memory.ms));
  const phase = (name) => med(raw.phases.rounds.map((r) => r[name].ms));
  const serialise = (name) => med(raw.phases.rounds.map((r) => r[name].ms - r.quads.ms));

  const n3Parse = med(raw.opens.n3.map((o) => o.phases["n3 Parser.parse (Turtle)"]));
  const triples = raw.opens.n3[0]?.triples ?? null;
  const openRow = (mode, label) => {
    const list = raw.opens[mode];
    const ms = med(list.map((o) => o.totalMs));
    // The snapshot's buffer is memory outside the heap (external): it counts as held too.
    const heap = med(list.map((o) => o.heapBytes));
    const held = med(list.map((o) => o.heapBytes + (o.externalBytes ?? 0)));
    const rss = med(list.map((o) => o.rssBytes));
    return {
      mode,
      label,
      runs: list.length,
      ms,
      ratio: ms / n3Parse,
      verdict: verdict(ms / n3Parse, TARGETS.open),
      heapBytes: heap,
      heldBytes: held,
      rssBytes: rss,
      bytesPerTriple: triples ? held / triples : null,
      memoryVerdict: triples ? verdict(held / triples, TARGETS.bytesPerTriple) : "—",
      phases: Object.fromEntries(
        Object.keys(list[0].phases).map((k) => [k, med(list.map((o) => o.phases[k] ?? 0))]),
      ),
      afterwards: Object.fromEntries(
        Object.keys(list[0].afterwards ?? {}).map((k) => [
          k,
          med(list.map((o) => o.afterwards?.[k] ?? 0)),
        ]),
      ),
    };
  };
  const cliMs = med(raw.cli.runs);
  const open = {
    cli: {
      query: raw.cli.query,
      firstMs: raw.cli.first,
      ms: cliMs,
      ratio: cliMs / n3Parse,
      verdict: verdict(cliMs / n3Parse, TARGETS.open),
    },
    n3Parse,
    n3Read: med(raw.opens.n3.map((o) => o.phases["read the file"])),
    n3HeapBytes: med(raw.opens.n3.map((o) => o.heapBytes)),
    triples,
    nodes: raw.opens.snapshot[0]?.nodes ?? null,
    edges: raw.opens.snapshot[0]?.edges ?? null,
    rows: [
      openRow("snapshot", "open from the snapshot (every run after the first)"),
      openRow("nocache", "open without a snapshot (parse, build the graph)"),
      openRow(
        "first",
        "first open, as the CLI does it (parse, build the graph; the snapshot is written after the answer)",
      ),
    ],
  };

  const trace = raw.trace.results.map((r) => {
    const scale = summarise(r.scale.perCallNs.map((ns) => ns / 1e3));
    const seed = r.seed.perCallNs ? summarise(r.seed.perCallNs.map((ns) => ns / 1e3)) : null;
    const samePage = r.samePage ? summarise(r.samePage.perCallNs.map((ns) => ns / 1e3)) : null;
    // Judged at the same page size as the seed's answer (the same work); the ratio of the
    // full page to the seed's whole answer is shown beside it.
    const vsSeed = seed ? (samePage ?? scale).median / seed.median : null;
    return {
      query: r.query,
      hub: r.hub,
      minted: r.minted ?? false,
      scaleAnswer: r.scale.answer,
      seedAnswer: r.seed.answer,
      firstUs: r.scale.firstUs,
      scale,
      seed,
      samePage,
      samePageLimit: r.samePage?.limit ?? null,
      vsSeed,
      vsSeedFullPage: seed ? scale.median / seed.median : null,
      p50Verdict: verdict(scale.median, TARGETS.traceP50Us),
      vsSeedVerdict: verdict(vsSeed, TARGETS.traceVsSeed),
      p99Verdict: verdict(scale.p99 / 1e3, TARGETS.traceP99Ms),
    };
  });

  const buildMs = med(raw.builds.map((b) => b.ms));
  const n3AllFile = EXPORT_FORMATS.reduce((s, f) => s + n3File(f), 0);
  const n3AllMemory = EXPORT_FORMATS.reduce((s, f) => s + n3Memory(f), 0);
  const build = {
    ms: buildMs,
    maxRssBytes: med(raw.builds.map((b) => b.maxRssBytes ?? Number.NaN)),
    cpuMs: med(raw.builds.map((b) => b.cpuMs ?? Number.NaN)),
    n3AllFile,
    n3AllMemory,
    ratio: buildMs / n3AllFile,
    verdict: verdict(buildMs / n3AllFile, TARGETS.build),
    prepareMs: raw.phases.prepareMs,
    quadsMs: phase("quads"),
    allMs: phase("all"),
    allSerialiseMs: serialise("all"),
  };

  // The agreement's part of the in-process build (prepare, then the four writers), against the
  // rest of it: the build as it would run without the agreement. The limit is the issue's, on
  // grouping and conflict detection; writing the agreement graph (its quads, its text in four
  // formats) is shown beside it, for scale.
  const agreementMs = med(raw.phases.agreements.map((a) => a.ms));
  const groupMs = med(raw.phases.agreements.map((a) => a.groupMs));
  const withoutMs = raw.phases.prepareMs + phase("all") - agreementMs;
  const agreement = {
    ms: agreementMs,
    groupMs,
    quadsMs: med(raw.phases.agreements.map((a) => a.quadsMs)),
    writeMs: med(raw.phases.agreements.map((a) => a.writeMs)),
    quads: raw.phases.agreements[0]?.quads ?? null,
    assertions: raw.phases.agreements[0]?.assertions ?? null,
    conflicts: raw.phases.agreements[0]?.conflicts ?? null,
    withoutMs,
    ratio: groupMs / withoutMs,
    verdict: verdict(groupMs / withoutMs, TARGETS.agreement),
    writtenRatio: agreementMs / withoutMs,
  };

  const exports = EXPORT_FORMATS.map((f) => {
    const ms = med(raw.exports[f].map((e) => e.ms));
    const writeMs = serialise(f);
    return {
      format: f,
      ms,
      maxRssBytes: med(raw.exports[f].map((e) => e.maxRssBytes ?? Number.NaN)),
      n3File: n3File(f),
      n3Memory: n3Memory(f),
      n3OneString: raw.n3.string[f].ms,
      ratio: ms / n3File(f),
      // The issue compares writers on the same quads (writeVerdict); the whole command also
      // reads and extracts every document, which n3 does not, and is shown for scale.
      verdict: "— (for scale)",
      quadsMs: phase("quads"),
      writeMs,
      withQuadsMs: phase(f),
      writeRatio: writeMs / n3Memory(f),
      writeVerdict: verdict(writeMs / n3Memory(f), TARGETS.export),
      withQuadsRatio: phase(f) / n3Memory(f),
      chars: raw.phases.rounds[0][f].chars[f],
    };
  });
  const jsonld = { writeMs: serialise("jsonld"), withQuadsMs: phase("jsonld") };

  let viewer = { skipped: raw.viewer.skipped };
  if (!raw.viewer.skipped) {
    const pageMs = med(raw.viewer.pages.map((p) => p.ms));
    viewer = {
      skipped: null,
      firstStartMs: raw.viewer.first.ms,
      startMs: med(raw.viewer.starts.map((s) => s.ms)),
      what: raw.viewer.first.what,
      pageMs,
      pages: raw.viewer.pages,
      viewMs: med(raw.viewer.pages.map((p) => p.viewMs ?? Number.NaN)),
      viewBytes: raw.viewer.pages[0]?.viewBytes ?? null,
      verdict: verdict(pageMs, TARGETS.viewerMs),
      maxRssBytes: raw.viewer.servedMaxRssBytes,
      overview: raw.viewer.overview ?? null,
    };
  }

  let push = { skipped: raw.virtuoso.skipped };
  if (!raw.virtuoso.skipped) {
    const v = raw.virtuoso;
    push = {
      skipped: null,
      ...v,
      ratio: v.push.ms / v.bulk.loaderMs,
      verdict: verdict(v.push.ms / v.bulk.loaderMs, TARGETS.push),
      durableRatio: (v.push.ms + v.push.checkpointMs) / (v.bulk.loaderMs + v.bulk.checkpointMs),
    };
  }

  const jobs = raw.jobs ? summariseJobs(raw.jobs) : null;
  return {
    open,
    trace,
    build,
    jobs,
    agreement,
    exports,
    jsonld,
    viewer,
    push,
    endpoint: endpointSummary(raw),
  };
}

/** Each query through --endpoint: p50 and p99 against the 50 ms limit, and its round trips. */
function endpointSummary(raw) {
  const measured = raw.virtuoso.endpoint;
  if (!measured) return { skipped: raw.virtuoso.skipped ?? "not measured" };
  const row = (command) => (c) => {
    if (c.skipped) return { command, query: c.query, skipped: c.skipped };
    const { median, p99 } = summarise(c.ms);
    return {
      command,
      query: c.query,
      p50: median,
      p99,
      requests: c.requests,
      rounds: c.rounds,
      nodes: c.nodes,
      answered: c.answered,
      verdict: verdict(median, TARGETS.endpointP50Ms),
    };
  };
  return {
    skipped: null,
    rows: [...measured.trace.map(row("trace")), ...measured.compare.map(row("compare"))],
  };
}
