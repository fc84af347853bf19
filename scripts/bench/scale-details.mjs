// The scale report's sections after the issue's figures (scale-report.mjs): opening, trace,
// building and exporting, the viewer and Virtuoso, the endpoint. A section whose measurement
// failed says so in one line instead of its tables.

import { cell, mib, ms1, n, overviewShot, s, table, us, x } from "./scale-format.mjs";
import { renderJobs } from "./scale-jobs.mjs";

export function detailSections(raw, sum) {
  return [
    ...openSection(sum.open),
    ...traceSection(raw, sum),
    ...buildSection(raw, sum),
    ...viewerLines(sum.viewer, raw.documents),
    ...virtuosoLines(sum.push),
    ...endpointLines(sum.endpoint, sum.targets),
  ];
}

const failedLine = (what, why) => `${what}: **failed** (${cell(why)}).`;

function openSection(o) {
  const lines = ["### At scale: opening the knowledge base", ""];
  const rows = o.rows.filter((r) => !r.failed);
  const input =
    o.n3Input === "stream"
      ? " (longer than V8's longest string, so parsed as a stream of 1 MiB slices of the bytes read)"
      : "";
  if (o.n3Parse !== null) {
    lines.push(
      `Fresh processes, medians of ${rows[0]?.runs ?? "—"} (the probe \`scripts/bench/probe-scale-open.ts\`, ` +
        `bundled like the CLI). n3 alone: reading \`kb.ttl\` ${ms1(o.n3Read)} ms, parsing it${input} ` +
        `${ms1(o.n3Parse)} ms (${(((o.triples / o.n3Parse) * 1e3) / 1e6).toFixed(2)}M ` +
        `triples/s), its quads hold ${mib(o.n3HeapBytes)} of heap.`,
      "",
    );
  }
  if (o.cli.failed) lines.push(failedLine("`claimgraph trace desipramine`", o.cli.failed), "");
  else
    lines.push(
      `\`claimgraph trace ${o.cli.query} --kb …/kb.ttl\` as a whole process: ${s(o.cli.firstMs)} the ` +
        "first time (no snapshot: it parses and builds the graph, answers, then writes the " +
        `snapshot before it exits), then ${s(o.cli.ms)} (median).`,
      "",
    );
  for (const r of o.rows.filter((r) => r.failed)) lines.push(`- ${failedLine(r.label, r.failed)}`);
  if (rows.length < o.rows.length) lines.push("");
  if (rows.length > 0) {
    lines.push(
      table(["step, ms", ...rows.map((r) => r.mode)], phaseRows(rows), [
        "l",
        ...rows.map(() => "r"),
      ]),
      "",
    );
  }
  return lines;
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

function traceSection(raw, sum) {
  const lines = ["### At scale: trace", ""];
  if (sum.trace.failed) return [...lines, failedLine("The trace probe", sum.trace.failed), ""];
  const T = sum.targets;
  const limit = raw.trace.limit;
  const paged = raw.trace.results.every((r) => r.scale.answer.returned <= limit);
  const top = raw.trace.topEntities
    .slice(0, 5)
    .map((e) => `${e.label} ${n(e.claims)}`)
    .join(", ");
  lines.push(
    "One process holds the seed's graph and the large one (opened from the snapshot in " +
      `${s(raw.trace.openMs)}); each query is timed call by call on both (at least 30 calls, ` +
      `up to the time budget), asking for one page, \`{ offset: 0, limit: ${limit} }\`` +
      (paged
        ? ": every answer counts all its claims and returns at most that many."
        : `, **but some answers returned more than ${limit} claims** (is \`trace\` paginated?).`) +
      ` The hubs are the entities with the most claims, found by counting (${top}; ` +
      `${ms1(raw.trace.countMs)} ms to count). The minted hub is the drug or ` +
      "class with the most claims whose name the lexicon lacks (read from column headers alone; " +
      "the seed has no such name).",
    "",
    table(
      [
        ...["query", "answer at scale (claims returned)", "on the seed", "first µs", "p50 µs"],
        ...["p99 µs", "seed p50 µs", "p50 ÷ seed", "at the seed's page size: p50 µs", "÷ seed"],
        `p50 ≤ ${T.traceP50Us.goal} µs`,
        `÷ seed ≤ ${T.traceVsSeed.limit}×`,
        `p99 ≤ ${T.traceP99Ms.limit} ms`,
      ],
      sum.trace.map(traceRow),
      "lllrrrrrrrlll",
    ),
    "",
  );
  return lines;
}

function traceRow(t) {
  return [
    `${JSON.stringify(t.query)}${t.minted ? " (minted hub)" : t.hub !== null ? " (hub)" : ""}`,
    `${t.scaleAnswer.match}, ${n(t.scaleAnswer.total)} (${n(t.scaleAnswer.returned)})`,
    t.seedAnswer.match === "none" ? "no match" : `${t.seedAnswer.match}, ${n(t.seedAnswer.total)}`,
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
  ];
}

function buildSection(raw, sum) {
  const b = sum.build;
  const lines = ["### At scale: building and exporting", ""];
  if (b.failed) lines.push(failedLine("`claimgraph build`", b.failed), "");
  else {
    lines.push(
      `\`claimgraph build\`: ${s(b.ms)} wall, ${s(b.cpuMs)} CPU, peak RSS ${mib(b.maxRssBytes)}. ` +
        (b.prepareMs === null
          ? "In process: not measured (the in-process probe failed)."
          : `In process (\`scripts/bench/probe-scale-build.ts\`): preparing (read, parse, extract) ` +
            `${s(b.prepareMs)}, the quads alone ${s(b.quadsMs)}, the four writers together ` +
            `${s(b.allMs)} with the quads (${s(b.allSerialiseMs)} without). JSON-LD, which n3 ` +
            `does not write, costs ${s(sum.jsonld.writeMs)} of writing.`),
      "",
    );
  }
  if (sum.jobs) lines.push(...renderJobs(sum.jobs), "");
  if (sum.exports.failed) lines.push(failedLine("Exporting", sum.exports.failed), "");
  else lines.push(exportTable(raw, sum.exports), "", ...n3ParseLines(raw));
  return lines;
}

function exportTable(raw, exports) {
  return table(
    [
      ...["format", "statements", "n3: to memory", "n3: to a file", "n3: one string"],
      ...["claimgraph: writing only", "claimgraph: quads + writing", "`export` command"],
      "export peak RSS",
    ],
    exports.map((e) => [
      e.format,
      n(raw.n3.counts[e.format]),
      s(e.n3Memory),
      s(e.n3File),
      e.n3OneStringError ? "— (longer than V8's longest string)" : s(e.n3OneString),
      `${s(e.writeMs)} (${x(e.writeRatio)})`,
      `${s(e.withQuadsMs)} (${x(e.withQuadsRatio)})`,
      `${s(e.ms)} (${x(e.ratio)})`,
      mib(e.maxRssBytes),
    ]),
    "lrrrrrrrr",
  );
}

function n3ParseLines(raw) {
  return [
    `n3 parsed \`kb.trig\` in ${s(raw.n3.parse.trig.ms)} and \`kb.ttl\` in ` +
      `${s(raw.n3.parse.turtle.ms)}, each read as a stream, for these baselines (not counted).`,
    "",
  ];
}

function viewerLines(v, documents) {
  const lines = ["### At scale: the viewer and Virtuoso", ""];
  if (v.skipped) return [...lines, `- Viewer: skipped (${v.skipped}).`];
  if (v.failed) return [...lines, `- ${failedLine("Viewer", v.failed)}`];
  lines.push(
    `- Viewer: \`claimgraph serve\` printed its address ${s(v.firstStartMs)} after it ` +
      `was started without a snapshot and ${s(v.startMs)} with one (median), serving ` +
      `${v.what}; its peak RSS ${mib(v.maxRssBytes)}. Chromium, fresh profile ` +
      `each time: ${v.pages.map((p) => s(p.ms)).join(", ")} from \`page.goto\` to ` +
      `\`body[data-ready=true]\`; \`/api/view\` is ${((v.viewBytes ?? 0) / 1e6).toFixed(1)} MB ` +
      `and takes ${ms1(v.viewMs)} ms.`,
  );
  const o = v.overview;
  if (o)
    lines.push(
      `- Viewer overview (screenshot \`tests/artifacts/${overviewShot(documents)}\`): ${o.nodes} ` +
        `entities, ${o.overlapping} overlapping pairs, ${Math.round(o.groupedShare * 100)} % of ` +
        `them nearer their own type's centre than another's, ${o.labels} labels at rest.`,
    );
  return lines;
}

function virtuosoLines(p) {
  if (p.skipped) return [`- Virtuoso: skipped (${p.skipped}).`];
  const store = `a fresh store for each, \`NumberOfBuffers\` ${n(p.buffers)}`;
  if (p.failed) return [`- ${failedLine(`Virtuoso (${store})`, p.failed)}`];
  const cpu = (r) => (r ? r.userMs + r.systemMs : Number.NaN);
  return [
    `- Virtuoso (${store}): the bulk loader ` +
      `took ${s(p.bulk.loaderMs)} for ${n(p.bulk.added)} quads (the store used ` +
      `${s(p.bulk.storeCpuMs ?? Number.NaN)} of CPU), then \`checkpoint\` ` +
      `${s(p.bulk.checkpointMs)}. \`claimgraph push\` took ${s(p.push.ms)} ` +
      `(${s(p.push.httpMs)} of it from its first reading of the data to its last answer, ` +
      `${n(p.push.requests)} requests, ${(p.push.bytes / 1e6).toFixed(0)} MB, for ` +
      `${n(p.push.graphs)} graphs; ${s(cpu(p.push.rusage))} CPU in claimgraph, peak RSS ` +
      `${mib(p.push.rusage?.maxRssBytes)}, ${s(p.push.storeCpuMs ?? Number.NaN)} CPU in the ` +
      `store), the store gained ${n(p.push.added)} triples, then \`checkpoint\` ` +
      `${s(p.push.checkpointMs)}. With the checkpoints on both sides: ${x(p.durableRatio)}.`,
  ];
}

/**
 * `trace --endpoint` and `compare --endpoint` on the bulk-loaded store (#16.5), each query
 * call by call: what the command does after reading its arguments, against the 50 ms limit.
 */
function endpointLines(endpoint, T) {
  if (endpoint.failed) return ["", `- ${failedLine("Through --endpoint", endpoint.failed)}`];
  if (endpoint.skipped) return ["", `- Through --endpoint: skipped (${endpoint.skipped}).`];
  const ms = (v) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;
  return [
    "",
    "`trace --endpoint` and `compare --endpoint` on the bulk-loaded store (queries, the graph " +
      "built from the answers, and the answer; `probe-scale-endpoint.ts`):",
    "",
    "| command | query | p50 | p99 | requests (round trips) | nodes read | claims answered | limit | verdict |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...endpoint.rows.map((r) =>
      r.skipped
        ? `| ${r.command} | \`${r.query}\` | skipped: ${r.skipped} | | | | | | — |`
        : `| ${r.command} | \`${r.query}\` | ${ms(r.p50)} | ${ms(r.p99)} | ${r.requests} (${r.rounds ?? "—"}) | ${r.nodes} | ${r.answered} | p50 ≤ ${T.endpointP50Ms.limit} ms | ${r.verdict} |`,
    ),
  ];
}
