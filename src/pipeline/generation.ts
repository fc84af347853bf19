/**
 * One generation of a build's outputs, written in pieces into a temporary folder under
 * `kb.generations/` (appends are buffered), each file hashed as it is written and flushed
 * to disk when closed. Its name is the digest of what it holds, so the same sources give the
 * same generation; out-layout.ts moves it into place and points the folder at it.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { OutputError } from "../base/errors.ts";
import { GENERATIONS, OUTPUT_NAMES, type OutputName, tempName } from "./out-names.ts";

interface Piece {
  readonly path: string;
  fd: number | undefined;
  pending: string[];
  pendingBytes: number;
  readonly hash: Hash;
  sha256?: string;
  size: number;
}

export class GenerationWriter {
  /** The temporary folder the files are written in. */
  readonly dir: string;
  /** The build's own files written beside the outputs (not in the digest): `writeFile`'s. */
  readonly extras: string[] = [];
  private readonly pieces = new Map<OutputName, Piece>();

  constructor(outDir: string) {
    const generations = join(outDir, GENERATIONS);
    mkdirSync(generations, { recursive: true });
    this.dir = join(generations, tempName("generation"));
    mkdirSync(this.dir);
    try {
      for (const name of OUTPUT_NAMES) {
        const fd = openSync(join(this.dir, name), "wx", 0o644);
        this.pieces.set(name, {
          path: join(this.dir, name),
          fd,
          pending: [],
          pendingBytes: 0,
          hash: createHash("sha256"),
          size: 0,
        });
      }
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  append(name: OutputName, text: string): void {
    const piece = this.piece(name);
    piece.pending.push(text);
    piece.pendingBytes += text.length;
    if (piece.pendingBytes > 1 << 22) flush(piece);
  }

  /**
   * Writes `name`, a file the next build reads (not an output, not in the digest), whole and
   * synced: `data`, or its chunks one after another.
   */
  writeFile(name: string, data: Uint8Array | string | readonly Uint8Array[]): void {
    const path = join(this.dir, name);
    const fd = openSync(path, "wx", 0o644);
    try {
      const chunks =
        typeof data === "string"
          ? [Buffer.from(data, "utf8")]
          : Array.isArray(data)
            ? data
            : [data];
      for (const chunk of chunks) writeAll(fd, chunk, path);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.extras.push(name);
  }

  /** Flushes, syncs and closes `name`; returns its sha256 (hex). */
  close(name: OutputName): string {
    const piece = this.piece(name);
    flush(piece);
    fsyncSync(piece.fd as number);
    closeSync(piece.fd as number);
    piece.fd = undefined;
    piece.sha256 = piece.hash.digest("hex");
    return piece.sha256;
  }

  /**
   * Closes every file; returns the generation's name (16 hex digits of the sha256 of each
   * file's name and sha256) and each file's size.
   */
  finish(): { digest: string; sizes: ReadonlyMap<OutputName, number> } {
    const lines: string[] = [];
    const sizes = new Map<OutputName, number>();
    for (const name of OUTPUT_NAMES) {
      const piece = this.pieces.get(name) as Piece;
      const sha = piece.sha256 ?? this.close(name);
      lines.push(`${name} ${sha}\n`);
      sizes.set(name, piece.size);
    }
    const fd = openSync(this.dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const digest = createHash("sha256").update(lines.join("")).digest("hex").slice(0, 16);
    return { digest, sizes };
  }

  /** Closes what is open and removes the temporary folder. */
  abort(): void {
    for (const piece of this.pieces.values()) {
      if (piece.fd !== undefined) closeSync(piece.fd);
      piece.fd = undefined;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private piece(name: OutputName): Piece {
    const piece = this.pieces.get(name);
    if (piece?.fd === undefined) throw new Error(`GenerationWriter: "${name}" is not open`);
    return piece;
  }
}

function flush(piece: Piece): void {
  if (piece.fd === undefined || piece.pending.length === 0) return;
  const text = piece.pending.join("");
  const bytes = Buffer.from(text, "utf8");
  piece.hash.update(bytes);
  piece.size += bytes.length;
  writeAll(piece.fd, bytes, piece.path);
  piece.pending = [];
  piece.pendingBytes = 0;
}

function writeAll(fd: number, bytes: Uint8Array, path: string): void {
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
  } catch (error) {
    // A full disk or a failing device: the build stops as an output error, not a crash.
    throw new OutputError(path, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}
