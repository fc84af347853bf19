// The benchmark's figures as Markdown: printed by run.mjs and written into BENCHMARKS.md
// between the bench:start and bench:end markers, so a rerun replaces them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const START = "<!-- bench:start -->";
export const END = "<!-- bench:end -->";

const ms = (v) => v.toFixed(1);
const us = (v) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
/** A Markdown table; `align` has one letter per column, "l" or "r". */
const table = (header, rows, align) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (align[i] === "r" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

export function renderReport(r) {
  const m = r.machine;
  const lines = [];
  lines.push(
    `Measured on ${r.date} with \`${r.command}\` (${r.options.runs} runs per command after ` +
      `${r.options.warmup} warm-ups, interleaved; ${r.options.phaseRuns} fresh processes per ` +
      `cold-start mode for the phases; the whole run took ${ms(r.seconds)} s).`,
    "",
    `**Machine:** ${m.cpu}${m.mhz ? ` (${Math.round(Number(m.mhz))} MHz)` : ""}, ${m.cores} cores ` +
      `available, ${m.memoryGiB.toFixed(1)} GiB memory, Node ${m.node}, ${m.os}.`,
    "",
    `**Reproduce:** \`npm ci && npm run bench\` on a clean clone (\`${r.command}\` for these ` +
      "options; `--help` lists them).",
    "",
    "### Cold start: wall time of one process",
    "",
    table(
      ["command", "min ms", "median ms", "p90 ms", "median ÷ `node -e 0`", "goal ≤ 2×, limit ≤ 3×"],
      r.cold.map((c) => [
        c.label,
        ms(c.summary.min),
        ms(c.summary.median),
        ms(c.summary.p90),
        `${c.ratio.toFixed(2)}×`,
        c.verdict ?? "reference",
      ]),
      "lrrrrl",
    ),
    "",
    "### Where a cold `trace desipramine` spends its time",
    "",
    `Median of ${r.options.phaseRuns} fresh processes per mode, in ms (the probe, ` +
      "not the CLI: see the notes below the tables).",
    "",
    table(["step", "warm snapshot", "no cache"], phaseRows(r.phases), "lrr"),
    "",
    `Seen from outside: the CLI bundle loads in ${ms(r.derived.bundle)} ms more than \`node -e 0\` ` +
      `(commander, graphology and the command modules); opening the snapshot, answering and ` +
      `printing then take ${ms(r.derived.afterBundle)} ms more (no cache: ` +
      `${ms(r.derived.afterBundleNoCache)} ms).`,
    "",
    "### Modules `trace desipramine` loads",
    "",
    ...["snapshot", "nocache"].map((mode) => {
      const x = r.modules[mode];
      // Without a snapshot the RDF parser is the point; anything else heavy is not.
      const expected = mode === "nocache" ? x.heavy.filter((h) => h.name === "n3") : [];
      const unexpected = x.heavy.filter((h) => !expected.includes(h));
      const heavy = [
        ...expected.map((h) => `${h.name} as expected (${h.why})`),
        ...unexpected.map((h) => `**${h.name}** (${h.why})`),
      ];
      return (
        `- ${mode === "snapshot" ? "warm snapshot" : "no cache"}: ${x.files.length} files ` +
        `(${(x.bytes / 1024).toFixed(0)} KiB) holding ${x.packages.join(", ")} and ` +
        `${x.sources.length} of claimgraph's modules. Heavy modules: ` +
        `${heavy.length === 0 ? "none" : heavy.join(", ")}.`
      );
    }),
    "",
    "### Warm process: one call on the open graph",
    "",
    `Opening the graph in the probe took ${ms(r.warm.openMs)} ms. Per call in µs: first call ` +
      "in the process, then median and p99 of calls timed one by one, and the median of " +
      `batch means as a check. A back-to-back timer reading costs ${r.warm.timerOverheadNs} ns.`,
    "",
    table(
      ["call", "answer", "calls timed", "first", "median", "p99", "batch mean", "goal < 100 µs"],
      r.warm.cases.map((c) => [
        c.name,
        c.answer
          ? `${c.answer.match}, ${c.answer.total} claim${c.answer.total === 1 ? "" : "s"}`
          : "",
        String(c.perCall.n),
        us(c.firstUs),
        us(c.perCall.median),
        us(c.perCall.p99),
        us(c.batch.median),
        c.verdict ?? "—",
      ]),
      "llrrrrrl",
    ),
  );
  return lines.join("\n");
}

function phaseRows(phases) {
  // The snapshot's steps, the no-cache steps after them, then what both do to answer.
  const shared = [...phases.snapshot.keys()].filter((n) => phases.nocache.has(n));
  const firstShared = shared.findIndex((n) => n.startsWith("import the trace"));
  const before = shared.slice(0, firstShared === -1 ? shared.length : firstShared);
  const names = [
    ...new Set([
      ...before,
      ...[...phases.snapshot.keys()].filter((n) => !phases.nocache.has(n)),
      ...[...phases.nocache.keys()].filter((n) => !phases.snapshot.has(n)),
      ...shared,
    ]),
  ];
  return names.map((name) => {
    const cell = (map) => (map.has(name) ? ms(map.get(name)) : "");
    const label = name.startsWith("total") ? `**${name}**` : name;
    return [label, cell(phases.snapshot), cell(phases.nocache)];
  });
}

/** Replaces what stands between the markers in `file` (appends the markers when missing). */
export function writeReport(file, markdown, markers = { start: START, end: END }) {
  const block = `${markers.start}\n${markdown}\n${markers.end}`;
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = text.indexOf(markers.start);
  const end = text.indexOf(markers.end);
  const next =
    start !== -1 && end > start
      ? text.slice(0, start) + block + text.slice(end + markers.end.length)
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
