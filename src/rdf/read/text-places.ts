/**
 * Line and column (in code points) of places in a text given as n3 gives them: a line and a
 * column in UTF-16 code units. Places are asked for mostly in text order, so the start of the
 * line is found by moving forward from the last one asked for: the whole text is scanned once
 * however many places are asked for, and nothing is allocated but the place itself.
 */
import { LineBreaks } from "./line-offsets.ts";
import type { TextPlace } from "./read-errors.ts";
import type { TextLike } from "./text-pieces.ts";

export class TextPlaces {
  private line = 1;
  /** Where `line` starts in the text. */
  private offset = 0;
  private readonly breaks: LineBreaks;

  constructor(private readonly text: TextLike) {
    this.breaks = new LineBreaks(text);
  }

  /** The place at `units` UTF-16 code units into line `line` (1-based). */
  at(line: number, units: number): TextPlace {
    if (line < this.line) {
      this.line = 1;
      this.offset = 0;
    }
    while (this.line < line) {
      const next = this.breaks.after(this.offset);
      if (next === -1) break;
      this.offset = next;
      this.line++;
    }
    const end = Math.min(this.offset + units, this.text.length);
    // A pair of surrogates is one code point: its high half is not counted.
    let column = end - this.offset + 1;
    for (let i = this.offset; i < end; i++) {
      if ((this.text.charCodeAt(i) & 0xfc00) === 0xd800) column--;
    }
    return { line, column };
  }
}
