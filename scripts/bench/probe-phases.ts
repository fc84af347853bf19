/**
 * The cold-start probe: in a fresh process, the steps `claimgraph trace desipramine`
 * takes, each timed once (run.mjs runs it many times and takes medians). It prints one
 * JSON object: phase name → milliseconds.
 *
 * `snapshot` mode calls the real openKnowledgeGraph with the snapshot cache and splits its
 * time by wrapping what it calls (file reads, sha256, JSON.parse, graphology's import,
 * the node pass that builds the lookups); whatever the wrappers do not see is reported as
 * the remainder. `nocache` mode takes the steps openKnowledgeGraph takes without a
 * snapshot one by one, through the same exported functions.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const mode = process.argv[2] === "nocache" ? "nocache" : "snapshot";
const kb = process.argv[3] ?? "graph/kb.ttl";
const query = process.argv[4] ?? "desipramine";
const phases: Record<string, number> = {};
// performance.now() counts from the process's time origin, so the first reading is the
// time Node took before running this module.
phases["node bootstrap, until the first line of user code"] = performance.now();

async function timed<T>(name: string, step: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await step();
  phases[name] = (phases[name] ?? 0) + performance.now() - start;
  return value;
}

// The CLI's bundle loads commander and the graph modules before it runs a command.
await timed("import commander (the CLI's argument parser)", () => import("commander"));
const { openKnowledgeGraph } = await timed(
  "import graphology and the graph modules",
  () => import("../../src/graph/open.ts"),
);
const { MultiDirectedGraph } = await import("graphology");

let kg: Awaited<ReturnType<typeof openKnowledgeGraph>>;
if (mode === "snapshot") {
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
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        inside[phase] = (inside[phase] ?? 0) + performance.now() - start;
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
  // The bundle imports readFileSync from node:fs by name; this updates that binding.
  syncBuiltinESMExports();
  const start = performance.now();
  kg = await openKnowledgeGraph([kb], { cache: true });
  const total = performance.now() - start;
  for (const undo of restore) undo();
  syncBuiltinESMExports();
  let seen = 0;
  for (const [name, ms] of Object.entries(inside)) {
    phases[name] = ms;
    seen += ms;
  }
  phases["rest of openKnowledgeGraph"] = total - seen;
} else {
  const text = await timed("read the KB file", () => fs.readFileSync(kb, "utf8"));
  const { readKnowledgeBaseTexts } = await timed(
    "import n3 and the RDF reader",
    () => import("../../src/graph/load.ts"),
  );
  const { graphFromQuads } = await timed(
    "import the quads → graph builder",
    () => import("../../src/graph/from-quads.ts"),
  );
  const { KnowledgeGraph } = await import("../../src/graph/knowledge-graph.ts");
  const { quads, prefixes } = await timed("parse the Turtle (n3)", () =>
    readKnowledgeBaseTexts([kb], [text]),
  );
  // A small file: openKnowledgeGraph does not copy its strings (see COPY_ABOVE in open.ts).
  const build = await timed("build the graph from the quads", () =>
    graphFromQuads(quads, { copy: false }),
  );
  kg = await timed(
    "lookup maps (KnowledgeGraph constructor)",
    () => new KnowledgeGraph(build, prefixes),
  );
}

// As the CLI does: both at once (a dynamic import waits on file reads, so two in a row
// would cost more than the two together).
const [{ trace }, { renderTrace, style }] = await timed("import the trace and render modules", () =>
  Promise.all([import("../../src/trace/trace.ts"), import("../../src/trace/render.ts")]),
);
const result = await timed(`trace(kg, "${query}"), first call`, () => trace(kg, query));
const text = await timed("render the answer, first call", () =>
  renderTrace(kg, result, style(false)),
);
phases["total until the answer is ready"] = performance.now();

process.stdout.write(
  JSON.stringify({ mode, phases, claims: result.total, outputChars: text.length }),
);
