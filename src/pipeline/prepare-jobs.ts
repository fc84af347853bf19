/**
 * `prepare` with the documents read on `jobs` worker threads (`build --jobs N`): the same
 * inputs, the same knowledge base, the same diagnostics as `prepare` in one thread, which
 * `jobs` 1 still is (no worker started).
 */
import { readInWorkers } from "./extract-pool.ts";
import { assembleKnowledgeBase } from "./knowledge-base.ts";
import {
  type BuildOptions,
  beginPrepare,
  finishPrepare,
  type Prepared,
  prepare,
} from "./pipeline.ts";

export async function prepareWithJobs(options: BuildOptions, jobs: number): Promise<Prepared> {
  if (jobs <= 1) return prepare(options);
  const begun = beginPrepare(options);
  const { input } = begun;
  const readings = await readInWorkers(
    { sources: input.documents, lexicon: input.lexicon.lexicon, curation: input.curation },
    jobs,
  );
  return finishPrepare(begun, assembleKnowledgeBase(input, readings));
}
