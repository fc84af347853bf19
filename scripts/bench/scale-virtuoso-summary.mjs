// The Virtuoso part of the scale summary (scale-summary.mjs): `claimgraph push` against the
// bulk loader, and trace and compare through --endpoint, each a failed figure when its side
// failed (virtuoso.mjs records which).
import { whyMissing } from "./scale-steps.mjs";
import { verdict } from "./scale-targets.mjs";
import { summarise } from "./stats.mjs";

/** Push against the bulk loader; either side's failure (virtuoso.mjs records it) fails the row. */
export function pushSummary(raw, targets) {
  const v = raw.virtuoso ?? { failed: true };
  if (v.skipped) return { skipped: v.skipped };
  if (v.failed) return { skipped: null, failed: whyMissing(raw, "virtuoso") };
  const broken = v.bulk?.failed ?? v.push?.failed;
  if (broken) return { skipped: null, ...v, failed: broken };
  return {
    skipped: null,
    ...v,
    ratio: v.push.ms / v.bulk.loaderMs,
    verdict: verdict(v.push.ms / v.bulk.loaderMs, targets.push),
    durableRatio: (v.push.ms + v.push.checkpointMs) / (v.bulk.loaderMs + v.bulk.checkpointMs),
  };
}

/** Each query through --endpoint: p50 and p99 against the 50 ms limit, and its round trips. */
export function endpointSummary(raw, targets) {
  const v = raw.virtuoso ?? {};
  if (v.skipped || v.endpointSkipped) return { skipped: v.skipped ?? v.endpointSkipped };
  if (v.failed) return { skipped: null, failed: whyMissing(raw, "virtuoso") };
  const measured = v.endpoint;
  if (!measured) return { skipped: "not measured" };
  if (measured.failed) return { skipped: null, failed: measured.failed };
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
      verdict: verdict(median, targets.endpointP50Ms),
    };
  };
  return {
    skipped: null,
    rows: [...measured.trace.map(row("trace")), ...measured.compare.map(row("compare"))],
  };
}
