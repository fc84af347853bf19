/**
 * Whether a knowledge graph can be built from the knowledge-base files in the memory the
 * process may use. A file is held as text while it is parsed, and the graph built from it takes
 * several times more: a file too large for the JavaScript heap would end the process with V8's
 * "heap out of memory" crash, after minutes of reading. It is refused at once instead, naming
 * the file and the heap size to run with. The estimate (HEAP_PER_FILE_BYTE) is what the graph
 * was measured to need with room to collect garbage: a file just under what it needs does not
 * crash at once but runs for many times as long, collecting garbage.
 */
import { statSync } from "node:fs";
import v8 from "node:v8";
import { UsageError } from "../base/errors.ts";
import type { RdfFormat } from "../rdf/read/guarded-parser.ts";
import { formatOf, MAX_KB_FILE_BYTES } from "./load.ts";

/**
 * Heap bytes that building the graph from a file takes, per byte of the file, by its syntax.
 * Measured on the seed's files repeated under new names (README.md, "Large
 * knowledge-base files"): 66 MB of Turtle failed in a 400 MB heap and opened in 480 MB, 100 MB of N-Quads
 * failed in 200 MB and opened in 300 MB; 670 MB of Turtle in the default 4 GB heap (6 bytes
 * per byte) collected garbage for over ten minutes. TriG holds Turtle's statements in 1.4
 * times the bytes.
 */
export const HEAP_PER_FILE_BYTE: Readonly<Record<RdfFormat, number>> = {
  Turtle: 7,
  TriG: 5,
  "N-Triples": 3,
  "N-Quads": 3,
};

const MIB = 1024 * 1024;

/**
 * Files of this many bytes or fewer in all are not estimated: their graph fits the default heap
 * of any machine (2 GB or more), and a hostile file that small is refused by the reader, at its
 * line and column, before it builds anything.
 */
export const ESTIMATED_ABOVE = 64 * MIB;

/**
 * Throws a UsageError when building the graph from `files` needs more heap than `limit` bytes
 * (by default the process's own limit, which --max-old-space-size sets). `sizes` are the files'
 * sizes in bytes (by default, as they are on disk).
 */
export function checkHeap(
  files: readonly string[],
  limit: number = v8.getHeapStatistics().heap_size_limit,
  sizes: readonly number[] = files.map((file) => statSync(file).size),
): void {
  // A file over MAX_KB_FILE_BYTES is refused by the reader, with its own diagnostic.
  const counted = sizes.map((size) => (size > MAX_KB_FILE_BYTES ? 0 : size));
  if (counted.reduce((n, s) => n + s, 0) <= ESTIMATED_ABOVE) return;
  const needs = files.map((file, i) => (counted[i] ?? 0) * perByte(file));
  const need = needs.reduce((n, s) => n + s, 0);
  if (need <= limit) return;
  let largest = 0;
  for (const [i, n] of needs.entries()) if (n > (needs[largest] ?? 0)) largest = i;
  const others = files.length > 1 ? ` and ${files.length - 1} more file(s)` : "";
  const suggest = Math.ceil((need * 1.5) / 1024 / MIB) * 1024;
  throw new UsageError(
    `knowledge base file "${files[largest]}" (${mb(sizes[largest] ?? 0)} MB${others}) needs about ${mb(need)} MB of memory to open; this process may use ${mb(limit)} MB`,
    `give Node.js more memory: NODE_OPTIONS=--max-old-space-size=${suggest} claimgraph …; or split the knowledge base`,
  );
}

function perByte(file: string): number {
  const format = formatOf(file);
  return format === undefined ? 0 : HEAP_PER_FILE_BYTE[format];
}

function mb(bytes: number): number {
  return Math.round(bytes / MIB);
}
