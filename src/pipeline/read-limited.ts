/**
 * Reading and hashing an input file within a size limit, in bounded memory. The file is
 * opened without following a link and without blocking (a FIFO swapped in after the checks
 * of input-files.ts cannot hang the build), its descriptor is checked to be a regular file
 * no larger than the limit before a byte is read, and at most the limit is read.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { Diagnostic } from "../base/errors.ts";
import { fileDiagnostic, type InputFile, unreadable } from "./input-files.ts";

const CHUNK = 1 << 20;

/** The largest size an input may have, and the code to report when it is larger. */
export interface Limit {
  readonly bytes: number;
  readonly code: string;
  readonly hint: string;
}

/** The whole file, or undefined after recording why it was not read. */
export function readLimited(
  input: InputFile,
  limit: Limit,
  diagnostics: Diagnostic[],
): Buffer | undefined {
  const chunks: Buffer[] = [];
  const ok = eachChunk(input, limit, diagnostics, (chunk) => chunks.push(Buffer.from(chunk)));
  return ok ? Buffer.concat(chunks) : undefined;
}

/** The file's sha256 in hex, read in 1 MiB chunks, or undefined after recording why not. */
export function hashLimited(
  input: InputFile,
  limit: Limit,
  diagnostics: Diagnostic[],
): string | undefined {
  const hash = createHash("sha256");
  const ok = eachChunk(input, limit, diagnostics, (chunk) => hash.update(chunk));
  return ok ? hash.digest("hex") : undefined;
}

function eachChunk(
  input: InputFile,
  limit: Limit,
  diagnostics: Diagnostic[],
  use: (chunk: Uint8Array) => void,
): boolean {
  let fd: number;
  try {
    fd = openSync(input.path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    diagnostics.push(unreadable(input.file, error));
    return false;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      diagnostics.push(
        fileDiagnostic(
          "NotARegularFile",
          input.file,
          "it stopped being a regular file while it was read; it is not read",
          "only regular files are read; do not replace inputs during a build",
        ),
      );
      return false;
    }
    if (stats.size > limit.bytes) {
      diagnostics.push(tooLarge(input.file, `has ${stats.size} bytes`, limit));
      return false;
    }
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, limit.bytes + 1));
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, limit.bytes + 1 - total), null);
      if (n === 0) return true;
      total += n;
      // The file grew past the limit after it was looked at: stop, never read more.
      if (total > limit.bytes) {
        diagnostics.push(tooLarge(input.file, "grew past the limit while it was read", limit));
        return false;
      }
      use(buffer.subarray(0, n));
    }
  } catch (error) {
    diagnostics.push(unreadable(input.file, error));
    return false;
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, what: string, limit: Limit): Diagnostic {
  return fileDiagnostic(
    limit.code,
    file,
    `the file ${what}; the limit is ${limit.bytes} bytes`,
    limit.hint,
  );
}
