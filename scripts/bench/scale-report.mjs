// The scale figures as Markdown: printed by run.mjs and written into BENCHMARKS.md between the
// bench-scale:start and bench-scale:end markers (the seed's figures have markers of their own,
// so either part can be rerun alone).
import { TARGETS } from "./scale.mjs";
import { renderJobs } from "./scale-jobs.mjs";

export const SCALE_START = "<!-- bench-scale:start -->";
export const SCALE_END = "<!-- bench-scale:end -->";

const s = (ms) => `${(ms / 1e3).toFixed(2)} s`;
const ms1 = (ms) => ms.toFixed(ms < 10 ? 2 : ms < 100 ? 1 : 0);
const us = (v) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const x = (r) => (r === null || Number.isNaN(r) ? "—" : `${r.toFixed(2)}×`);
const mib = (b) => (b === null || Number.isNaN(b) ? "—" : `${(b / 2 ** 20).toFixed(0)} MiB`);
const n = (v) => (v === null || v === undefined ? "—" : v.toLocaleString("en-US"));
const table = (header, rows, align) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (align[i] === "r" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
const target = ({ goal, limit }, unit = "×") =>
  [
    goal !== null ? `goal ≤ ${goal}${unit}` : null,
    limit !== null ? `limit ≤ ${limit}${unit}` : null,
  ]
    .filter(Boolean)
    .join(", ");

export function renderScaleReport({ date, command, machine: m, raw, sum }) {
  const lines = [];
  const o = sum.open;
  const snapshot = o.rows.find((r) => r.mode === "snapshot");
  const worst = (key) => sum.trace.reduce((a, b) => ((b[key] ?? -1) > (a[key] ?? -1) ? b : a));
  const worstP50 = sum.trace.reduce((a, b) => (b.scale.median > a.scale.median ? b : a));
  const worstP99 = sum.trace.reduce((a, b) => (b.scale.p99 > a.scale.p99 ? b : a));
  const worstVsSeed = worst("vsSeed");
  const limit = raw.trace.limit;
  const paged = raw.trace.results.every((r) => r.scale.answer.returned <= limit);

  lines.push(
    `Measured on ${date} with \`${command}\`: ${n(raw.documents)} generated documents (corpus ` +
      `seed ${raw.seed}${raw.corpus.unknownShare !== undefined ? `, ${Math.round(raw.corpus.unknownShare * 100)} % of names drawn from outside the lexicon` : ""}) plus the seed document, ${raw.runs} run${raw.runs === 1 ? "" : "s"} per ` +
      `figure (medians), Virtuoso once; the scale part took ${(raw.seconds / 60).toFixed(1)} min.`,
    "",
    `**Machine:** ${m.cpu}${m.mhz ? ` (${Math.round(Number(m.mhz))} MHz)` : ""}, ${m.cores} cores ` +
      `available, ${m.memoryGiB.toFixed(1)} GiB memory, Node ${m.node}, ${m.os}.`,
    "",
    `**Reproduce:** \`npm ci && npm run bench -- --scale\` on a clean clone (\`${command}\` for ` +
      "these options; `--help` lists them).",
    "",
    `**The knowledge base:** ${n(raw.corpus.files)} documents (${(raw.corpus.bytes / 1e6).toFixed(1)} MB ` +
      `of Markdown) → \`kb.ttl\` ${(raw.sizes.ttl / 1e6).toFixed(1)} MB, ${n(o.triples)} triples; ` +
      `\`kb.trig\` ${(raw.sizes.trig / 1e6).toFixed(1)} MB and \`kb.nq\` ${(raw.sizes.nq / 1e6).toFixed(1)} MB, ` +
      `${n(raw.n3.counts.trig)} quads; \`kb.jsonld\` ${(raw.sizes.jsonld / 1e6).toFixed(1)} MB. ` +
      `Opened: ${n(o.nodes)} nodes, ${n(o.edges)} edges.`,
    "",
    "### At scale: the issue's figures",
    "",
    table(
      ["figure", "claimgraph", "baseline, same run", "ratio", "target", "verdict"],
      [
        ...o.rows.map((r) => [
          r.label,
          s(r.ms),
          `n3 parses \`kb.ttl\`: ${s(o.n3Parse)}`,
          x(r.ratio),
          target(TARGETS.open),
          r.verdict,
        ]),
        [
          `\`claimgraph trace ${o.cli.query}\`, a whole process, snapshot made`,
          s(o.cli.ms),
          `n3 parses \`kb.ttl\`: ${s(o.n3Parse)}`,
          x(o.cli.ratio),
          target(TARGETS.open),
          o.cli.verdict,
        ],
        ...o.rows
          .filter((r) => r.mode !== "first")
          .map((r) => [
            `memory once open, ${r.mode === "snapshot" ? "from the snapshot" : "without a snapshot"}`,
            `${r.bytesPerTriple.toFixed(0)} B/triple (heap and buffers ${mib(r.heldBytes ?? r.heapBytes)}, of which heap ${mib(r.heapBytes)}; RSS ${mib(r.rssBytes)})`,
            "",
            "",
            target(TARGETS.bytesPerTriple, " B"),
            r.memoryVerdict,
          ]),
        [
          `trace p50, slowest query (${JSON.stringify(worstP50.query)})`,
          `${us(worstP50.scale.median)} µs`,
          "",
          "",
          `goal ≤ ${TARGETS.traceP50Us.goal} µs`,
          worstP50.p50Verdict,
        ],
        [
          `trace p50 ÷ seed p50 at the seed's page size, worst query (${JSON.stringify(worstVsSeed.query)})`,
          `${us((worstVsSeed.samePage ?? worstVsSeed.scale).median)} µs`,
          worstVsSeed.seed ? `seed: ${us(worstVsSeed.seed.median)} µs` : "",
          x(worstVsSeed.vsSeed),
          target(TARGETS.traceVsSeed),
          worstVsSeed.vsSeedVerdict,
        ],
        [
          `trace p99, slowest query (${JSON.stringify(worstP99.query)})`,
          `${ms1(worstP99.scale.p99 / 1e3)} ms`,
          "",
          "",
          `limit ≤ ${TARGETS.traceP99Ms.limit} ms`,
          worstP99.p99Verdict,
        ],
        [
          `\`claimgraph build\`, ${n(raw.documents)} documents (4 files)`,
          s(sum.build.ms),
          `n3's writer, TriG + N-Quads + Turtle to files: ${s(sum.build.n3AllFile)}`,
          x(sum.build.ratio),
          target(TARGETS.build),
          sum.build.verdict,
        ],
        [
          `grouping and conflict detection in the build (${n(sum.agreement.assertions)} assertions, ${n(sum.agreement.conflicts)} conflicts; in process)`,
          s(sum.agreement.groupMs),
          `the build without the agreement (in process): ${s(sum.agreement.withoutMs)}`,
          x(sum.agreement.ratio),
          target(TARGETS.agreement),
          sum.agreement.verdict,
        ],
        [
          `the agreement graph with its writing (${n(sum.agreement.quads)} quads, four formats)`,
          s(sum.agreement.ms),
          `the build without the agreement (in process): ${s(sum.agreement.withoutMs)}`,
          x(sum.agreement.writtenRatio),
          "",
          "— (for scale)",
        ],
        ...sum.exports.flatMap((e) => [
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
            target(TARGETS.export),
            e.writeVerdict,
          ],
        ]),
        sum.viewer.skipped
          ? ["viewer: `page.goto` → ready", `skipped: ${sum.viewer.skipped}`, "", "", "", "—"]
          : [
              "viewer: `page.goto` → overview drawn",
              s(sum.viewer.pageMs),
              `(server start from the snapshot: ${s(sum.viewer.startMs)})`,
              "",
              `limit ≤ ${TARGETS.viewerMs.limit / 1e3} s`,
              sum.viewer.verdict,
            ],
        sum.push.skipped
          ? ["push to Virtuoso", `skipped: ${sum.push.skipped}`, "", "", "", "—"]
          : [
              "`claimgraph push` to Virtuoso (whole command)",
              s(sum.push.push.ms),
              `\`ld_dir\` + \`rdf_loader_run\` of \`kb.nq\`: ${s(sum.push.bulk.loaderMs)}`,
              x(sum.push.ratio),
              target(TARGETS.push),
              sum.push.verdict,
            ],
      ],
      "llllll",
    ),
    "",
    "### At scale: opening the knowledge base",
    "",
    `Fresh processes, medians of ${snapshot.runs} (the probe \`scripts/bench/probe-scale-open.ts\`, ` +
      "bundled like the CLI). n3 alone: reading `kb.ttl` " +
      `${ms1(o.n3Read)} ms, parsing it ${ms1(o.n3Parse)} ms (${(((o.triples / o.n3Parse) * 1e3) / 1e6).toFixed(2)}M ` +
      `triples/s), its quads hold ${mib(o.n3HeapBytes)} of heap.`,
    "",
    `\`claimgraph trace ${o.cli.query} --kb …/kb.ttl\` as a whole process: ${s(o.cli.firstMs)} the ` +
      `first time (no snapshot: it parses and builds the graph, answers, then writes the snapshot ` +
      `before it exits), then ${s(o.cli.ms)} (median).`,
    "",
    table(["step, ms", ...o.rows.map((r) => r.mode)], phaseRows(o.rows), [
      "l",
      ...o.rows.map(() => "r"),
    ]),
    "",
    "### At scale: trace",
    "",
    `One process holds the seed's graph and the large one (opened from the snapshot in ` +
      `${s(raw.trace.openMs)}); each query is timed call by call on both (at least 30 calls, ` +
      `up to the time budget), asking for one page, \`{ offset: 0, limit: ${limit} }\`` +
      (paged
        ? ": every answer counts all its claims and returns at most that many."
        : `, **but some answers returned more than ${limit} claims** (is \`trace\` paginated?).`) +
      ` The hubs are the entities with the most claims, found by counting ` +
      `(${raw.trace.topEntities
        .slice(0, 5)
        .map((e) => `${e.label} ${n(e.claims)}`)
        .join(", ")}; ${ms1(raw.trace.countMs)} ms to count). The minted hub is the drug or ` +
      "class with the most claims whose name the lexicon lacks (read from column headers alone; " +
      "the seed has no such name).",
    "",
    table(
      [
        "query",
        "answer at scale (claims returned)",
        "on the seed",
        "first µs",
        "p50 µs",
        "p99 µs",
        "seed p50 µs",
        "p50 ÷ seed",
        "at the seed's page size: p50 µs",
        "÷ seed",
        "p50 ≤ 100 µs",
        "÷ seed ≤ 2×",
        "p99 ≤ 10 ms",
      ],
      sum.trace.map((t) => [
        `${JSON.stringify(t.query)}${t.minted ? " (minted hub)" : t.hub !== null ? " (hub)" : ""}`,
        `${t.scaleAnswer.match}, ${n(t.scaleAnswer.total)} (${n(t.scaleAnswer.returned)})`,
        t.seedAnswer.match === "none"
          ? "no match"
          : `${t.seedAnswer.match}, ${n(t.seedAnswer.total)}`,
        us(t.firstUs),
        us(t.scale.median),
        us(t.scale.p99),
        t.seed ? us(t.seed.median) : "—",
        x(t.vsSeedFullPage),
        t.samePage ? `${us(t.samePage.median)} (limit ${t.samePageLimit})` : "same page",
        x(t.vsSeed),
        t.p50Verdict,
        t.vsSeedVerdict,
        t.p99Verdict,
      ]),
      "lllrrrrrrrlll",
    ),
    "",
    "### At scale: building and exporting",
    "",
    `\`claimgraph build\`: ${s(sum.build.ms)} wall, ${s(sum.build.cpuMs)} CPU, peak RSS ` +
      `${mib(sum.build.maxRssBytes)}. In process (\`scripts/bench/probe-scale-build.ts\`): preparing ` +
      `(read, parse, extract) ${s(sum.build.prepareMs)}, the quads alone ${s(sum.build.quadsMs)}, ` +
      `the four writers together ${s(sum.build.allMs)} with the quads ` +
      `(${s(sum.build.allSerialiseMs)} without). JSON-LD, which n3 does not write, costs ` +
      `${s(sum.jsonld.writeMs)} of writing.`,
    "",
    ...(sum.jobs ? [...renderJobs(sum.jobs), ""] : []),
    table(
      [
        "format",
        "statements",
        "n3: to memory",
        "n3: to a file",
        "n3: one string",
        "claimgraph: writing only",
        "claimgraph: quads + writing",
        "`export` command",
        "export peak RSS",
      ],
      sum.exports.map((e) => [
        e.format,
        n(raw.n3.counts[e.format]),
        s(e.n3Memory),
        s(e.n3File),
        s(e.n3OneString),
        `${s(e.writeMs)} (${x(e.writeRatio)})`,
        `${s(e.withQuadsMs)} (${x(e.withQuadsRatio)})`,
        `${s(e.ms)} (${x(e.ratio)})`,
        mib(e.maxRssBytes),
      ]),
      "lrrrrrrrr",
    ),
    "",
    `n3 parsed \`kb.trig\` in ${s(raw.n3.parse.trig.ms)} and \`kb.ttl\` in ${s(raw.n3.parse.turtle.ms)} ` +
      "for these baselines (not counted).",
  );

  lines.push("", "### At scale: the viewer and Virtuoso", "");
  if (sum.viewer.skipped) lines.push(`- Viewer: skipped (${sum.viewer.skipped}).`);
  else {
    lines.push(
      `- Viewer: \`claimgraph serve\` printed its address ${s(sum.viewer.firstStartMs)} after it ` +
        `was started without a snapshot and ${s(sum.viewer.startMs)} with one (median), serving ` +
        `${sum.viewer.what}; its peak RSS ${mib(sum.viewer.maxRssBytes)}. Chromium, fresh profile ` +
        `each time: ${sum.viewer.pages.map((p) => s(p.ms)).join(", ")} from \`page.goto\` to ` +
        `\`body[data-ready=true]\`; \`/api/view\` is ${((sum.viewer.viewBytes ?? 0) / 1e6).toFixed(1)} MB ` +
        `and takes ${ms1(sum.viewer.viewMs)} ms.`,
    );
    const o = sum.viewer.overview;
    if (o)
      lines.push(
        `- Viewer overview (screenshot \`tests/artifacts/graph-overview-1000.png\`): ${o.nodes} ` +
          `entities, ${o.overlapping} overlapping pairs, ${Math.round(o.groupedShare * 100)} % of ` +
          `them nearer their own type's centre than another's, ${o.labels} labels at rest.`,
      );
  }
  if (sum.push.skipped) lines.push(`- Virtuoso: skipped (${sum.push.skipped}).`);
  else {
    const p = sum.push;
    lines.push(
      `- Virtuoso (a fresh store for each, \`NumberOfBuffers\` ${n(p.buffers)}): the bulk loader ` +
        `took ${s(p.bulk.loaderMs)} for ${n(p.bulk.added)} quads (the store used ` +
        `${s(p.bulk.storeCpuMs ?? Number.NaN)} of CPU), then \`checkpoint\` ` +
        `${s(p.bulk.checkpointMs)}. \`claimgraph push\` took ${s(p.push.ms)} ` +
        `(${s(p.push.httpMs)} of it sending ${n(p.push.requests)} requests, ` +
        `${(p.push.bytes / 1e6).toFixed(0)} MB, for ${n(p.push.graphs)} graphs; ` +
        `${s(p.push.rusage ? p.push.rusage.userMs + p.push.rusage.systemMs : Number.NaN)} CPU ` +
        `in claimgraph, ${s(p.push.storeCpuMs ?? Number.NaN)} in the store), the store gained ` +
        `${n(p.push.added)} triples, then \`checkpoint\` ` +
        `${s(p.push.checkpointMs)}. With the checkpoints on both sides: ${x(p.durableRatio)}.`,
    );
  }
  lines.push(...endpointLines(sum.endpoint));
  return lines.join("\n");
}

function phaseRows(rows) {
  const names = [];
  for (const r of rows)
    for (const k of Object.keys(r.phases)) if (!names.includes(k)) names.push(k);
  return [
    ...names.map((name) => [
      name,
      ...rows.map((r) => (name in r.phases ? ms1(r.phases[name]) : "")),
    ]),
    ["**total** (ready to trace)", ...rows.map((r) => `**${ms1(r.ms)}**`)],
    ...[...new Set(rows.flatMap((r) => Object.keys(r.afterwards ?? {})))].map((name) => [
      `then: ${name}`,
      ...rows.map((r) => (name in (r.afterwards ?? {}) ? ms1(r.afterwards[name]) : "")),
    ]),
    ["heap held once open", ...rows.map((r) => mib(r.heapBytes))],
    ["heap and buffers held once open", ...rows.map((r) => mib(r.heldBytes ?? r.heapBytes))],
    [
      "bytes held per triple (heap and buffers)",
      ...rows.map((r) => (r.bytesPerTriple ?? 0).toFixed(0)),
    ],
    ["RSS once open", ...rows.map((r) => mib(r.rssBytes))],
  ];
}

/**
 * `trace --endpoint` and `compare --endpoint` on the bulk-loaded store (#16.5), each query
 * call by call: what the command does after reading its arguments, against the 50 ms limit.
 */
function endpointLines(endpoint) {
  if (!endpoint || endpoint.skipped)
    return ["", `- Through --endpoint: skipped (${endpoint?.skipped ?? "not measured"}).`];
  const ms = (v) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;
  return [
    "",
    "`trace --endpoint` and `compare --endpoint` on the bulk-loaded store (queries, the graph " +
      "built from the answers, and the answer; `probe-scale-endpoint.ts`):",
    "",
    "| command | query | p50 | p99 | round trips | nodes read | claims answered | limit | verdict |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...endpoint.rows.map((r) =>
      r.skipped
        ? `| ${r.command} | \`${r.query}\` | skipped: ${r.skipped} | | | | | | — |`
        : `| ${r.command} | \`${r.query}\` | ${ms(r.p50)} | ${ms(r.p99)} | ${r.requests} | ${r.nodes} | ${r.answered} | p50 ≤ ${TARGETS.endpointP50Ms.limit} ms | ${r.verdict} |`,
    ),
  ];
}
