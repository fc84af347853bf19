// `npm run bench -- --scale`: the figures of a thousand-document knowledge base (about a
// million triples; `--documents 10000`, about ten million, is issue #16's size), each as a
// ratio to a baseline measured in the same run on the same machine (see BENCHMARKS.md, "At
// scale"). The corpus is generated into a temporary folder (never into the repository), built,
// measured and removed. Each step runs through scale-steps.mjs: logged, and recorded as a
// failure instead of ending the run when it fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statfsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureIncremental } from "./scale-incremental.mjs";
import { measureJobs } from "./scale-jobs.mjs";
import { diskShortfall, makeSteps, STEPS } from "./scale-steps.mjs";
import { EXPORT_FORMATS, LARGE } from "./scale-targets.mjs";
import { benchViewer, CHROMIUM } from "./viewer.mjs";
import { benchVirtuoso, virtuosoBuffers, virtuosoMissing } from "./virtuoso.mjs";

const HUB_QUERIES = ["desipramine", "fluoxetine", "NET", "[1]", "pmid:12183009"];
const SEED_CLAIM = "claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0";

export async function runScale({ root, probes, env, log, options }) {
  // Checked before the hours start, not when the disk fills at the end.
  const short = diskShortfall({ dir: tmpdir(), documents: options.documents, statfs: statfsSync });
  if (short) throw new Error(short);
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
  const failures = {};
  const { step, block } = makeSteps({ log, failures });
  const { node, json } = nodeRunner(root, env);
  const ctx = { root, probes, env, log, options, work, corpusDir, out, files, runs, node, json };

  const corpus = await step(STEPS.corpus, () => generateCorpus(ctx));
  if (!corpus) block("the corpus was not generated");
  const buildArgs = [
    ...["bin/claimgraph.js", "build", "--sources", corpusDir, "--curation", "graph/curation"],
    // Every run a full build: the first run's readings would otherwise be reused (#16.1).
    ...["--out", out, "--full", "-q"],
  ];
  const builds = await step(STEPS.builds, () => timeBuilds(ctx, buildArgs));
  const sizes = builds
    ? Object.fromEntries(
        Object.entries(files).map(([k, f]) => [k, existsSync(f) ? statSync(f).size : null]),
      )
    : null;
  if (!builds) block("the build failed");
  const incremental = await step(STEPS.incremental, () => measureIncremental(ctx, buildArgs));
  const jobs = await step(STEPS.jobs, () =>
    measureJobs({ node, json, probes, buildArgs, corpusDir, runs, log }),
  );
  const n3 = await step(STEPS.n3, () =>
    json(
      [
        "--expose-gc",
        `--max-old-space-size=${N3_HEAP_MIB}`,
        "scripts/bench/n3-writer.mjs",
        JSON.stringify({ trig: files.trig, ttl: files.ttl, outDir: work, rounds: runs }),
      ],
      { stderr: log },
    ),
  );
  const phases = await step(STEPS.phases, () =>
    json([
      "--expose-gc",
      `--max-old-space-size=${PROBE_HEAP_MIB}`,
      probes.scaleBuild,
      JSON.stringify({ sources: corpusDir, curation: "graph/curation", rounds: runs }),
    ]),
  );
  const exports = await step(STEPS.exports, () => timeExports(ctx));
  const opens = await measureOpens(ctx, step, failures);
  const cli = await step(STEPS.cli, () => timeCliTrace(ctx));
  const trace = await step(STEPS.trace, () => traceProbe(ctx));
  const viewer = await measureViewer(ctx, step);
  const virtuoso = await measureVirtuoso(ctx, step);
  return {
    documents: options.documents,
    seed: options.seed,
    runs,
    corpus,
    sizes,
    builds,
    incremental,
    jobs,
    n3,
    phases,
    exports,
    opens,
    cli,
    trace,
    viewer,
    virtuoso,
    failures,
    seconds: Number(process.hrtime.bigint() - began) / 1e9,
  };
}

/** The probes' and n3's heaps: the default (about 4 GiB) is too small at 10,000 documents. */
const PROBE_HEAP_MIB = 8192;
// 18 million quads of n3's terms and up to 2e9 characters of its text kept in memory (KEEP).
const N3_HEAP_MIB = 16384;

/** `node(args)` runs node in `root`, throwing on failure; `json(args)` parses what it prints. */
function nodeRunner(root, env) {
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
      const why = child.error ? child.error.message : (child.status ?? child.signal);
      throw new Error(
        `\`node ${args.join(" ").slice(0, 200)}\` exited with ${why}:\n${tail(child.stderr)}`,
      );
    }
    const usage = rusage && existsSync(rusage) ? JSON.parse(readFileSync(rusage, "utf8")) : null;
    return { ms, stdout: child.stdout, stderr: child.stderr, usage };
  };
  const json = (args, opts = {}) => {
    const r = node(args, opts);
    // A child's own progress lines, logged once it is done (spawnSync holds them until then).
    if (opts.stderr)
      for (const line of r.stderr.trim().split("\n")) if (line) opts.stderr(`  ${line}`);
    return JSON.parse(r.stdout);
  };
  return { node, json };
}

/** The last lines of a child's stderr: where a crash says what it was. */
function tail(text, lines = 20) {
  return (text ?? "").trim().split("\n").slice(-lines).join("\n");
}

async function generateCorpus({ node, options, corpusDir }) {
  const gen = node([
    ...["--import", "tsx", "scripts/corpus/generate.ts"],
    ...["--documents", String(options.documents), "--seed", String(options.seed)],
    ...["--out", corpusDir],
  ]);
  return { ...JSON.parse(gen.stdout.trim().split("\n").at(-1)), ms: gen.ms };
}

/** `claimgraph build`, as a person runs it, `runs` times: wall time, peak RSS and CPU. */
function timeBuilds({ node, runs, work, log }, buildArgs) {
  const builds = [];
  for (let i = 0; i < runs; i++) {
    log(`bench: scale: claimgraph build, run ${i + 1}/${runs}`);
    const r = node(buildArgs, { rusage: join(work, "build.rusage.json") });
    builds.push({ ms: r.ms, maxRssBytes: r.usage?.maxRssBytes ?? null, cpuMs: cpuMs(r.usage) });
  }
  return builds;
}

/** `claimgraph export`, as a person runs it, one format at a time. */
function timeExports({ node, runs, work, log, corpusDir }) {
  const exportsRuns = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, []]));
  for (let i = 0; i < runs; i++) {
    log(`bench: scale: claimgraph export, round ${i + 1}/${runs}`);
    for (const f of EXPORT_FORMATS) {
      const target = join(work, `export.${f}`);
      const r = node(
        [
          ...["bin/claimgraph.js", "export", "--format", f, "--sources", corpusDir],
          ...["--curation", "graph/curation", "--out", target],
        ],
        { rusage: join(work, "export.rusage.json") },
      );
      exportsRuns[f].push({ ms: r.ms, maxRssBytes: r.usage?.maxRssBytes ?? null });
      rmSync(target, { force: true });
    }
  }
  return exportsRuns;
}

const openEnv = ({ env }, dir) => ({ ...env, CLAIMGRAPH_CACHE_DIR: dir });

/**
 * Opening the knowledge base, each in a fresh process, rounds interleaved. A mode that fails
 * is recorded (`open: <mode>`) and not run again; the other modes go on.
 */
async function measureOpens(ctx, step, failures) {
  const { json, probes, files, work, runs } = ctx;
  const cache = join(work, "cache");
  // n3's quads take about 450 bytes a triple: its baseline gets n3's heap.
  const heap = (mode) => (mode === "n3" ? N3_HEAP_MIB : PROBE_HEAP_MIB);
  const open = (mode, dir = cache) =>
    json(["--expose-gc", `--max-old-space-size=${heap(mode)}`, probes.scaleOpen, mode, files.ttl], {
      childEnv: openEnv(ctx, dir),
    });
  const opens = { n3: [], nocache: [], first: [], snapshot: [] };
  const once = async (mode, dir) => {
    if (failures[`open: ${mode}`]) return;
    const r = await step(`open: ${mode}`, () => open(mode, dir));
    if (r) opens[mode].push(r);
  };
  await once("first");
  for (let i = 0; i < runs; i++) {
    ctx.log(`bench: scale: opening, round ${i + 1}/${runs}`);
    await once("n3");
    await once("nocache");
    if (i > 0) {
      const empty = join(work, `cache-empty-${i}`);
      await once("first", empty);
      rmSync(empty, { recursive: true, force: true });
    }
    await once("snapshot");
  }
  return opens;
}

/**
 * What a person waits for: `claimgraph trace` on the large knowledge base, a whole process,
 * with the CLI's own snapshot (primed by a first run, which is timed too).
 */
function timeCliTrace(ctx) {
  const cliCache = join(ctx.work, "cache-cli");
  const cliTrace = (query, env = openEnv(ctx, cliCache)) =>
    ctx.node(["bin/claimgraph.js", "trace", query, "--kb", ctx.files.ttl], { childEnv: env }).ms;
  const firstEnv = largeHeapEnv(openEnv(ctx, cliCache), ctx.options.documents);
  const cli = { query: "desipramine", first: cliTrace("desipramine", firstEnv), runs: [] };
  for (let i = 0; i < ctx.runs; i++) cli.runs.push(cliTrace("desipramine"));
  return cli;
}

/**
 * From LARGE documents on, `env` with the heap claimgraph's own refusal asks for: without a
 * snapshot, the default heap (about 4 GiB) cannot hold the graph of kb.ttl (about 6.6 GB at
 * 10,000 documents), and the CLI says to run with NODE_OPTIONS=--max-old-space-size=10240, as a
 * person would for the first open; later opens read the snapshot and need no more than the default.
 */
export function largeHeapEnv(env, documents) {
  if (documents < LARGE) return env;
  const options = [env.NODE_OPTIONS, `--max-old-space-size=${LARGE_OPEN_HEAP_MIB}`];
  return { ...env, NODE_OPTIONS: options.filter(Boolean).join(" ") };
}
const LARGE_OPEN_HEAP_MIB = 10240;

/** trace on the open graph, beside the seed in the same process. */
function traceProbe(ctx) {
  return ctx.json(
    [
      `--max-old-space-size=${PROBE_HEAP_MIB}`,
      ctx.probes.scaleTrace,
      JSON.stringify({
        seedKb: "graph/kb.ttl",
        kb: ctx.files.ttl,
        budget: ctx.options.traceBudget,
        iterations: 20000,
        minCalls: 30,
        limit: 50,
        hubs: 2,
        queries: HUB_QUERIES,
        claim: SEED_CLAIM,
      }),
    ],
    { childEnv: openEnv(ctx, join(ctx.work, "cache")) },
  );
}

async function measureViewer(ctx, step) {
  const { root, env, files, work, runs, options } = ctx;
  let skipped = null;
  if (options.viewer === false) skipped = "--no-viewer";
  else if (!existsSync(CHROMIUM)) skipped = `${CHROMIUM} is missing`;
  else if (!existsSync(join(root, "dist/viewer/index.html")))
    skipped = "the viewer is not built (npm run build:viewer)";
  if (skipped) return { skipped };
  const viewer = await step(STEPS.viewer, () =>
    benchViewer({
      root,
      // serve's first start parses kb.ttl (and makes the snapshot the later ones read).
      env: largeHeapEnv(env, options.documents),
      kb: files.ttl,
      work,
      runs,
      documents: options.documents,
    }),
  );
  return viewer ?? { skipped: null, failed: true };
}

/** Virtuoso's bulk loader against `claimgraph push`, and the endpoint unless --no-endpoint. */
async function measureVirtuoso(ctx, step) {
  const { root, work, files, env, options, log, probes, runs } = ctx;
  const skipped = options.virtuoso === false ? "--no-virtuoso" : virtuosoMissing();
  if (skipped) return { skipped };
  // Without kb.nq (the build failed) the step is not run; the buffers are only named.
  const nqBytes = existsSync(files.nq) ? statSync(files.nq).size : 0;
  const buffers = virtuosoBuffers(options.virtuosoBuffers, nqBytes);
  const virtuoso = await step(STEPS.virtuoso, () =>
    benchVirtuoso({
      root,
      work,
      nq: files.nq,
      trig: files.trig,
      env,
      buffers,
      log,
      endpoint:
        options.endpoint === false
          ? null
          : { probe: probes.scaleEndpoint, runs: Math.max(5, runs) },
    }),
  );
  if (!virtuoso) return { skipped: null, failed: true, buffers };
  if (options.endpoint === false) virtuoso.endpointSkipped = "--no-endpoint";
  return virtuoso;
}

function cpuMs(usage) {
  return usage ? usage.userMs + usage.systemMs : null;
}
