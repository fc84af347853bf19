// ownString: a name cut from a large text, kept, must not keep the large text alive (V8 keeps a
// slice as a view of its parent). Ten slices of ten 8 MB texts: kept as they are they hold
// about 80 MB; as strings of their own, nothing of the texts (one at most may
// not yet be collected).
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ownString } from "../../src/base/own-string.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap growth, in MB, from keeping `keep` of ten fresh 8 MB texts. */
function retained(keep: (s: string) => string): { mb: number; kept: string[] } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 10; i++) {
    const text = `${i}${"ab".repeat(4_000_000)}`;
    kept.push(keep(text.slice(1, 41)));
  }
  gc();
  return { mb: (process.memoryUsage().heapUsed - before) / 1e6, kept };
}

describe("ownString", () => {
  it("is the same string", () => {
    expect(ownString("short")).toBe("short");
    const long = `https://example.org/${"x".repeat(100)}`;
    expect(ownString(long.slice(8))).toBe(long.slice(8));
  });

  it("keeps nothing of the text it was cut from, where a slice keeps all of it", () => {
    const sliced = retained((s) => s);
    expect(sliced.mb).toBeGreaterThan(60);
    const own = retained(ownString);
    // At most one text may still be about when the heap is measured (the loop's last).
    expect(own.mb).toBeLessThan(20);
    expect(own.kept).toEqual(sliced.kept);
  });
});
