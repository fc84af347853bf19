// The (#16) targets for the scale figures, and the verdicts against them: which apply
// at which size, and how a figure is judged. Read by the summary (scale-summary.mjs) and the
// report (scale-report.mjs, scale-details.mjs).

/** The formats `claimgraph export` is timed in, and n3 writes for the baselines. */
export const EXPORT_FORMATS = ["turtle", "trig", "nquads"];

/** The targets. `goal` and `limit` are upper bounds; null when the issue sets none. */
export const TARGETS = {
  open: { goal: 0.3, limit: 0.3 },
  bytesPerTriple: { goal: 100, limit: 100 },
  traceP50Us: { goal: 100, limit: null },
  traceVsSeed: { goal: null, limit: 2.0 },
  traceP99Ms: { goal: null, limit: 10 },
  /** `claimgraph build`'s peak RSS, bytes: the issue's "under 4 GB" at 10,000 documents. */
  buildMaxRssBytes: { goal: null, limit: 4 * 2 ** 30 },
  build: { goal: 3.0, limit: null },
  /** A build after one document changed, over a full build's wall time. */
  incremental: { goal: null, limit: 0.05 },
  export: { goal: null, limit: 1.2 },
  viewerMs: { goal: null, limit: 3000 },
  push: { goal: 2.0, limit: null },
  /** What grouping and conflict detection (#15) add to the build, over the build without them. */
  agreement: { goal: null, limit: 0.2 },
  endpointP50Ms: { goal: null, limit: 50 },
};

/** The documents from which the 10,000-document limits apply. */
export const LARGE = 10000;

/**
 * The targets a run of `documents` documents is judged by: TARGETS, with the limits for
 * 10,000 documents from LARGE on (trace p99 at most 1 ms instead of 10 ms; the others are the
 * same at both sizes).
 */
export function targetsFor(documents) {
  if (documents < LARGE) return TARGETS;
  return { ...TARGETS, traceP99Ms: { goal: null, limit: 1 } };
}

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
