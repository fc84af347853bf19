/**
 * Writing a file into the cache folder so that no one else can read it or redirect the write:
 * a temporary file with an unpredictable name, created exclusively (`O_EXCL`: never an
 * existing file, never through a symbolic link, `O_NOFOLLOW` besides) and 0600, written in
 * full, then renamed over the final name. A write that fails (a full disk) removes the
 * temporary file and leaves any earlier file of that name as it was. Reading likewise
 * follows no link and takes only a regular file that is the user's and private to them.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { ownedByUs, uid } from "./dir.ts";

/** The file operations the writer uses; tests replace one to make it fail. */
export interface FileOps {
  readonly openSync: (path: string, flags: number, mode: number) => number;
  readonly writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  readonly closeSync: (fd: number) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly unlinkSync: (path: string) => void;
}

const nodeOps: FileOps = {
  openSync: (path, flags, mode) => fs.openSync(path, flags, mode),
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (path) => fs.unlinkSync(path),
};

/** The suffix of temporary files; `*.tmp` files left by a killed process are evicted. */
export const TEMP_SUFFIX = ".tmp";

const { O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
// O_NOFOLLOW is not defined on Windows, where O_EXCL alone refuses an existing link.
const CREATE_FLAGS = O_WRONLY | O_CREAT | O_EXCL | (fs.constants.O_NOFOLLOW ?? 0);

/** Writes `parts` one after another to `path` (0600), all or nothing. Throws on failure. */
export function writePrivateFile(
  path: string,
  parts: readonly Uint8Array[],
  ops: FileOps = nodeOps,
): void {
  const temp = `${path}.${randomBytes(8).toString("hex")}${TEMP_SUFFIX}`;
  const fd = ops.openSync(temp, CREATE_FLAGS, 0o600);
  let closed = false;
  try {
    for (const part of parts) {
      for (let done = 0; done < part.length; ) {
        done += ops.writeSync(fd, part, done, part.length - done);
      }
    }
    closed = true;
    ops.closeSync(fd);
    ops.renameSync(temp, path);
  } catch (error) {
    if (!closed) ignore(() => ops.closeSync(fd));
    ignore(() => ops.unlinkSync(temp));
    throw error;
  }
}

function ignore(step: () => void): void {
  try {
    step();
  } catch {
    // Already gone, or the error being reported says more.
  }
}

/**
 * The bytes of `path` if it is a regular file of the user's that no one else may read or
 * write, and marks it used (its modification time, which eviction goes by); else undefined.
 */
export function readPrivateFile(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    const private_ = uid() === undefined || (st.mode & 0o077) === 0;
    if (!st.isFile() || !ownedByUs(st) || !private_) return undefined;
    const data = fs.readFileSync(fd);
    const now = new Date();
    ignore(() => fs.futimesSync(fd, now, now));
    return data;
  } catch {
    return undefined;
  } finally {
    ignore(() => fs.closeSync(fd));
  }
}
