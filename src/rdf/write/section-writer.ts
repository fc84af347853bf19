/**
 * What every writer of `writers.ts` does: text that opens the file, text for each sorted
 * section (or each slice of one), text that closes it. A section too large for one string
 * (the build's agreement graph at ten thousand documents) is written in slices cut between
 * subjects, each slice knowing whether it opens or closes its section.
 */
import type { Quad } from "@rdfjs/types";

export interface SectionWriter {
  /** Text that opens the file (prefixes, the JSON-LD context). */
  begin(): string;
  /**
   * Text for one sorted section, or for one slice of it (`place`): a section of one graph cut
   * between subjects and written slice by slice gives the bytes the whole section gives.
   */
  section(quads: readonly Quad[], place?: SlicePlace): string;
  /** Text that closes the file. */
  end(): string;
}

/** Where a slice stands in its section: the first slice opens it, the last closes it. */
export interface SlicePlace {
  readonly first: boolean;
  readonly last: boolean;
}

/** A section written whole: one slice, both first and last. */
export const WHOLE_SECTION: SlicePlace = { first: true, last: true };
