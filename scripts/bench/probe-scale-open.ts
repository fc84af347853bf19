/**
 * The scale probe for opening a knowledge base: one fresh process per measurement, run by
 * scale.mjs (bundled like the other probes, so it runs the code the CLI runs). It prints one
 * JSON object: the phases in ms, the total, and the memory held once the graph is open.
 *
 *   n3        only parse the Turtle with n3's Parser (the baseline of the ratio)
 *   nocache   the steps openKnowledgeGraph takes without a snapshot, one by one
 *   first     the real openKnowledgeGraph with an empty cache, as the CLI calls it (parse and
 *             build; the snapshot is written after the graph is returned, timed apart)
 *   snapshot  the real openKnowledgeGraph with a primed cache, split by wrapping what it calls
 *
 * Memory: heapUsed after global.gc() with the graph open, minus heapUsed after gc() before the
 * file was read (so the modules' own code and data are not counted), and the process's RSS.
 * Run with --expose-gc.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { MultiDirectedGraph } from "graphology";
import { Parser } from "n3";
import { openKnowledgeGraph } from "../../src/graph/open.ts";

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
if (mode === "n3") {
  const text = await timed("read the file", () => fs.readFileSync(kb, "utf8"));
  const quads = await timed("n3 Parser.parse (Turtle)", () =>
    new Parser({ format: "Turtle" }).parse(text),
  );
  triples = quads.length;
  held = quads;
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
  // Wrap what openKnowledgeGraph calls, as probe-phases.ts does for the seed.
  const inside: Record<string, number> = {
    "read the KB file and the snapshot": 0,
    "sha256 of the KB text (snapshot key)": 0,
    "JSON.parse the snapshot": 0,
    "graphology import() of the snapshot": 0,
    "lookup maps (KnowledgeGraph node pass)": 0,
  };
  const restore: Array<() => void> = [];
  const wrap = <O extends object>(owner: O, key: keyof O & string, phase: string): void => {
    const original = owner[key] as unknown as (...args: unknown[]) => unknown;
    (owner as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
      const t = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        inside[phase] = (inside[phase] ?? 0) + performance.now() - t;
      }
    };
    restore.push(() => {
      (owner as Record<string, unknown>)[key] = original;
    });
  };
  const hashProto = Object.getPrototypeOf(crypto.createHash("sha256")) as object;
  const graphProto = MultiDirectedGraph.prototype as object;
  wrap(fs, "readFileSync", "read the KB file and the snapshot");
  wrap(hashProto, "update" as never, "sha256 of the KB text (snapshot key)");
  wrap(hashProto, "digest" as never, "sha256 of the KB text (snapshot key)");
  wrap(JSON, "parse", "JSON.parse the snapshot");
  wrap(graphProto, "import" as never, "graphology import() of the snapshot");
  wrap(graphProto, "forEachNode" as never, "lookup maps (KnowledgeGraph node pass)");
  syncBuiltinESMExports();
  const t = performance.now();
  held = await openKnowledgeGraph([kb], { cache: true });
  const total = performance.now() - t;
  for (const undo of restore) undo();
  syncBuiltinESMExports();
  let seen = 0;
  for (const [name, ms] of Object.entries(inside)) {
    phases[name] = ms;
    seen += ms;
  }
  phases["rest of openKnowledgeGraph"] = total - seen;
}
const totalMs = (readyAt ?? performance.now()) - start;

if (held instanceof KnowledgeGraph) {
  nodes = held.graph.order;
  edges = held.graph.size;
}
gc();
gc();
const after = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    mode,
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
