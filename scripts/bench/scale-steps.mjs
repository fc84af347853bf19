// The steps of the scale run (scale.mjs): each logs when it starts and how long it took, so a
// run of an hour or two shows where it is; a step that fails is logged and recorded in
// `failures` (its name → what went wrong), becomes a failed row of the report, and the run goes
// on with the next step instead of losing the hours already spent. A step whose input another
// step failed to make is not run, and says which. While a step runs, a heartbeat says so every
// two minutes: the steps wait on their child with spawnSync, which blocks this thread, so the
// heartbeat is a worker thread writing straight to stderr.
import { Worker } from "node:worker_threads";

const HEARTBEAT = `
const { workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
let minutes = 0;
setInterval(() => {
  minutes += workerData.everyMs / 60e3;
  writeSync(2, "bench: scale: " + workerData.name + ": still running (" + minutes.toFixed(0) + " min)\\n");
}, workerData.everyMs);
`;

/** Logs "still running" every `everyMs` until the returned function is called. */
export function heartbeat(name, everyMs = 120e3) {
  const worker = new Worker(HEARTBEAT, { eval: true, workerData: { name, everyMs } });
  worker.unref();
  return () => {
    worker.terminate();
  };
}

/** The first lines of an error's message: enough to say what went wrong in a table cell. */
export function failureText(error, lines = 6) {
  const text = String(error?.message ?? error).trim();
  const kept = text.split("\n").filter((l) => l.trim() !== "");
  const head = kept.slice(0, lines).join(" ⏎ ");
  return kept.length > lines ? `${head} ⏎ …` : head;
}

/**
 * `step(name, fn)` runs `fn` (sync or async) and resolves to its value, or to null when it
 * throws (recorded in `failures[name]`). `block(reason)` makes every later step a failure
 * "not run: reason" (the corpus or the build is missing). `now` and `beat` are for the tests.
 */
export function makeSteps({ log, failures, now = () => Date.now(), beat = heartbeat }) {
  const began = now();
  let blocked = null;
  const minutes = (ms) => `${(ms / 60e3).toFixed(1)} min`;
  const step = async (name, fn) => {
    if (blocked) {
      failures[name] = `not run: ${blocked}`;
      log(`bench: scale: ${name}: not run (${blocked})`);
      return null;
    }
    const start = now();
    log(`bench: scale: ${name} (at ${minutes(start - began)})`);
    const stop = beat(name);
    try {
      const value = await fn();
      log(`bench: scale: ${name}: done in ${((now() - start) / 1e3).toFixed(1)} s`);
      return value;
    } catch (error) {
      failures[name] = failureText(error);
      log(`bench: scale: ${name}: FAILED after ${((now() - start) / 1e3).toFixed(1)} s`);
      log(`  ${failures[name]}`);
      return null;
    } finally {
      stop();
    }
  };
  const block = (reason) => {
    blocked ??= reason;
  };
  return { step, block };
}

/** Bytes of temporary disk a run of `documents` documents needs: about 6 GB per thousand. */
export function diskNeeded(documents) {
  return Math.max(2e9, documents * 6e6);
}

/** Why there is too little disk in `dir` for the run, or null; `statfs` is for the tests. */
export function diskShortfall({ dir, documents, statfs }) {
  const { bavail, bsize } = statfs(dir);
  const available = bavail * bsize;
  const needed = diskNeeded(documents);
  if (available >= needed) return null;
  const gb = (b) => `${(b / 1e9).toFixed(1)} GB`;
  return (
    `bench: scale: ${gb(available)} free in ${dir}, and ${documents.toLocaleString("en-US")} ` +
    `documents need about ${gb(needed)} (the corpus, the four files, snapshots, n3's baselines ` +
    "and two Virtuoso stores). Free some space, or set TMPDIR to a folder on a larger disk, or " +
    "lower --documents."
  );
}

/** The steps' names: logged, keys of `failures`, and named by the report's failed rows. */
export const STEPS = {
  corpus: "generating the corpus",
  builds: "claimgraph build",
  incremental: "claimgraph build after one document changed",
  jobs: "build --jobs",
  n3: "n3's writer on the same quads (the build and export baselines)",
  phases: "build and export phases in process",
  exports: "claimgraph export",
  cli: "`claimgraph trace` as a whole process",
  trace: "trace at scale and on the seed, in one process",
  viewer: "the viewer (claimgraph serve, then Chromium)",
  virtuoso: "Virtuoso: bulk load, endpoint and push",
};

/** Why the measurement `key` of `raw` is missing: its step's failure, or that it is absent. */
export function whyMissing(raw, key) {
  const name = STEPS[key] ?? key;
  const failure = raw.failures?.[name];
  return failure ? `${name}: ${failure}` : `${name}: no measurement`;
}
