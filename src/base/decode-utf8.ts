/**
 * Decodes a file's bytes strictly as UTF-8 so bad input is located: used for source documents
 * and for knowledge-base files alike, so it sits below both.
 */
import type { Diagnostic } from "./errors.ts";

interface BytePosition {
  readonly line: number;
  readonly column: number;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * Decodes a file's bytes as UTF-8, refusing binary data (NUL bytes) and invalid
 * sequences with a located diagnostic. A byte-order mark is kept, so offsets stay
 * those of the raw file. `bytes` may be a part of a file that starts a line: `firstLine` is
 * that line's number, so places are those in the whole file.
 */
export function decodeDocument(file: string, bytes: Uint8Array, firstLine = 1): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // The whole file is refused, so the error points at its start; the message says where.
    const at = locateByte(bytes, nul, firstLine);
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
    const at = locateByte(bytes, bad, firstLine);
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
function locateByte(bytes: Uint8Array, offset: number, firstLine: number): BytePosition {
  let line = firstLine;
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
