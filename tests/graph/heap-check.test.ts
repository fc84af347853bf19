// The heap estimate (src/graph/heap-check.ts): files whose graph needs more heap than the
// process may use are refused at once, naming the largest file and the heap to run with, and
// openKnowledgeGraph asks it before reading a byte.
import v8 from "node:v8";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/base/errors.ts";
import { checkHeap, HEAP_PER_FILE_BYTE } from "../../src/graph/heap-check.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";

const MiB = 1024 * 1024;

function refusal(run: () => unknown): UsageError | undefined {
  try {
    run();
  } catch (e) {
    return e as UsageError;
  }
  return undefined;
}

describe("checkHeap", () => {
  it("passes files whose estimate fits the limit, to the byte, by their syntax", () => {
    const limit = 2100 * MiB;
    expect(() => checkHeap(["a.ttl"], limit, [300 * MiB])).not.toThrow();
    expect(() => checkHeap(["a.nq"], limit, [700 * MiB])).not.toThrow();
    expect(() => checkHeap(["a.trig"], limit, [420 * MiB])).not.toThrow();
    expect(() => checkHeap(["a.trig"], limit, [420 * MiB + 1])).toThrow(UsageError);
    expect(() => checkHeap([], limit, [])).not.toThrow();
    expect(HEAP_PER_FILE_BYTE).toEqual({ Turtle: 7, TriG: 5, "N-Triples": 3, "N-Quads": 3 });
  });

  it("refuses files one byte over, naming the one that needs most and the heap to ask for", () => {
    const limit = 4096 * MiB;
    const error = refusal(() =>
      checkHeap(["small.nq", "graph/kb.ttl"], limit, [100 * MiB, (limit - 300 * MiB) / 7 + 1]),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toBe(
      `knowledge base file "graph/kb.ttl" (542 MB and 1 more file(s)) needs about 4096 MB of memory to open; this process may use 4096 MB`,
    );
    expect(error?.hint).toBe(
      "give Node.js more memory: NODE_OPTIONS=--max-old-space-size=7168 claimgraph …; or split the knowledge base",
    );
  });

  it("reads the sizes from disk and the limit from V8 by default: the seed fits", () => {
    expect(v8.getHeapStatistics().heap_size_limit).toBeGreaterThan(100 * MiB);
    expect(() => checkHeap([FRESH_KB])).not.toThrow();
    expect(refusal(() => checkHeap([FRESH_KB], 1000))?.message).toMatch(/needs about 2 MB/);
  });
});

describe("openKnowledgeGraph", () => {
  it("refuses a knowledge base too large for its heap limit before reading it", async () => {
    const error = await openKnowledgeGraph([FRESH_KB], { cache: false, heapLimit: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(`knowledge base file "${FRESH_KB}"`);
    expect((error as UsageError).hint).toContain("--max-old-space-size=");
  });
});
