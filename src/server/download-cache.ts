/**
 * The knowledge base as one Turtle file for the viewer's download, made once per version of
 * the `--kb` files (their device, inode, size and change times) and kept in a private file,
 * never in memory: it is created 0600 with exclusive creation in a fresh 0700 folder, which
 * is removed with its name at once, so only the open descriptor holds it and nothing is left
 * on disk, even if the process is killed. Every download reads its own byte range of that
 * descriptor (positional reads, so downloads never disturb one another); a version replaced
 * by a newer one is closed when its last download ends.
 */
import { createHash } from "node:crypto";
import { close, createReadStream, open, write } from "node:fs";
import { mkdtemp, rmdir, stat, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { promisify } from "node:util";
import { FdReader } from "./fd-reader.ts";

const openFd = promisify(open);
const closeFd = promisify(close);
const writeFd = promisify(write);

/** The knowledge base as Turtle: its text, or a stream of its bytes. */
export type Serialise = (files: readonly string[]) => Promise<string | Readable>;

/** The default: a single Turtle file as it is, anything else written by `turtleOf`. */
export const serialiseFiles: Serialise = async (files) => {
  const only = files.length === 1 ? files[0] : undefined;
  if (only?.toLowerCase().endsWith(".ttl")) return createReadStream(only);
  const { turtleOf } = await import("./turtle.ts");
  return turtleOf(files);
};

/** One version of the download: its size, its ETag, and reads of it. */
export interface Version {
  readonly size: number;
  /** A strong ETag: a digest of the bytes. */
  readonly etag: string;
  /**
   * Bytes `start` to `end` (inclusive), which end the lease when the stream closes. A lease
   * that reads nothing is ended with `release`.
   */
  read(start: number, end: number): Readable;
  release(): void;
}

class CachedVersion {
  private users = 0;
  private retired = false;
  private closed = false;

  constructor(
    readonly key: string,
    /** Which serialisation made it: a later one is never replaced by an earlier one. */
    readonly serial: number,
    private readonly fd: number,
    readonly size: number,
    readonly etag: string,
  ) {}

  /** A lease on this version: it stays open until released. */
  lease(): Version {
    this.users += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.users -= 1;
      this.closeIfUnused();
    };
    return {
      size: this.size,
      etag: this.etag,
      read: (start, end) => new FdReader(this.fd, start, end).once("close", release),
      release,
    };
  }

  retire(): void {
    this.retired = true;
    this.closeIfUnused();
  }

  private closeIfUnused(): void {
    // Checked after the current microtasks: every download waiting for this version's
    // serialisation takes its lease in them, before the descriptor can close under it.
    setImmediate(() => {
      if (this.retired && this.users === 0 && !this.closed) {
        this.closed = true;
        close(this.fd, () => {});
      }
    });
  }
}

export class DownloadCache {
  private current: CachedVersion | undefined;
  private pending: { key: string; made: Promise<CachedVersion> } | undefined;
  /** Why the files' last version could not be serialised: not tried again until they change. */
  private failure: { key: string; error: unknown } | undefined;
  private serials = 0;
  private closed = false;

  constructor(
    private readonly files: readonly string[],
    private readonly serialise: Serialise = serialiseFiles,
  ) {}

  /** The files' current version, serialised first when it is not cached yet. */
  async version(): Promise<Version> {
    const key = await this.key();
    if (this.current?.key === key) return this.current.lease();
    if (this.failure?.key === key) throw this.failure.error;
    let pending = this.pending;
    if (pending?.key !== key) {
      const made = this.make(key, ++this.serials);
      const started = { key, made };
      pending = started;
      this.pending = started;
      made.then(
        (version) => this.adopt(version, started),
        (error: unknown) => {
          if (this.pending === started) this.pending = undefined;
          this.failure = { key, error };
        },
      );
    }
    const version = await pending.made;
    return version.lease();
  }

  /** The files' current version if it is cached (or why it failed); never serialises. */
  async cached(): Promise<Version | undefined> {
    const key = await this.key();
    if (this.failure?.key === key) throw this.failure.error;
    return this.current?.key === key ? this.current.lease() : undefined;
  }

  /** Closes the cached version once its downloads have ended. */
  close(): void {
    this.closed = true;
    this.current?.retire();
    this.current = undefined;
  }

  private adopt(version: CachedVersion, pending: { key: string }): void {
    if (this.pending === pending) this.pending = undefined;
    // A slower, older serialisation never replaces a newer one; it serves its own waiters.
    if (this.closed || (this.current && this.current.serial > version.serial)) {
      version.retire();
      return;
    }
    this.current?.retire();
    this.current = version;
  }

  private async key(): Promise<string> {
    const parts: string[] = [];
    for (const file of this.files) {
      const s = await stat(file, { bigint: true });
      parts.push(`${file}\0${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`);
    }
    return parts.join("\n");
  }

  private async make(key: string, serial: number): Promise<CachedVersion> {
    const fd = await privateFile();
    try {
      const content = await this.serialise(this.files);
      const hash = createHash("sha256");
      let size = 0;
      const chunks = typeof content === "string" ? [Buffer.from(content, "utf8")] : content;
      for await (const chunk of chunks) {
        const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer);
        hash.update(bytes);
        for (let done = 0; done < bytes.length; ) {
          const { bytesWritten } = await writeFd(fd, bytes, done, bytes.length - done, size + done);
          done += bytesWritten;
        }
        size += bytes.length;
      }
      return new CachedVersion(key, serial, fd, size, `"${hash.digest("base64url").slice(0, 32)}"`);
    } catch (error) {
      await closeFd(fd);
      throw error;
    }
  }
}

/** A descriptor of a new file only this process can reach: created 0600, its name removed. */
async function privateFile(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "claimgraph-serve-"));
  const path = join(dir, "kb.ttl");
  try {
    return await openFd(path, "wx+", 0o600);
  } finally {
    await unlink(path).catch(() => {});
    await rmdir(dir);
  }
}
