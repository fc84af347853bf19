/**
 * A document's raw text with its line index: turns character offsets into 1-based
 * lines and columns (columns and selector offsets count Unicode code points, as the
 * Web Annotation model asks), and decodes bytes strictly so bad input is located.
 */
import type { Diagnostic } from "../errors.ts";
import type { Span } from "./types.ts";

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

  slice(span: Span): string {
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

export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Decodes a file's bytes as UTF-8, refusing binary data (NUL bytes) and invalid
 * sequences with a located diagnostic. A byte-order mark is kept, so offsets stay
 * those of the raw file.
 */
export function decodeDocument(file: string, bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // The whole file is refused, so the error points at its start; the message says where.
    const at = locateByte(bytes, nul);
    return {
      ok: false,
      diagnostic: {
        code: "BinaryInput",
        severity: "error",
        file,
        line: 1,
        column: 1,
        message: `the file holds binary data (a NUL byte on line ${at.line}, column ${at.column}), not text`,
        hint: "sources must be UTF-8 Markdown documents; remove this file from the sources folder",
      },
    };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const at = locateByte(bytes, bad);
    return {
      ok: false,
      diagnostic: {
        code: "InvalidUtf8",
        severity: "error",
        file,
        line: at.line,
        column: at.column,
        message: `invalid UTF-8 byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, "0")}`,
        hint: "save the document as UTF-8 (it may be Latin-1 or Windows-1252)",
      },
    };
  }
}

/** Line and column (counting decoded characters before it) of a byte offset. */
function locateByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    // Count lead bytes only: continuation bytes (10xxxxxx) belong to the previous character.
    if (((bytes[i] ?? 0) & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
