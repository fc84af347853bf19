/**
 * Whether the knowledge-base files can be read in the memory the process may use. A file is
 * held as text while it is parsed, and the graph built from it takes a few times more: a file
 * too large for the JavaScript heap would end the process with V8's "heap out of memory"
 * crash, after minutes of reading. It is refused at once instead, naming the file and the
 * heap size to run with. The estimate is a low one (HEAP_PER_FILE_BYTE), so a refused file
 * would not have fitted.
 */
import v8 from "node:v8";
import { UsageError } from "../base/errors.ts";

/**
 * Heap bytes that reading a file takes at least, per byte of the file: its text, its quads
 * and its graph (measured on Turtle, N-Quads and TriG written by `claimgraph build`; see
 * BENCHMARKS.md, "Large knowledge-base files").
 */
export const HEAP_PER_FILE_BYTE = 2;

const MIB = 1024 * 1024;

/**
 * Throws a UsageError when the files, of `sizes` bytes, need more heap than `limit` bytes
 * (by default the process's own limit, which --max-old-space-size sets).
 */
export function checkHeap(
  files: readonly string[],
  sizes: readonly number[],
  limit: number = v8.getHeapStatistics().heap_size_limit,
): void {
  const total = sizes.reduce((n, s) => n + s, 0);
  const need = total * HEAP_PER_FILE_BYTE;
  if (need <= limit) return;
  let largest = 0;
  for (const [i, size] of sizes.entries()) if (size > (sizes[largest] ?? 0)) largest = i;
  const others = files.length > 1 ? ` and ${files.length - 1} more file(s)` : "";
  const suggest = Math.ceil((need * 1.5) / 1024 / MIB) * 1024;
  throw new UsageError(
    `knowledge base file "${files[largest]}" (${mb(sizes[largest] ?? 0)} MB${others}) needs at least ${mb(need)} MB of memory to read; this process may use ${mb(limit)} MB`,
    `give Node.js more memory: NODE_OPTIONS=--max-old-space-size=${suggest} claimgraph …; or split the knowledge base`,
  );
}

function mb(bytes: number): number {
  return Math.round(bytes / MIB);
}
