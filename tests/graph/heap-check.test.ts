// The heap estimate (src/graph/heap-check.ts): files that need more heap than the process may
// use are refused at once, naming the largest file and the --max-old-space-size to run with.
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/base/errors.ts";
import { checkHeap, HEAP_PER_FILE_BYTE } from "../../src/graph/heap-check.ts";

const MiB = 1024 * 1024;

describe("checkHeap", () => {
  it("passes files whose estimate fits the limit, to the byte", () => {
    expect(() => checkHeap(["a.ttl"], [100 * MiB], 100 * MiB * HEAP_PER_FILE_BYTE)).not.toThrow();
    expect(() => checkHeap([], [])).not.toThrow();
    // The seed and any test file fit the heap of this process.
    const limit = v8.getHeapStatistics().heap_size_limit;
    expect(() => checkHeap(["a.ttl"], [Math.floor(limit / HEAP_PER_FILE_BYTE)])).not.toThrow();
  });

  it("refuses files one byte over, naming the largest and the heap to ask for", () => {
    const limit = 4096 * MiB;
    const sizes = [100 * MiB, Math.floor(limit / HEAP_PER_FILE_BYTE) - 100 * MiB + 1];
    const error = (() => {
      try {
        checkHeap(["small.ttl", "graph/kb.ttl"], sizes, limit);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UsageError);
    const { message, hint } = error as UsageError;
    expect(message).toBe(
      `knowledge base file "graph/kb.ttl" (1948 MB and 1 more file(s)) needs at least 4096 MB of memory to read; this process may use 4096 MB`,
    );
    expect(hint).toBe(
      "give Node.js more memory: NODE_OPTIONS=--max-old-space-size=7168 claimgraph …; or split the knowledge base",
    );
  });
});
