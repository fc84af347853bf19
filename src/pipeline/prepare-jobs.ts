/**
 * `prepare` with the documents read on `jobs` worker threads (`build --jobs N`): the same
 * inputs, the same knowledge base, the same diagnostics as `prepare` in one thread. With one
 * job, or one document, no worker is started: the documents are read in this thread.
 */
import { readInWorkers } from "./extract-pool.ts";
import { assembleKnowledgeBase, buildKnowledgeBase } from "./knowledge-base.ts";
import { type BuildOptions, beginPrepare, finishPrepare, type Prepared } from "./pipeline.ts";

export async function prepareWithJobs(options: BuildOptions, jobs: number): Promise<Prepared> {
  const begun = beginPrepare(options);
  const { input } = begun;
  const workers = Math.min(jobs, input.documents.length);
  if (workers <= 1) return finishPrepare(begun, buildKnowledgeBase(input));
  const readings = await readInWorkers(
    { sources: input.documents, lexicon: input.lexicon.lexicon, curation: input.curation },
    workers,
  );
  return finishPrepare(begun, assembleKnowledgeBase(input, readings));
}
