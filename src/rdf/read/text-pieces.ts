/**
 * A text held as several strings, for a knowledge-base file longer than the longest string the
 * JavaScript engine can hold (2^29 − 24 characters). Every piece but the last ends just after a
 * line feed, so no line break, line or character is split between two pieces, and n3, fed the
 * pieces one after the other, reads the same statements and counts the same lines as in the
 * whole text. Offsets are offsets into the whole text. The readers of places (./line-offsets.ts,
 * ./text-places.ts) take a text as a string or as pieces alike (`TextLike`).
 */

/** What the readers of places ask of a text: a string has all of it, and so do the pieces. */
export interface TextLike {
  readonly length: number;
  charCodeAt(offset: number): number;
  /** The offset of `search` at or after `from`, or -1; `search` is one character. */
  indexOf(search: string, from?: number): number;
}

/** A knowledge-base file's text: one string, or pieces when it is too long for one. */
export type RdfText = string | TextPieces;

export class TextPieces implements TextLike {
  readonly length: number;
  /** Where each piece starts in the whole text. */
  private readonly starts: number[] = [];
  /** The piece the last offset asked for fell in: offsets are mostly asked for in order. */
  private last = 0;

  constructor(readonly pieces: readonly string[]) {
    let length = 0;
    for (const piece of pieces) {
      this.starts.push(length);
      length += piece.length;
    }
    this.length = length;
  }

  /** Where piece `index` starts in the whole text. */
  startOf(index: number): number {
    return this.starts[index] ?? this.length;
  }

  charCodeAt(offset: number): number {
    const i = this.pieceAt(offset);
    return (this.pieces[i] ?? "").charCodeAt(offset - (this.starts[i] ?? 0));
  }

  indexOf(search: string, from = 0): number {
    for (let i = this.pieceAt(Math.max(from, 0)); i < this.pieces.length; i++) {
      const start = this.starts[i] ?? 0;
      const found = (this.pieces[i] ?? "").indexOf(search, Math.max(from - start, 0));
      if (found !== -1) return start + found;
    }
    return -1;
  }

  /** The text from `from` to `to` as one string: only for a part short enough to be one. */
  slice(from: number, to: number = this.length): string {
    const parts: string[] = [];
    for (let i = this.pieceAt(from); i < this.pieces.length && this.startOf(i) < to; i++) {
      const start = this.startOf(i);
      parts.push((this.pieces[i] ?? "").slice(Math.max(from - start, 0), to - start));
    }
    return parts.join("");
  }

  /** The index of the piece holding `offset` (the last piece for the end of the text). */
  pieceAt(offset: number): number {
    const starts = this.starts;
    let i = this.last;
    if ((starts[i] ?? 0) > offset) i = 0;
    while (i + 1 < starts.length && (starts[i + 1] ?? 0) <= offset) i++;
    this.last = i;
    return i;
  }
}

/** The strings a text is held as: itself, or its pieces. */
export function piecesOf(text: RdfText): readonly string[] {
  return typeof text === "string" ? [text] : text.pieces;
}

/**
 * Cuts `text` into pieces of at least `size` characters, each ending just after a line feed
 * (a line longer than `size` stays whole in its piece); the last piece holds the rest.
 */
export function cutText(text: string, size: number): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (from < text.length) {
    const lf = text.indexOf("\n", from + Math.max(size, 1) - 1);
    const to = lf === -1 ? text.length : lf + 1;
    pieces.push(text.slice(from, to));
    from = to;
  }
  return pieces;
}
