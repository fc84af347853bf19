// The scale figures as Markdown: printed by run.mjs and written into BENCHMARKS.md between the
// bench-scale:start and bench-scale:end markers (the seed's figures have markers of their own,
// so either part can be rerun alone). This file writes the head, the issue's figures with their
// verdicts, what was missed and the steps that failed; scale-details.mjs the sections after.

import { detailSections } from "./scale-details.mjs";
import { failedRow, mb, mib, ms1, n, s, table, target, us, x } from "./scale-format.mjs";
import { LARGE } from "./scale-targets.mjs";

export const SCALE_START = "<!-- bench-scale:start -->";
export const SCALE_END = "<!-- bench-scale:end -->";

export function renderScaleReport({ date, command, machine: m, raw, sum }) {
  const rows = issueRows(raw, sum);
  return [
    ...head({ date, command, machine: m, raw, sum }),
    "### At scale: the issue's figures",
    "",
    table(
      ["figure", "claimgraph", "baseline, same run", "ratio", "target", "verdict"],
      rows,
      "llllll",
    ),
    "",
    ...missedLines(rows, sum),
    ...detailSections(raw, sum),
  ].join("\n");
}

function head({ date, command, machine: m, raw, sum }) {
  const c = raw.corpus;
  const share =
    c?.unknownShare !== undefined
      ? `, ${Math.round(c.unknownShare * 100)} % of names drawn from outside the lexicon`
      : "";
  const limits =
    raw.documents >= LARGE
      ? ` Judged by the issue's limits for ${n(LARGE)} documents (trace p99 ≤ ${sum.targets.traceP99Ms.limit} ms).`
      : "";
  const sizes = raw.sizes ?? {};
  const quads = raw.n3?.counts?.trig ?? null;
  return [
    `Measured on ${date} with \`${command}\`: ${n(raw.documents)} generated documents (corpus ` +
      `seed ${raw.seed}${share}) plus the seed document, ${raw.runs} run${raw.runs === 1 ? "" : "s"} per ` +
      `figure (medians), Virtuoso once; the scale part took ${(raw.seconds / 60).toFixed(1)} min.${limits}`,
    "",
    `**Machine:** ${m.cpu}${m.mhz ? ` (${Math.round(Number(m.mhz))} MHz)` : ""}, ${m.cores} cores ` +
      `available, ${m.memoryGiB.toFixed(1)} GiB memory, Node ${m.node}, ${m.os}.`,
    "",
    `**Reproduce:** \`npm ci && npm run bench -- --scale\` on a clean clone (\`${command}\` for ` +
      "these options; `--help` lists them).",
    "",
    `**The knowledge base:** ${n(c?.files)} documents (${mb(c?.bytes)} of Markdown) → \`kb.ttl\` ` +
      `${mb(sizes.ttl)}, ${n(sum.open.triples)} triples; \`kb.trig\` ${mb(sizes.trig)} and \`kb.nq\` ` +
      `${mb(sizes.nq)}, ${n(quads)} quads; \`kb.jsonld\` ${mb(sizes.jsonld)}. ` +
      `Opened: ${n(sum.open.nodes)} nodes, ${n(sum.open.edges)} edges.`,
    "",
  ];
}

/** The rows of the issue's figures: label, claimgraph, baseline, ratio, target, verdict. */
function issueRows(raw, sum) {
  const T = sum.targets;
  return [
    ...openRows(sum.open, T),
    ...traceRows(sum.trace, T),
    ...buildRows(raw, sum, T),
    ...exportRows(sum.exports, T),
    viewerRow(sum.viewer, T),
    pushRow(sum.push, T),
  ];
}

function openRows(o, T) {
  const baseline = `n3 parses \`kb.ttl\`: ${s(o.n3Parse)}`;
  const cliLabel = `\`claimgraph trace ${o.cli.query ?? "desipramine"}\`, a whole process, snapshot made`;
  return [
    ...o.rows.map((r) =>
      r.failed
        ? failedRow(r.label, r.failed, target(T.open))
        : [r.label, s(r.ms), baseline, x(r.ratio), target(T.open), r.verdict],
    ),
    o.cli.failed
      ? failedRow(cliLabel, o.cli.failed, target(T.open))
      : [cliLabel, s(o.cli.ms), baseline, x(o.cli.ratio), target(T.open), o.cli.verdict],
    ...o.rows
      .filter((r) => r.mode !== "first")
      .map((r) => {
        const label = `memory once open, ${r.mode === "snapshot" ? "from the snapshot" : "without a snapshot"}`;
        if (r.failed) return failedRow(label, r.failed, target(T.bytesPerTriple, " B"));
        return [
          label,
          `${r.bytesPerTriple?.toFixed(0) ?? "—"} B/triple (heap and buffers ${mib(r.heldBytes ?? r.heapBytes)}, of which heap ${mib(r.heapBytes)}; RSS ${mib(r.rssBytes)})`,
          "",
          "",
          target(T.bytesPerTriple, " B"),
          r.memoryVerdict,
        ];
      }),
  ];
}

function traceRows(trace, T) {
  const p99Target = `limit ≤ ${T.traceP99Ms.limit} ms`;
  if (trace.failed) {
    return [
      failedRow("trace p50", trace.failed, `goal ≤ ${T.traceP50Us.goal} µs`),
      failedRow("trace p50 ÷ seed p50", trace.failed, target(T.traceVsSeed)),
      failedRow("trace p99", trace.failed, p99Target),
    ];
  }
  const worst = (value) => trace.reduce((a, b) => ((value(b) ?? -1) > (value(a) ?? -1) ? b : a));
  const p50 = worst((t) => t.scale.median);
  const p99 = worst((t) => t.scale.p99);
  const vs = worst((t) => t.vsSeed);
  return [
    [
      `trace p50, slowest query (${JSON.stringify(p50.query)})`,
      `${us(p50.scale.median)} µs`,
      "",
      "",
      `goal ≤ ${T.traceP50Us.goal} µs`,
      p50.p50Verdict,
    ],
    [
      `trace p50 ÷ seed p50 at the seed's page size, worst query (${JSON.stringify(vs.query)})`,
      `${us((vs.samePage ?? vs.scale).median)} µs`,
      vs.seed ? `seed: ${us(vs.seed.median)} µs` : "",
      x(vs.vsSeed),
      target(T.traceVsSeed),
      vs.vsSeedVerdict,
    ],
    [
      `trace p99, slowest query (${JSON.stringify(p99.query)})`,
      `${ms1(p99.scale.p99 / 1e3)} ms`,
      "",
      "",
      p99Target,
      p99.p99Verdict,
    ],
  ];
}

function buildRows(raw, sum, T) {
  const b = sum.build;
  const a = sum.agreement;
  const label = `\`claimgraph build\`, ${n(raw.documents)} documents (4 files)`;
  const rssLabel = "`claimgraph build`: peak RSS (the median run's)";
  const rssTarget = `limit < ${T.buildMaxRssBytes.limit / 2 ** 30} GiB`;
  const agreementLabel = `grouping and conflict detection in the build (${n(a.assertions)} assertions, ${n(a.conflicts)} conflicts; in process)`;
  const without = `the build without the agreement (in process): ${s(a.withoutMs)}`;
  return [
    b.failed
      ? failedRow(label, b.failed, target(T.build))
      : b.baselineFailed
        ? [label, s(b.ms), `**failed**: ${b.baselineFailed}`, "—", target(T.build), b.verdict]
        : [
            label,
            s(b.ms),
            `n3's writer, TriG + N-Quads + Turtle to files: ${s(b.n3AllFile)}`,
            x(b.ratio),
            target(T.build),
            b.verdict,
          ],
    b.failed
      ? failedRow(rssLabel, b.failed, rssTarget)
      : [rssLabel, mib(b.maxRssBytes), "", "", rssTarget, b.rssVerdict],
    incrementalRow(sum.incremental, b, T),
    a.failed
      ? failedRow("grouping and conflict detection in the build", a.failed, target(T.agreement))
      : [agreementLabel, s(a.groupMs), without, x(a.ratio), target(T.agreement), a.verdict],
    ...(a.failed
      ? []
      : [
          [
            `the agreement graph with its writing (${n(a.quads)} quads, four formats)`,
            s(a.ms),
            without,
            x(a.writtenRatio),
            "",
            "— (for scale)",
          ],
        ]),
  ];
}

/** The build after one document changed, against the full build (#16.1). */
function incrementalRow(inc, b, T) {
  const label = "`claimgraph build` after one document changed (its readings reused)";
  const limit = `limit ≤ ${T.incremental.limit}×`;
  if (inc.failed) return failedRow(label, inc.failed, limit);
  return [
    `${label}: ${n(inc.reused)} reused, 1 read`,
    `${s(inc.ms)} (CPU ${x(inc.cpuRatio)} of the full build's)`,
    `the full build (\`--full\`): ${s(b.ms)}`,
    x(inc.ratio),
    limit,
    inc.verdict,
  ];
}

function exportRows(exports, T) {
  if (exports.failed)
    return [failedRow("`claimgraph export` and its writing", exports.failed, target(T.export))];
  return exports.flatMap((e) => [
    [
      `\`claimgraph export --format ${e.format}\` (whole command)`,
      s(e.ms),
      `n3's writer to a file: ${s(e.n3File)}`,
      x(e.ratio),
      "none: it also reads and extracts the documents",
      e.verdict,
    ],
    [
      `export ${e.format}: writing the quads only (in process)`,
      s(e.writeMs),
      `n3's writer to memory: ${s(e.n3Memory)}`,
      x(e.writeRatio),
      target(T.export),
      e.writeVerdict,
    ],
  ]);
}

function viewerRow(v, T) {
  const limit = `limit ≤ ${T.viewerMs.limit / 1e3} s`;
  if (v.skipped) return ["viewer: `page.goto` → ready", `skipped: ${v.skipped}`, "", "", "", "—"];
  if (v.failed) return failedRow("viewer: `page.goto` → overview drawn", v.failed, limit);
  return [
    "viewer: `page.goto` → overview drawn",
    s(v.pageMs),
    `(server start from the snapshot: ${s(v.startMs)})`,
    "",
    limit,
    v.verdict,
  ];
}

function pushRow(p, T) {
  const label = "`claimgraph push` to Virtuoso (whole command)";
  if (p.skipped) return ["push to Virtuoso", `skipped: ${p.skipped}`, "", "", "", "—"];
  if (p.failed) return failedRow(label, p.failed, target(T.push));
  return [
    label,
    s(p.push.ms),
    `\`ld_dir\` + \`rdf_loader_run\` of \`kb.nq\`: ${s(p.bulk.loaderMs)}`,
    x(p.ratio),
    target(T.push),
    p.verdict,
  ];
}

/** The figures that missed their goal or limit, and the steps that failed, with their reasons. */
function missedLines(rows, sum) {
  const missed = rows.filter((r) => r[5].startsWith("FAIL"));
  const failures = Object.entries(sum.failures);
  const lines = [];
  if (missed.length === 0) lines.push("Every figure met its goal and its limit.", "");
  else {
    lines.push(
      "Missed in this run (a goal missed where the issue sets no limit is marked *goal*):",
      "",
    );
    for (const r of missed) {
      const value = r[1].startsWith("**failed**")
        ? "not measured"
        : `${r[1]}${r[3] ? ` (${r[3]})` : ""}`;
      lines.push(
        `- ${r[0]}: ${value} against ${r[4] || "its target"}${r[5] === "FAIL (goal)" ? " — *goal*" : ""}.`,
      );
    }
    lines.push("");
  }
  if (failures.length > 0) {
    lines.push("Steps that failed (the run went on without them):", "");
    for (const [name, why] of failures) lines.push(`- ${name}: ${why.replaceAll("\n", " ")}`);
    lines.push("");
  }
  return lines;
}
