// Reading a file in byte pieces (src/rdf/read/file-pieces.ts): pieces end after line feeds, the
// text decoded piece by piece is the file's text even when the blocks read split a multi-byte
// character, and a bad byte in a later piece is placed at its line in the whole file.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  bytePieces,
  KB_PIECE_BYTES,
  pieceBytes,
  readTextPieces,
} from "../../../src/rdf/read/file-pieces.ts";
import { piecesOf, TextPieces } from "../../../src/rdf/read/text-pieces.ts";

const dir = mkdtempSync(join(tmpdir(), "claimgraph-file-pieces-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let made = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `${++made}.ttl`);
  writeFileSync(path, content);
  return path;
}

/** Lines of two-, three- and four-byte characters, so blocks of any size split some of them. */
const TEXT = Array.from({ length: 40 }, (_, i) => `:s${i} :p "é€😀 ${"x".repeat(i % 7)}" .\n`).join(
  "",
);

describe("bytePieces", () => {
  it("ends every piece but the last after its last line feed, filled up to `size` bytes", () => {
    const path = file(`${TEXT}no break at the end`);
    const pieces = [...bytePieces(path, 50, 7)];
    expect(pieces.length).toBeGreaterThan(10);
    for (const [i, piece] of pieces.slice(0, -1).entries()) {
      expect(piece.length).toBeLessThanOrEqual(50);
      expect(piece.at(-1)).toBe(0x0a);
      // The next piece's first line would not have fitted.
      const next = pieces[i + 1] as Buffer;
      const firstLine = next.indexOf(0x0a) === -1 ? next.length : next.indexOf(0x0a) + 1;
      expect(piece.length + firstLine).toBeGreaterThan(50);
    }
    expect(Buffer.concat(pieces).toString("utf8")).toBe(`${TEXT}no break at the end`);
  });

  it("keeps a line longer than `size` whole, and gives nothing for an empty file", () => {
    const long = `${"y".repeat(300)}\nz\n`;
    expect([...bytePieces(file(long), 10, 3)].map((p) => p.toString())).toEqual([
      `${"y".repeat(300)}\n`,
      "z\n",
    ]);
    expect([...bytePieces(file(long), 1000)].map((p) => p.toString())).toEqual([long]);
    expect([...bytePieces(file(""), 10)]).toEqual([]);
  });

  it("refuses a FIFO at once instead of waiting for a writer, and a folder", () => {
    const fifo = join(dir, "kb-fifo.ttl");
    execFileSync("mkfifo", [fifo]);
    // The old open ("r") blocked here for ever: no process ever writes into this FIFO.
    expect(() => [...bytePieces(fifo, 10)]).toThrow("it is not a regular file");
    expect(() => [...bytePieces(dir, 10)]).toThrow("it is not a regular file");
  });
});

describe("readTextPieces", () => {
  it.each([1, 2, 3, 5, 64])(
    "decodes the file's text, read in blocks of %i bytes that split characters",
    (block) => {
      const path = file(TEXT);
      const read = readTextPieces(path, "x.ttl", 60, block);
      if (!read.ok) throw new Error(read.diagnostic.message);
      expect(read.text).toBeInstanceOf(TextPieces);
      expect(piecesOf(read.text).length).toBeGreaterThan(10);
      expect(piecesOf(read.text).join("")).toBe(TEXT);
    },
  );

  it("gives one string when the file fits in one piece", () => {
    const read = readTextPieces(file(TEXT), "x.ttl", TEXT.length * 4, 5);
    expect(read).toEqual({ ok: true, text: TEXT });
    expect(readTextPieces(file(""), "x.ttl", 10)).toEqual({ ok: true, text: "" });
  });

  it("places a byte that is not UTF-8 at its line and column in the whole file", () => {
    const bytes = Buffer.concat([
      Buffer.from(TEXT),
      Buffer.from(':bad :p "é'),
      Buffer.from([0xff]),
      Buffer.from('" .\n'),
    ]);
    for (const size of [30, 100, 1_000_000]) {
      const read = readTextPieces(file(bytes), "x.ttl", size, 7);
      expect(read.ok).toBe(false);
      if (read.ok) continue;
      expect(read.diagnostic).toMatchObject({
        code: "InvalidUtf8",
        file: "x.ttl",
        line: 41,
        column: 11,
        message: "invalid UTF-8 byte 0xff",
      });
    }
  });

  it("places a NUL byte at its line in the message, in a later piece", () => {
    const read = readTextPieces(file(`${TEXT}:a :b "c\u0000" .\n`), "x.ttl", 60, 7);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.diagnostic.code).toBe("BinaryInput");
    expect(read.diagnostic.message).toContain("a NUL byte on line 41, column 9");
  });
});

describe("pieceBytes", () => {
  it("is KB_PIECE_BYTES unless CLAIMGRAPH_KB_PIECE_BYTES sets a smaller positive size", () => {
    expect(pieceBytes({})).toBe(KB_PIECE_BYTES);
    expect(KB_PIECE_BYTES).toBe(256 * 1024 * 1024);
    expect(pieceBytes({ CLAIMGRAPH_KB_PIECE_BYTES: "4096" })).toBe(4096);
    for (const bad of ["0", "-5", "1.5", "lots", ""])
      expect(pieceBytes({ CLAIMGRAPH_KB_PIECE_BYTES: bad })).toBe(KB_PIECE_BYTES);
    expect(pieceBytes({ CLAIMGRAPH_KB_PIECE_BYTES: String(2 ** 40) })).toBe(KB_PIECE_BYTES);
  });
});
