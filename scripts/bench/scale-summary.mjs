// The scale run's verdicts and ratios, from its raw measurements (scale.mjs). A measurement a
// step failed to make (raw.failures) makes its figures `{ failed: why }`: the report shows them
// as failed rows and the run counts them as missed limits, and every other figure is still
// summarised.

import { summariseIncremental } from "./scale-incremental.mjs";
import { summariseJobs } from "./scale-jobs.mjs";
import { failureText, whyMissing } from "./scale-steps.mjs";
import { EXPORT_FORMATS, targetsFor, verdict } from "./scale-targets.mjs";
import { endpointSummary, pushSummary } from "./scale-virtuoso-summary.mjs";
import { summarise } from "./stats.mjs";

const med = (xs) => summarise(xs).median;
const present = (v) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/** `fn()`, or `{ failed }` naming the first of `needs` (keys of raw) that is missing. */
function section(raw, needs, fn) {
  const missing = needs.find((key) => !present(raw[key]));
  if (missing) return { failed: whyMissing(raw, missing) };
  try {
    return fn();
  } catch (error) {
    return { failed: `summarising it failed: ${failureText(error)}` };
  }
}

/** The verdicts and ratios, from the raw measurements. */
export function summariseScale(raw) {
  const targets = targetsFor(raw.documents);
  const n3 = section(raw, ["n3"], () => n3Baselines(raw));
  const phases = section(raw, ["phases"], () => phaseTimes(raw));
  const build = section(raw, ["builds"], () => buildSummary(raw, targets, n3, phases));
  return {
    targets,
    failures: raw.failures ?? {},
    open: openSummary(raw, targets),
    trace: section(raw, ["trace"], () => traceRows(raw, targets)),
    build,
    incremental: section(raw, ["builds", "incremental"], () =>
      summariseIncremental(raw.incremental, build, targets),
    ),
    jobs: present(raw.jobs) ? summariseJobs(raw.jobs) : null,
    agreement: section(raw, ["phases"], () => agreementSummary(raw, targets, phases)),
    exports: section(raw, ["exports", "n3", "phases"], () => exportRows(raw, targets, n3, phases)),
    jsonld: phases.failed
      ? phases
      : { writeMs: phases.serialise("jsonld"), withQuadsMs: phases.phase("jsonld") },
    viewer: viewerSummary(raw, targets),
    push: pushSummary(raw, targets),
    endpoint: endpointSummary(raw, targets),
  };
}

function n3Baselines(raw) {
  const n3File = (f) => med(raw.n3.rounds.map((r) => r[f].file.ms));
  const n3Memory = (f) => med(raw.n3.rounds.map((r) => r[f].memory.ms));
  return {
    file: n3File,
    memory: n3Memory,
    allFile: EXPORT_FORMATS.reduce((s, f) => s + n3File(f), 0),
    allMemory: EXPORT_FORMATS.reduce((s, f) => s + n3Memory(f), 0),
  };
}

function phaseTimes(raw) {
  const phase = (name) => med(raw.phases.rounds.map((r) => r[name].ms));
  const serialise = (name) => med(raw.phases.rounds.map((r) => r[name].ms - r.quads.ms));
  return { phase, serialise };
}

/** Opening: each mode against n3's parse; a mode that failed, or the baseline, is a failed row. */
function openSummary(raw, targets) {
  const opens = raw.opens ?? {};
  const baselineFailed = present(opens.n3) ? null : whyOpen(raw, "n3");
  const n3Parse = baselineFailed
    ? null
    : med(opens.n3.map((o) => o.phases["n3 Parser.parse (Turtle)"]));
  const triples = opens.n3?.[0]?.triples ?? null;
  const row = (mode, label) => {
    if (!present(opens[mode])) return { mode, label, failed: whyOpen(raw, mode) };
    if (baselineFailed) return { mode, label, failed: `the baseline: ${baselineFailed}` };
    return openRow(opens[mode], { mode, label, n3Parse, triples, targets });
  };
  return {
    cli: section(raw, ["cli"], () => {
      if (baselineFailed)
        return { query: raw.cli.query, failed: `the baseline: ${baselineFailed}` };
      const ms = med(raw.cli.runs);
      return {
        query: raw.cli.query,
        firstMs: raw.cli.first,
        ms,
        ratio: ms / n3Parse,
        verdict: verdict(ms / n3Parse, targets.open),
      };
    }),
    n3Parse,
    n3Input: opens.n3?.[0]?.n3Input ?? null,
    n3Read: baselineFailed ? null : med(opens.n3.map((o) => o.phases["read the file"])),
    n3HeapBytes: baselineFailed ? null : med(opens.n3.map((o) => o.heapBytes)),
    triples,
    nodes: opens.snapshot?.[0]?.nodes ?? null,
    edges: opens.snapshot?.[0]?.edges ?? null,
    rows: [
      row("snapshot", "open from the snapshot (every run after the first)"),
      row("nocache", "open without a snapshot (parse, build the graph)"),
      row(
        "first",
        "first open, as the CLI does it (parse, build the graph; the snapshot is written after the answer)",
      ),
    ],
  };
}

function whyOpen(raw, mode) {
  const failure = raw.failures?.[`open: ${mode}`];
  return failure ? `open: ${mode}: ${failure}` : `open: ${mode}: no measurement`;
}

function openRow(list, { mode, label, n3Parse, triples, targets }) {
  const ms = med(list.map((o) => o.totalMs));
  // The snapshot's buffer is memory outside the heap (external): it counts as held too.
  const held = med(list.map((o) => o.heapBytes + (o.externalBytes ?? 0)));
  return {
    mode,
    label,
    runs: list.length,
    ms,
    ratio: ms / n3Parse,
    verdict: verdict(ms / n3Parse, targets.open),
    heapBytes: med(list.map((o) => o.heapBytes)),
    heldBytes: held,
    rssBytes: med(list.map((o) => o.rssBytes)),
    bytesPerTriple: triples ? held / triples : null,
    memoryVerdict: triples ? verdict(held / triples, targets.bytesPerTriple) : "—",
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
}

function traceRows(raw, targets) {
  return raw.trace.results.map((r) => {
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
      p50Verdict: verdict(scale.median, targets.traceP50Us),
      vsSeedVerdict: verdict(vsSeed, targets.traceVsSeed),
      p99Verdict: verdict(scale.p99 / 1e3, targets.traceP99Ms),
    };
  });
}

/** The build against n3's writers (a failed row when they failed), and its peak RSS. */
function buildSummary(raw, targets, n3, phases) {
  const ms = med(raw.builds.map((b) => b.ms));
  const maxRssBytes = med(raw.builds.map((b) => b.maxRssBytes ?? Number.NaN));
  return {
    ms,
    maxRssBytes,
    rssVerdict: verdict(maxRssBytes, targets.buildMaxRssBytes),
    cpuMs: med(raw.builds.map((b) => b.cpuMs ?? Number.NaN)),
    baselineFailed: n3.failed ?? null,
    n3AllFile: n3.allFile ?? null,
    n3AllMemory: n3.allMemory ?? null,
    ratio: n3.failed ? null : ms / n3.allFile,
    verdict: n3.failed ? "FAIL" : verdict(ms / n3.allFile, targets.build),
    prepareMs: phases.failed ? null : raw.phases.prepareMs,
    quadsMs: phases.failed ? null : phases.phase("quads"),
    allMs: phases.failed ? null : phases.phase("all"),
    allSerialiseMs: phases.failed ? null : phases.serialise("all"),
  };
}

/**
 * The agreement's part of the in-process build (prepare, then the four writers), against the
 * rest of it: the build as it would run without the agreement. The limit is the issue's, on
 * grouping and conflict detection; writing the agreement graph (its quads, its text in four
 * formats) is shown beside it, for scale.
 */
function agreementSummary(raw, targets, phases) {
  const list = raw.phases.agreements;
  const agreementMs = med(list.map((a) => a.ms));
  const groupMs = med(list.map((a) => a.groupMs));
  const withoutMs = raw.phases.prepareMs + phases.phase("all") - agreementMs;
  return {
    ms: agreementMs,
    groupMs,
    quadsMs: med(list.map((a) => a.quadsMs)),
    writeMs: med(list.map((a) => a.writeMs)),
    quads: list[0]?.quads ?? null,
    assertions: list[0]?.assertions ?? null,
    conflicts: list[0]?.conflicts ?? null,
    withoutMs,
    ratio: groupMs / withoutMs,
    verdict: verdict(groupMs / withoutMs, targets.agreement),
    writtenRatio: agreementMs / withoutMs,
  };
}

function exportRows(raw, targets, n3, phases) {
  const { phase, serialise } = phases;
  return EXPORT_FORMATS.map((f) => {
    const ms = med(raw.exports[f].map((e) => e.ms));
    const writeMs = serialise(f);
    return {
      format: f,
      ms,
      maxRssBytes: med(raw.exports[f].map((e) => e.maxRssBytes ?? Number.NaN)),
      n3File: n3.file(f),
      n3Memory: n3.memory(f),
      n3OneString: raw.n3.string[f].ms,
      n3OneStringError: raw.n3.string[f].error ?? null,
      ratio: ms / n3.file(f),
      // The issue compares writers on the same quads (writeVerdict); the whole command also
      // reads and extracts every document, which n3 does not, and is shown for scale.
      verdict: "— (for scale)",
      quadsMs: phase("quads"),
      writeMs,
      withQuadsMs: phase(f),
      writeRatio: writeMs / n3.memory(f),
      writeVerdict: verdict(writeMs / n3.memory(f), targets.export),
      withQuadsRatio: phase(f) / n3.memory(f),
      chars: raw.phases.rounds[0][f].chars[f],
    };
  });
}

function viewerSummary(raw, targets) {
  const v = raw.viewer ?? { failed: true };
  if (v.skipped) return { skipped: v.skipped };
  if (v.failed) return { skipped: null, failed: whyMissing(raw, "viewer") };
  const pageMs = med(v.pages.map((p) => p.ms));
  return {
    skipped: null,
    firstStartMs: v.first.ms,
    startMs: med(v.starts.map((s) => s.ms)),
    what: v.first.what,
    pageMs,
    pages: v.pages,
    viewMs: med(v.pages.map((p) => p.viewMs ?? Number.NaN)),
    viewBytes: v.pages[0]?.viewBytes ?? null,
    verdict: verdict(pageMs, targets.viewerMs),
    maxRssBytes: v.servedMaxRssBytes,
    overview: v.overview ?? null,
  };
}

/**
 * Every verdict of the summary; a figure that failed counts as "FAIL". The endpoint's rows are
 * reported, not counted (as before #16's 10,000 documents).
 */
export function scaleVerdicts(sum) {
  const failed = (x) => (x?.failed ? ["FAIL"] : []);
  const open = sum.open;
  return [
    open.cli.failed ? "FAIL" : open.cli.verdict,
    ...open.rows.flatMap((r) => (r.failed ? ["FAIL"] : [r.verdict, r.memoryVerdict])),
    ...(sum.trace.failed
      ? ["FAIL"]
      : sum.trace.flatMap((t) => [t.p50Verdict, t.vsSeedVerdict, t.p99Verdict])),
    ...(sum.build.failed ? ["FAIL"] : [sum.build.verdict, sum.build.rssVerdict]),
    sum.incremental.failed ? "FAIL" : sum.incremental.verdict,
    sum.agreement.failed ? "FAIL" : sum.agreement.verdict,
    ...(sum.exports.failed ? ["FAIL"] : sum.exports.flatMap((e) => [e.verdict, e.writeVerdict])),
    ...failed(sum.viewer),
    sum.viewer.verdict,
    ...failed(sum.push),
    sum.push.verdict,
  ].filter(Boolean);
}
