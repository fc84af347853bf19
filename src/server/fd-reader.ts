/**
 * A stream of bytes `start` to `end` of an open file descriptor, read with positional reads
 * so that any number of them share one descriptor. Unlike `fs.createReadStream({ fd })`,
 * destroying it never closes the descriptor (the download cache owns that), and it ends
 * only after its last read has come back, so the owner can close it safely on "close".
 */
import { read } from "node:fs";
import { Readable } from "node:stream";

const CHUNK = 64 * 1024;

export class FdReader extends Readable {
  private position: number;
  private reading = false;
  private whenIdle: (() => void) | undefined;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: CHUNK });
    this.position = start;
  }

  override _read(size: number): void {
    const length = Math.min(Math.max(size, CHUNK), this.end + 1 - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    this.reading = true;
    read(this.fd, buffer, 0, length, this.position, (error, bytes) => {
      this.reading = false;
      this.whenIdle?.();
      if (this.destroyed) return;
      if (error) {
        this.destroy(error);
        return;
      }
      if (bytes === 0) {
        this.destroy(new Error("the file ended before the range did"));
        return;
      }
      this.position += bytes;
      this.push(bytes < length ? buffer.subarray(0, bytes) : buffer);
    });
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    if (!this.reading) {
      done(error);
      return;
    }
    this.whenIdle = () => done(error);
  }
}
