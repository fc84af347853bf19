// `build --jobs` at scale (#16.2): the speed-up of reading and extracting the documents on worker
// threads (probe-scale-jobs.ts, in process) and of the whole `claimgraph build` (a process each,
// `--jobs 1` against `--jobs N`, rounds interleaved), N the machine's cores.
import { availableParallelism } from "node:os";
import { summarise } from "./stats.mjs";

/** The raw figures; `node` and `json` run a node process as scale.mjs does. */
export function measureJobs({ node, json, probes, buildArgs, corpusDir, runs, log }) {
  const jobs = availableParallelism();
  log(`bench: scale: extraction on 1 and ${jobs} threads, in process, ${runs} rounds`);
  const extraction = json([
    // As the other probes: V8's default heap is too small at 10,000 documents.
    "--max-old-space-size=8192",
    probes.scaleJobs,
    JSON.stringify({ sources: corpusDir, curation: "graph/curation", rounds: runs, jobs }),
  ]);
  const builds = [];
  for (let i = 0; i < runs; i++) {
    log(`bench: scale: claimgraph build --jobs 1 and --jobs ${jobs}, round ${i + 1}/${runs}`);
    const one = node([...buildArgs, "--jobs", "1"]).ms;
    const many = node([...buildArgs, "--jobs", String(jobs)]).ms;
    builds.push({ one, many });
  }
  return { jobs, extraction, builds };
}

/** Medians and speed-ups (time with one thread / time with `jobs`). */
export function summariseJobs(raw) {
  const med = (xs) => summarise(xs).median;
  const extractOne = med(raw.extraction.rounds.map((r) => r.oneMs));
  const extractMany = med(raw.extraction.rounds.map((r) => r.jobsMs));
  const buildOne = med(raw.builds.map((b) => b.one));
  const buildMany = med(raw.builds.map((b) => b.many));
  return {
    jobs: raw.jobs,
    extraction: { oneMs: extractOne, manyMs: extractMany, speedUp: extractOne / extractMany },
    build: { oneMs: buildOne, manyMs: buildMany, speedUp: buildOne / buildMany },
  };
}

/** The lines of the report. */
export function renderJobs(sum) {
  const s = (ms) => `${(ms / 1e3).toFixed(2)} s`;
  const x = (r) => `${r.toFixed(2)}×`;
  const { jobs, extraction: e, build: b } = sum;
  return [
    `\`build --jobs ${jobs}\` against \`--jobs 1\` (speed-up = time on one thread / time on ${jobs}): ` +
      `reading and extracting the documents ${s(e.oneMs)} → ${s(e.manyMs)} (${x(e.speedUp)}); ` +
      `the whole \`claimgraph build\` ${s(b.oneMs)} → ${s(b.manyMs)} (${x(b.speedUp)}). The ` +
      "outputs are byte-identical (tests/pipeline/parallel-build.test.ts); writing them stays on " +
      "one thread.",
  ];
}
