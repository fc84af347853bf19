/**
 * Offsets in a text of places given as n3 gives them: a 1-based line and a column in UTF-16
 * code units. Places are asked for in text order, so each line start is found by moving
 * forward from the last one: the whole text is scanned once however many places are asked for.
 * Line breaks are CR LF, LF or CR, as n3 counts them; they are found with `indexOf`, which
 * allocates nothing (a regular expression's match would, once per line). The text may be held
 * in pieces (./text-pieces.ts): offsets are then offsets into the whole text.
 */
import type { TextLike } from "./text-pieces.ts";

export class LineOffsets {
  private line = 1;
  /** Where `line` starts in the text. */
  private start = 0;
  private readonly breaks: LineBreaks;

  constructor(text: TextLike) {
    this.breaks = new LineBreaks(text);
  }

  /** The offset of `units` code units into line `line` (1-based). */
  at(line: number, units: number): number {
    if (line < this.line) {
      this.line = 1;
      this.start = 0;
    }
    while (this.line < line) {
      const next = this.breaks.after(this.start);
      if (next === -1) break;
      this.start = next;
      this.line++;
    }
    return this.start + units;
  }

  /** The line and column (code units) of `offset`, at or after the last place asked for. */
  placeOf(offset: number): { line: number; units: number } {
    if (offset < this.start) this.at(1, 0);
    for (;;) {
      const next = this.breaks.after(this.start);
      // A line break at or after `offset` ends the line `offset` is on.
      if (next === -1 || this.breaks.found >= offset) break;
      this.start = next;
      this.line++;
    }
    return { line: this.line, units: offset - this.start };
  }
}

/** The line breaks of a text, found forward with `indexOf` (LF and CR each remembered). */
export class LineBreaks {
  /** The offset of the last line break found by `after`. */
  found = -1;
  private lf = -2;
  private cr = -2;
  private from = 0;

  constructor(private readonly text: TextLike) {}

  /** Where the line after the break that ends the line starting at `from` starts; -1 at the end. */
  after(from: number): number {
    const text = this.text;
    if (from < this.from) this.lf = this.cr = -2;
    this.from = from;
    if (this.lf < from && this.lf !== -1) this.lf = text.indexOf("\n", from);
    if (this.cr < from && this.cr !== -1) this.cr = text.indexOf("\r", from);
    const lf = this.lf;
    const cr = this.cr;
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      this.found = lf;
      return lf === -1 ? -1 : lf + 1;
    }
    this.found = cr;
    // CR LF is one break.
    return lf === cr + 1 ? cr + 2 : cr + 1;
  }
}
