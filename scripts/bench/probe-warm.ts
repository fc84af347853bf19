/**
 * The warm-process probe: opens the knowledge graph once, then times `trace` (and
 * `findPath`, `audit`, rendering) call by call, as a server or a notebook would call them.
 * run.mjs bundles it with the CLI's esbuild settings and runs it in a child process; it
 * prints one JSON object on standard output.
 *
 * Two timings per case: every call timed on its own with process.hrtime.bigint() (median
 * and p99 come from these), and batches of calls timed together (the mean per call of each
 * batch), which needs no timer resolution at all and checks the first.
 */
import { audit } from "../../src/audit/audit.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { findPath } from "../../src/trace/path.ts";
import { renderTrace, style } from "../../src/trace/render.ts";
import { trace } from "../../src/trace/trace.ts";

interface Options {
  readonly kb: string;
  /** Calls timed one by one per case (fewer when the time budget runs out first). */
  readonly iterations: number;
  readonly warmup: number;
  /** Seconds a case may spend in its per-call loop. */
  readonly budget: number;
  readonly queries: readonly string[];
  /** A claim IRI to trace, compact form; replaced by the first claim when the KB lacks it. */
  readonly claim: string;
}

interface Case {
  readonly name: string;
  readonly kind: "trace" | "other";
  readonly run: () => number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const now = process.hrtime.bigint;

const openStart = now();
const kg = await openKnowledgeGraph([options.kb]);
const openMs = Number(now() - openStart) / 1e6;

let claim = options.claim;
if (!kg.claim(kg.expand(claim))) {
  let first: string | undefined;
  kg.graph.forEachNode((iri, a) => {
    if (first === undefined && a.kind === "claim") first = iri;
  });
  claim = kg.compact(first ?? claim);
}

const plain = style(false);
const cases: Case[] = [
  ...[...options.queries, claim].map(
    (q): Case => ({
      name: `trace ${JSON.stringify(q)}`,
      kind: "trace",
      run: () => trace(kg, q).total,
    }),
  ),
  {
    name: 'trace + render "desipramine" (what the CLI prints)',
    kind: "other",
    run: () => renderTrace(kg, trace(kg, "desipramine"), plain).length,
  },
  {
    name: 'trace "desipramine" as `--json` prints it (JSON.stringify, indent 2)',
    kind: "other",
    run: () => JSON.stringify(trace(kg, "desipramine"), null, 2).length,
  },
  {
    name: 'findPath "desipramine" → "liver metastases"',
    kind: "other",
    run: () => findPath(kg, "desipramine", "liver metastases").steps.length,
  },
  { name: "audit(kg)", kind: "other", run: () => audit(kg).findings.length },
];

// What each case answers, so the report shows the numbers are for real answers.
const answers = cases.map((c) => {
  if (c.kind !== "trace") return null;
  const q = JSON.parse(c.name.slice("trace ".length)) as string;
  const r = trace(kg, q);
  return { match: r.match, total: r.total };
});

function timerOverheadNs(): number {
  const diffs = new Float64Array(10_000);
  for (let i = 0; i < diffs.length; i++) {
    const a = now();
    diffs[i] = Number(now() - a);
  }
  return diffs.sort()[diffs.length >> 1] ?? 0;
}

let sink = 0;
const results = cases.map((c, i) => {
  // The first call in the process pays for compilation and for indexes built on first
  // use (the claim token index for free text, the path view for findPath).
  let t = now();
  sink += c.run();
  const firstUs = Number(now() - t) / 1e3;

  t = now();
  let warm = 0;
  while (warm < options.warmup && (warm < 10 || Number(now() - t) < options.budget * 2e8)) {
    sink += c.run();
    warm++;
  }
  const estimateNs = Math.max(Number(now() - t) / warm, 1);
  const n = Math.max(
    50,
    Math.min(options.iterations, Math.floor((options.budget * 1e9) / estimateNs)),
  );

  const perCall = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const a = now();
    sink += c.run();
    perCall[k] = Number(now() - a);
  }

  const batchSize = Math.max(1, Math.min(1000, Math.floor(1e6 / estimateNs)));
  const batches = new Float64Array(20);
  for (let b = 0; b < batches.length; b++) {
    const a = now();
    for (let k = 0; k < batchSize; k++) sink += c.run();
    batches[b] = Number(now() - a) / batchSize;
  }

  return {
    name: c.name,
    kind: c.kind,
    answer: answers[i],
    firstUs,
    perCallNs: Array.from(perCall),
    batchSize,
    batchMeanNs: Array.from(batches),
  };
});

process.stdout.write(
  JSON.stringify({
    openMs,
    claim,
    timerOverheadNs: timerOverheadNs(),
    sink,
    results,
  }),
);
