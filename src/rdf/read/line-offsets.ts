/**
 * Offsets in a text of places given as n3 gives them: a 1-based line and a column in UTF-16
 * code units. Places are asked for in text order, so each line start is found by moving
 * forward from the last one: the whole text is scanned once however many places are asked for.
 */
export class LineOffsets {
  private line = 1;
  /** Where `line` starts in the text. */
  private start = 0;
  private readonly breaks = /\r\n?|\n/g;

  constructor(private readonly text: string) {}

  /** The offset of `units` code units into line `line` (1-based). */
  at(line: number, units: number): number {
    if (line < this.line) {
      this.line = 1;
      this.start = 0;
    }
    while (this.line < line) {
      this.breaks.lastIndex = this.start;
      const found = this.breaks.exec(this.text);
      if (!found) break;
      this.start = this.breaks.lastIndex;
      this.line++;
    }
    return this.start + units;
  }

  /** The line and column (code units) of `offset`, at or after the last place asked for. */
  placeOf(offset: number): { line: number; units: number } {
    if (offset < this.start) this.at(1, 0);
    for (;;) {
      this.breaks.lastIndex = this.start;
      const found = this.breaks.exec(this.text);
      if (!found || found.index >= offset) break;
      this.start = this.breaks.lastIndex;
      this.line++;
    }
    return { line: this.line, units: offset - this.start };
  }
}
