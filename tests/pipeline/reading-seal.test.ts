// The seal on a stored reading opens only under the key it was made with, and only for the
// same piece, key and document; the user's seal is kept in the cache folder.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { READINGS_KEY, ReadingSeal, userSeal } from "../../src/pipeline/reading-seal.ts";

const scratch = mkdtempSync(join(tmpdir(), "claimgraph-reading-seal-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const KEY = "a".repeat(64);
const FILE = "sources/a.md";
const PIECE = Buffer.from("a stored reading's bytes");

describe("ReadingSeal", () => {
  const seal = new ReadingSeal(randomBytes(32));
  const made = seal.seal(KEY, FILE, PIECE);

  it("opens its own seal, the same for the same piece, key and document", () => {
    expect(made).toMatch(/^[0-9a-f]{64}$/);
    expect(seal.seal(KEY, FILE, Buffer.from(PIECE))).toBe(made);
    expect(seal.opens(made, KEY, FILE, PIECE)).toBe(true);
  });

  it("does not open for another piece, key or document, nor under another secret", () => {
    const other = Buffer.from(PIECE);
    other[0] = (other[0] as number) ^ 1;
    expect(seal.opens(made, KEY, FILE, other)).toBe(false);
    expect(seal.opens(made, "b".repeat(64), FILE, PIECE)).toBe(false);
    expect(seal.opens(made, KEY, "sources/b.md", PIECE)).toBe(false);
    expect(new ReadingSeal(randomBytes(32)).opens(made, KEY, FILE, PIECE)).toBe(false);
    expect(seal.opens("", KEY, FILE, PIECE)).toBe(false);
    expect(seal.opens(made.slice(0, 62), KEY, FILE, PIECE)).toBe(false);
  });

  it("is the user's kept key's, or one for this build alone with the reason and a hint", () => {
    const env = { CLAIMGRAPH_CACHE_DIR: join(scratch, "cache") };
    const kept = userSeal(env);
    expect(kept).toMatchObject({ kept: true, refusal: undefined });
    expect(userSeal(env).seal(KEY, FILE, PIECE)).toBe(kept.seal(KEY, FILE, PIECE));
    const off = userSeal({ ...env, CLAIMGRAPH_NO_CACHE: "1" });
    expect(off.kept).toBe(false);
    expect(off.refusal).toMatchObject({
      path: join(env.CLAIMGRAPH_CACHE_DIR, READINGS_KEY),
      reason: expect.stringMatching(/CLAIMGRAPH_NO_CACHE/),
      hint: expect.stringMatching(/unset CLAIMGRAPH_NO_CACHE/),
    });
    expect(off.seal(KEY, FILE, PIECE)).not.toBe(kept.seal(KEY, FILE, PIECE));
  });
});
