/**
 * What crosses between the build and its extraction workers (extract-pool.ts ↔
 * extract-worker.ts), all plain data a structured clone keeps: each worker is given the
 * lexicon's parts and the curated rows once, then one document at a time.
 */
import type { CurationRows } from "../curation/claims.ts";
import type { LexiconParts } from "../lexicon/lexicon.ts";
import type { SourceFile } from "./document-reading.ts";

/** Given to every worker when it starts. */
export interface WorkerSetup {
  readonly lexicon: LexiconParts;
  readonly curation: CurationRows;
}

/** One document to read; `index` is its place in the build's list. */
export interface ReadJob {
  readonly index: number;
  readonly source: SourceFile;
}

/** What a worker threw instead of a reading: a bug, told with the worker's stack. */
export interface Thrown {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
}

/**
 * The worker's first message, once it made its lexicon; then one reply per document: its
 * reading serialized (reading-piece.ts), as the build keeps it.
 */
export type ReadReply =
  | { readonly ready: true }
  | { readonly index: number; readonly piece: Uint8Array }
  | { readonly index: number; readonly thrown: Thrown };

/** An exception as plain data (an Error's own class does not cross). */
export function thrownOf(error: unknown): Thrown {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack };
  }
  return { name: "Error", message: String(error), stack: undefined };
}
