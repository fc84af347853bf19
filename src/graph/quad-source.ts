/**
 * Where a quad of a knowledge base was read: the file, and where its statement stands in it.
 * The reader (load.ts) hands one source per file to whoever groups the quads, which asks for
 * the place only of the statements it may have to point at (conflicts.ts).
 */
import type { TextPlace } from "../rdf/read/read-errors.ts";

export interface QuadSource {
  /** The file as shown to people (displayPath). */
  readonly file: string;
  /** Where the quad just read stands: valid only while it is being handed over. */
  place(): TextPlace;
}

/** A statement's place: its file, and its line and column when the reader knew them. */
export interface StatementPlace {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
}
