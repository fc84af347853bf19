/**
 * The scale probe for `build --jobs` (#16.2): preparing the corpus (read, parse, extract: the
 * part of a build the workers share) in this thread and on `jobs` worker threads, rounds
 * interleaved, in one process (bundled like the other probes, with the extraction worker beside
 * it; run by scale-jobs.mjs). Prints one JSON object; times in ms.
 */
import { availableParallelism } from "node:os";
import { prepare } from "../../src/pipeline/pipeline.ts";
import { prepareWithJobs } from "../../src/pipeline/prepare-jobs.ts";

interface Options {
  readonly sources: string;
  readonly curation: string;
  readonly rounds: number;
  readonly jobs?: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const jobs = options.jobs ?? availableParallelism();
const paths = { sources: options.sources, curation: options.curation };

async function time(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const rounds: Array<{ oneMs: number; jobsMs: number }> = [];
for (let r = 0; r < options.rounds; r++) {
  const oneMs = await time(() => prepare(paths));
  const jobsMs = await time(() => prepareWithJobs(paths, jobs));
  rounds.push({ oneMs, jobsMs });
}
process.stdout.write(JSON.stringify({ jobs, cores: availableParallelism(), rounds }));
