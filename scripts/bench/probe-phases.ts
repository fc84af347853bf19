import fs from "node:fs";

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

let kg: Awaited<ReturnType<typeof openKnowledgeGraph>>;
if (mode === "snapshot") {
  const { openSnapshotSplit } = await import("./open-split.ts");
  const split = await openSnapshotSplit(kb);
  kg = split.kg;
  Object.assign(phases, split.phases);
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
