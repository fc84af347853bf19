/**
 * Reading a knowledge-base file too large for one string: its bytes are read in blocks and cut
 * into pieces of about `KB_PIECE_BYTES`, each ending just after a line feed byte. In UTF-8 the
 * byte 0x0A is never part of another character, so no character is split between two pieces,
 * and each piece is decoded on its own, strictly, its errors placed at their line in the whole
 * file. The pieces make one text (./text-pieces.ts) that the guarded parser reads as a stream.
 */

import { constants } from "node:buffer";
import { closeSync, constants as fs, fstatSync, openSync, readSync } from "node:fs";
import { type DecodeResult, decodeDocument } from "../../base/decode-utf8.ts";
import type { Diagnostic } from "../../base/errors.ts";
import { type RdfText, TextPieces } from "./text-pieces.ts";

/**
 * The size of a piece, in bytes: far below the longest string (2^29 − 24 characters), so that
 * a piece, decoded, is always one string; large, so that a file is read in few pieces.
 */
export const KB_PIECE_BYTES = 256 * 1024 * 1024;

/**
 * The piece size in force: KB_PIECE_BYTES, or the number of bytes in the environment variable
 * CLAIMGRAPH_KB_PIECE_BYTES (for tests, which read small files in many pieces).
 */
export function pieceBytes(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.CLAIMGRAPH_KB_PIECE_BYTES);
  return Number.isSafeInteger(set) && set > 0 ? Math.min(set, KB_PIECE_BYTES) : KB_PIECE_BYTES;
}

const LF = 0x0a;

/**
 * The file's bytes in pieces of at most `size` bytes, each ending after its last line feed (the
 * last piece holds the rest), read `block` bytes at a time. A line longer than `size` makes a
 * piece of its own; a line longer than the longest string throws LineTooLong. Anything but a
 * regular file throws.
 */
export function* bytePieces(path: string, size: number, block = size): Generator<Buffer> {
  // Non-blocking, so a FIFO put in the file's place after it was checked does not hang the
  // open; it is then refused, as anything that is not a regular file is.
  const fd = openSync(path, fs.O_RDONLY | fs.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new Error("it is not a regular file (it was replaced after it was checked)");
    let left = stats.size;
    let carry = Buffer.alloc(0);
    for (;;) {
      // One byte more than the file holds is asked for, to see its end.
      const room = Math.min(Math.max(size, carry.length + block), carry.length + left + 1);
      const buffer = Buffer.allocUnsafe(room);
      carry.copy(buffer);
      const { filled, end } = fill(fd, buffer, carry.length, block);
      left = Math.max(left - (filled - carry.length), 0);
      const bytes = buffer.subarray(0, filled);
      if (end) {
        if (filled > 0) yield bytes;
        return;
      }
      const lf = bytes.lastIndexOf(LF);
      if (lf === -1) {
        if (filled > constants.MAX_STRING_LENGTH) throw new LineTooLong(filled);
        carry = bytes;
        continue;
      }
      yield bytes.subarray(0, lf + 1);
      carry = Buffer.from(bytes.subarray(lf + 1));
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads into `buffer` from `from`, `block` bytes at a time, until it is full or the file ends. */
function fill(fd: number, buffer: Buffer, from: number, block: number) {
  let filled = from;
  while (filled < buffer.length) {
    const want = Math.min(Math.max(block, 1), buffer.length - filled);
    const read = readSync(fd, buffer, filled, want, null);
    if (read === 0) return { filled, end: true };
    filled += read;
  }
  return { filled, end: false };
}

/** A line too long for any string: the file cannot be read. */
export class LineTooLong extends Error {
  constructor(readonly bytes: number) {
    super(`a line runs on for more than ${bytes} bytes`);
  }
}

/** Line feeds in `bytes`. */
function lineFeeds(bytes: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) n++;
  return n;
}

/** A piece of a file's text, and the line it starts on; or the diagnostic of its first bad byte. */
export type DecodedPiece =
  | { readonly ok: true; readonly text: string; readonly line: number }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/**
 * The file's text piece after piece, each decoded strictly as UTF-8 when it is reached: only
 * one piece is held at a time. Stops after the first piece that does not decode.
 */
export function* decodedPieces(
  path: string,
  file: string,
  size: number = pieceBytes(),
  block?: number,
): Generator<DecodedPiece, void, undefined> {
  let line = 1;
  for (const bytes of bytePieces(path, size, block)) {
    const decoded: DecodeResult = decodeDocument(file, bytes, line);
    if (!decoded.ok) {
      yield decoded;
      return;
    }
    yield { ok: true, text: decoded.text, line };
    line += lineFeeds(bytes);
  }
}

/**
 * The file's text, decoded strictly as UTF-8 piece by piece: one string when it fits in one
 * piece, pieces otherwise; or the diagnostic of its first bad byte (`decodeDocument`).
 */
export function readTextPieces(
  path: string,
  file: string,
  size: number = pieceBytes(),
  block?: number,
): { ok: true; text: RdfText } | { ok: false; diagnostic: Diagnostic } {
  const pieces: string[] = [];
  for (const piece of decodedPieces(path, file, size, block)) {
    if (!piece.ok) return piece;
    pieces.push(piece.text);
  }
  return { ok: true, text: pieces.length <= 1 ? (pieces[0] ?? "") : new TextPieces(pieces) };
}
