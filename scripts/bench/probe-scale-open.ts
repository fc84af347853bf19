import { constants } from "node:buffer";
import fs from "node:fs";
import { Readable } from "node:stream";
import { Parser, type Quad } from "n3";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { openSnapshotSplit } from "./open-split.ts";

const mode = process.argv[2] ?? "snapshot";
const kb = process.argv[3] ?? "graph/kb.ttl";
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("probe-scale-open: run node with --expose-gc");

const phases: Record<string, number> = {};
async function timed<T>(name: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await step();
  phases[name] = (phases[name] ?? 0) + performance.now() - start;
  return value;
}

// Load every module this mode needs before the baseline, so code is not counted as data.
const { parseKnowledgeBaseTexts } = await import("../../src/graph/load.ts");
const { QuadGrouper, graphFromGroups, ownPrefixes } = await import("../../src/graph/from-quads.ts");
const { snapshotsWritten } = await import("../../src/graph/open.ts");
const { KnowledgeGraph } = await import("../../src/graph/knowledge-graph.ts");
gc();
gc();
const before = process.memoryUsage();

let held: unknown;
let triples: number | null = null;
let nodes: number | null = null;
let edges: number | null = null;
/** Work done after the graph is ready (the "first" mode's snapshot), not part of the total. */
const afterwards: Record<string, number> = {};
let readyAt: number | undefined;
const start = performance.now();
let n3Input: "string" | "stream" | null = null;
if (mode === "n3") {
  const bytes = await timed("read the file", () => fs.readFileSync(kb));
  // A text longer than V8's longest string (kb.ttl at 10,000 documents) is parsed as a stream
  // of 1 MiB slices of the bytes already read; the reading is not counted either way.
  n3Input = bytes.length < constants.MAX_STRING_LENGTH ? "string" : "stream";
  const text = n3Input === "string" ? await timed("read the file", () => bytes.toString()) : null;
  const quads = await timed("n3 Parser.parse (Turtle)", () =>
    text !== null ? new Parser({ format: "Turtle" }).parse(text) : parseSlices(bytes),
  );
  triples = quads.length;
  held = quads;
} else if (mode === "nocache" && fs.statSync(kb).size >= constants.MAX_STRING_LENGTH) {
  // Longer than V8's longest string (10,000 documents): the steps below read the file as one
  // string, so the real call is timed whole, as it reads a file that size.
  held = await timed("openKnowledgeGraph, no cache (the file is longer than one string)", () =>
    openKnowledgeGraph([kb], { cache: false }),
  );
} else if (mode === "nocache") {
  // In a function, so the text and the quads are garbage once it returns, as in the CLI.
  const steps = async () => {
    const text = await timed("read the file", () => fs.readFileSync(kb, "utf8"));
    const grouper = new QuadGrouper();
    let count = 0;
    const prefixes = await timed("parse the Turtle into subject groups (n3 streaming)", async () =>
      ownPrefixes(
        await parseKnowledgeBaseTexts([kb], [text], (q) => {
          count += 1;
          grouper.add(q);
        }),
      ),
    );
    triples = count;
    const build = await timed("build the graph from the groups (graphFromGroups)", () =>
      graphFromGroups(grouper),
    );
    return timed("lookup maps (KnowledgeGraph constructor)", () => {
      return new KnowledgeGraph(build, prefixes);
    });
  };
  held = await steps();
} else if (mode === "first") {
  held = await timed("openKnowledgeGraph, empty cache (parse, build)", () =>
    openKnowledgeGraph([kb], { cache: true, snapshot: "later" }),
  );
  // Not part of opening: the CLI writes the snapshot after it has answered.
  readyAt = performance.now();
  const t = readyAt;
  await snapshotsWritten();
  afterwards["write the snapshot (after the answer)"] = performance.now() - t;
} else {
  const split = await openSnapshotSplit(kb);
  held = split.kg;
  Object.assign(phases, split.phases);
}
const totalMs = (readyAt ?? performance.now()) - start;

if (held instanceof KnowledgeGraph) {
  nodes = held.order;
  edges = held.size;
}
gc();
gc();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    mode,
    n3Input,
    totalMs,
    phases,
    afterwards,
    triples,
    nodes,
    edges,
    heapBytes: after.heapUsed - before.heapUsed,
    externalBytes: after.external - before.external,
    rssBytes: after.rss,
    baselineRssBytes: before.rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    held: held === undefined ? 0 : 1,
  }),
);

/** n3's Parser on a stream of 1 MiB slices of `bytes`: the quads, once it has read them all. */
function parseSlices(bytes: Buffer): Promise<Quad[]> {
  const quads: Quad[] = [];
  const slices = function* () {
    for (let at = 0; at < bytes.length; at += 1 << 20) yield bytes.subarray(at, at + (1 << 20));
  };
  return new Promise((resolve, reject) => {
    new Parser({ format: "Turtle" }).parse(
      Readable.from(slices(), { objectMode: false }),
      (error, quad) => {
        if (error) reject(error);
        else if (quad) quads.push(quad);
        else resolve(quads);
      },
    );
  });
}
