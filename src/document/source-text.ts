/**
 * A document's raw text with its line index: turns character offsets into 1-based
 * lines and columns (columns and selector offsets count Unicode code points, as the
 * Web Annotation model asks). Decoding bytes strictly lives in base/decode-utf8.ts.
 */
import type { Diagnostic } from "../base/errors.ts";

export interface Position {
  readonly line: number;
  readonly column: number;
}

export class SourceText {
  readonly file: string;
  readonly text: string;
  /** UTF-16 offset at which each line starts. */
  readonly lineStarts: readonly number[];
  /**
   * The offset of the second half of every surrogate pair, in order: the code points before
   * an offset are found by a binary search here, not by counting along a line that may be
   * megabytes long (a document with thousands of claims or errors on one line).
   */
  private readonly pairEnds: readonly number[];

  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
    const starts = [0];
    const pairEnds: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) pairEnds.push(i + 1);
      }
    }
    this.lineStarts = starts;
    this.pairEnds = pairEnds;
  }

  /** The 1-based line and code-point column of a UTF-16 offset. */
  position(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = starts[lo] ?? 0;
    return { line: lo + 1, column: this.codePoints(lineStart, offset) + 1 };
  }

  /** The number of code points before a UTF-16 offset: what `oa:start`/`oa:end` count. */
  codePointOffset(offset: number): number {
    return this.codePoints(0, offset);
  }

  /** Code points in [from, to): a pair counts once when both its halves are inside. */
  private codePoints(from: number, to: number): number {
    if (to <= from) return 0;
    return (
      to - from - (firstAtOrAfter(this.pairEnds, to) - firstAtOrAfter(this.pairEnds, from + 1))
    );
  }

  /** The text of a span (a `Span` of ./types.ts; written out here, as types.ts imports this). */
  slice(span: { readonly start: number; readonly end: number }): string {
    return this.text.slice(span.start, span.end);
  }

  /** The text of 1-based line `n` without its line ending. */
  lineText(n: number): string {
    const start = this.lineStarts[n - 1];
    if (start === undefined) return "";
    const next = this.lineStarts[n];
    const end = next === undefined ? this.text.length : next - 1;
    const line = this.text.slice(start, end);
    return line.endsWith("\r") ? line.slice(0, -1) : line;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  diagnostic(
    code: string,
    offset: number,
    message: string,
    hint: string,
    text?: string,
    severity: Diagnostic["severity"] = "error",
  ): Diagnostic {
    const { line, column } = this.position(offset);
    return {
      code,
      severity,
      file: this.file,
      line,
      column,
      message,
      hint,
      ...(text === undefined ? {} : { text }),
    };
  }
}

/** The index of the first element of sorted `list` that is ≥ `value`. */
function firstAtOrAfter(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
