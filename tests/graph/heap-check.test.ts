// The heap estimate (src/graph/heap-check.ts): files whose graph needs more heap than the
// process may use are refused at once, naming the largest file and the heap to run with, and
// openKnowledgeGraph asks it before reading a byte.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import v8 from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { InputError, UsageError } from "../../src/base/errors.ts";
import { checkHeap, ESTIMATED_ABOVE, HEAP_PER_FILE_BYTE } from "../../src/graph/heap-check.ts";
import { MAX_KB_FILE_BYTES } from "../../src/graph/load.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";

const MiB = 1024 * 1024;
const scratch = mkdtempSync(join(tmpdir(), "claimgraph-heap-check-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

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

  it("estimates nothing for files of ESTIMATED_ABOVE bytes or fewer, nor for one over the limit", () => {
    expect(ESTIMATED_ABOVE).toBe(64 * MiB);
    expect(() => checkHeap(["a.ttl"], 1000, [ESTIMATED_ABOVE])).not.toThrow();
    expect(() => checkHeap(["a.ttl"], 1000, [ESTIMATED_ABOVE + 1])).toThrow(UsageError);
    expect(() => checkHeap(["big.ttl"], 1000, [MAX_KB_FILE_BYTES + 1])).not.toThrow();
    // The seed, read from disk against this process's own limit, is far below.
    expect(v8.getHeapStatistics().heap_size_limit).toBeGreaterThan(100 * MiB);
    expect(() => checkHeap([FRESH_KB], 1000)).not.toThrow();
  });
});

describe("openKnowledgeGraph", () => {
  it("refuses a knowledge base too large for its heap limit before reading a byte of it", async () => {
    // Sparse and all NUL bytes: read, it would be refused as binary instead.
    const file = join(scratch, "big.ttl");
    writeFileSync(file, "");
    truncateSync(file, 100 * MiB);
    const error = await openKnowledgeGraph([file], { cache: false, heapLimit: 600 * MiB }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      `knowledge base file "${file}" (100 MB) needs about 700 MB of memory to open; this process may use 600 MB`,
    );
    expect((error as UsageError).hint).toContain("--max-old-space-size=2048");
    expect(
      await openKnowledgeGraph([file], { cache: false }).catch((e: unknown) => e),
    ).toBeInstanceOf(InputError);
  });
});
