/**
 * The triples a Turtle view has written, remembered across its sections so that the whole
 * view holds each triple once. At ten thousand documents that is millions of triples kept for
 * the whole build, so each is remembered by the SHA-256 of its key (44 characters of base64)
 * rather than by the key itself (often 150 and more): less than half the memory. Two
 * different triples with one digest would be a SHA-256 collision, which no one knows how to
 * make, so the view stays exact, hostile documents included. A key that is not well-formed
 * UTF-16 (a lone surrogate, which UTF-8 would hash as U+FFFD) is kept whole instead: no
 * source decodes to one, but two such keys must not meet under one digest.
 */
import { hash } from "node:crypto";

/** A surrogate not paired (in `u` mode, a pair reads as one code point outside this range). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export class SeenTriples {
  readonly #digests = new Set<string>();

  /** True the first time `key` is seen, false every time after. */
  firstTime(key: string): boolean {
    // A digest is base64, so it never holds the U+0001 that every triple's key holds.
    const digest = LONE_SURROGATE.test(key) ? key : hash("sha256", key, "base64");
    if (this.#digests.has(digest)) return false;
    this.#digests.add(digest);
    return true;
  }

  get size(): number {
    return this.#digests.size;
  }
}
