/**
 * `prepare` with the documents read on `jobs` worker threads (`build --jobs N`): the same
 * inputs, the same knowledge base, the same diagnostics as `prepare` in one thread. With one
 * job, or one document to read, no worker is started: the documents are read in this thread.
 *
 * Given the output folder, a document whose key (reading-key.ts: its bytes, its curated rows,
 * the lexicon, the code) matches a reading the last build there kept is not read again: its
 * stored reading is used (reading-store.ts), and what is built from the readings is byte for
 * byte what a full build makes. `full` reads every document. Stored readings are sealed under
 * the user's own key (reading-seal.ts): only those this user's claimgraph stored are used.
 */
import { type DocumentReading, readDocument, type SourceFile } from "./document-reading.ts";
import { type PoolReadings, readPiecesInWorkers } from "./extract-pool.ts";
import { assembleKnowledgeBase, type KnowledgeBaseInput } from "./knowledge-base.ts";
import { type BuildOptions, beginPrepare, finishPrepare, type Prepared } from "./pipeline.ts";
import { readingKeys } from "./reading-key.ts";
import { serializedReading } from "./reading-piece.ts";
import { userSeal } from "./reading-seal.ts";
import { loadReadings, type Reused } from "./reading-store.ts";

export interface ReuseOptions {
  /** The output folder whose last build's readings may be reused. */
  readonly outDir?: string | undefined;
  /** Read every document, reusing nothing (`build --full`). */
  readonly full?: boolean | undefined;
}

export async function prepareWithJobs(
  options: BuildOptions,
  jobs: number,
  reuse: ReuseOptions = {},
): Promise<Prepared> {
  const begun = beginPrepare(options);
  const { input } = begun;
  const keys = readingKeys(input.documents, input.curation, begun.manifest);
  const seal = userSeal();
  const stored: Map<string, Reused> =
    reuse.outDir !== undefined && !reuse.full
      ? loadReadings(reuse.outDir, keys, input.documents, seal)
      : new Map();
  const missing = input.documents.filter((_, i) => !stored.has(keys[i] as string));
  const fresh = await readSources(input, missing, jobs);
  const readings: DocumentReading[] = [];
  const pieces: (Uint8Array | undefined)[] = [];
  let next = 0;
  for (const key of keys) {
    const found = stored.get(key);
    if (found) {
      readings.push(found.reading);
      pieces.push(found.piece);
      continue;
    }
    const reading = fresh.readings[next] as DocumentReading;
    // A document that is no text is never kept: it is read again, and its error told again.
    pieces.push(reading.document ? fresh.pieces[next] : undefined);
    readings.push(reading);
    next++;
  }
  const prepared = finishPrepare(begun, assembleKnowledgeBase(input, readings));
  const read = missing.length;
  const files = input.documents.map((d) => d.file);
  return { ...prepared, readings: { keys, files, pieces, reused: keys.length - read, read, seal } };
}

/**
 * The readings of `sources` and their pieces, in their order: on `jobs` workers, or here for
 * one job or one document.
 */
function readSources(
  input: KnowledgeBaseInput,
  sources: readonly SourceFile[],
  jobs: number,
): Promise<PoolReadings> {
  const { lexicon } = input.lexicon;
  if (Math.min(jobs, sources.length) <= 1) {
    const readings = sources.map((s) => readDocument(s, lexicon, input.curation));
    return Promise.resolve({ readings, pieces: readings.map(serializedReading) });
  }
  return readPiecesInWorkers(
    { sources, lexicon, curation: input.curation },
    Math.min(jobs, sources.length),
  );
}
