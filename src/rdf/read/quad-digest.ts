/**
 * A fingerprint of a set of quads that is built one quad at a time and holds 8 bytes per quad:
 * the 64-bit hash of each quad's canonical line (`quadLine`, as `quadSet` makes them), sorted
 * and without repeats. Two digests are equal exactly when the two sets of lines are (up to a
 * hash collision, which for a million quads is about one chance in 10^13 of hiding a
 * difference), so formats compare as `quadSet`s did without holding any line.
 */
import { hash } from "node:crypto";
import type { Quad } from "@rdfjs/types";
import { quadLine } from "./export-text.ts";

export class QuadSetDigest {
  /** Two 32-bit words per hash; viewed as 64-bit integers when sealed. */
  private words = new Uint32Array(2 * 4096);
  private length = 0;
  private distinct: BigUint64Array | undefined;

  add(quad: Quad): void {
    this.addLine(quadLine(quad));
  }

  addLine(line: string): void {
    if (this.distinct) throw new Error("QuadSetDigest.add: the digest is already sealed");
    if (2 * this.length === this.words.length) {
      const grown = new Uint32Array(2 * this.words.length);
      grown.set(this.words);
      this.words = grown;
    }
    const digest = hash("sha1", line, "buffer");
    this.words[2 * this.length] = digest.readUInt32LE(0);
    this.words[2 * this.length + 1] = digest.readUInt32LE(4);
    this.length++;
  }

  /** How many distinct quads went in. */
  get size(): number {
    return this.sealed().length;
  }

  equals(other: QuadSetDigest): boolean {
    const a = this.sealed();
    const b = other.sealed();
    if (a.length !== b.length) return false;
    const x = new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);
    const y = new Uint32Array(b.buffer, b.byteOffset, 2 * b.length);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    return true;
  }

  /** The distinct hashes in order; adding ends here. */
  private sealed(): BigUint64Array {
    if (this.distinct) return this.distinct;
    const all = new BigUint64Array(this.words.buffer, 0, this.length).sort();
    let kept = 0;
    for (let i = 0; i < all.length; i++) {
      if (kept > 0 && all[i] === all[kept - 1]) continue;
      all[kept++] = all[i] as bigint;
    }
    this.distinct = all.subarray(0, kept);
    return this.distinct;
  }
}
