/**
 * Line and column (in code points) of places in a text given as n3 gives them: a line and a
 * column in UTF-16 code units. Places are asked for mostly in text order, so the start of the
 * line is found by moving forward from the last one asked for: the whole text is scanned once
 * however many places are asked for.
 */
import type { TextPlace } from "./read-errors.ts";

const HIGH_SURROGATE = /[\uD800-\uDBFF]/g;

export class TextPlaces {
  private line = 1;
  /** Where `line` starts in the text. */
  private offset = 0;
  private readonly breaks = /\r\n?|\n/g;

  constructor(private readonly text: string) {}

  /** The place at `units` UTF-16 code units into line `line` (1-based). */
  at(line: number, units: number): TextPlace {
    if (line < this.line) {
      this.line = 1;
      this.offset = 0;
    }
    while (this.line < line) {
      this.breaks.lastIndex = this.offset;
      const found = this.breaks.exec(this.text);
      if (!found) break;
      this.offset = this.breaks.lastIndex;
      this.line++;
    }
    const before = this.text.slice(this.offset, this.offset + units);
    // A pair of surrogates is one code point: its high half is not counted.
    const pairs = before.match(HIGH_SURROGATE)?.length ?? 0;
    return { line, column: before.length - pairs + 1 };
  }
}
