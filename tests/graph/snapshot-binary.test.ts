// The binary snapshot (format 5): a knowledge base opened from it answers trace, audit, stats,
// compare and conflicts exactly as the parsed one — on the seed and on the agreement corpus —
// without building graphology's graph for trace, stats or audit; a snapshot of the JSON format
// (3) is rejected and rewritten; and one forged with a matching digest but columns that do not
// hold together is rejected before anything is read from it.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MultiDirectedGraph } from "graphology";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { agreementOf } from "../../src/agreement/agreement.ts";
import { conflictReport } from "../../src/agreement/conflict-report.ts";
import { audit } from "../../src/audit/audit.ts";
import { stats } from "../../src/audit/stats.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { decodeSnapshot, SNAPSHOT_FORMAT, SnapshotRejected } from "../../src/graph/snapshot.ts";
import { viewBody } from "../../src/graph/snapshot-layout.ts";
import { prepare, writeBuild } from "../../src/pipeline/pipeline.ts";
import { comparison } from "../../src/projection/compare.ts";
import { trace } from "../../src/trace/trace.ts";
import { AGREEMENT_SOURCES } from "../helpers/agreement-gold.ts";
import { NO_CURATION } from "../helpers/build.ts";
import { cachePerTest } from "../helpers/cache-per-test.ts";
import { snapshotFiles } from "../helpers/snapshot.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SEED = join(ROOT, "graph", "kb.ttl");
const DESIPRAMINE = "https://w3id.org/claimgraph/kb/entity/desipramine";
const FLUOXETINE = "https://w3id.org/claimgraph/kb/entity/fluoxetine";

const cacheDir = cachePerTest("claimgraph-snapshot-binary-");
let scratch: string;
let agreementKb: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "claimgraph-snapshot-binary-kb-"));
  writeBuild(prepare({ sources: AGREEMENT_SOURCES, curation: NO_CURATION }), scratch);
  agreementKb = join(scratch, "kb.ttl");
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every question the issue names, asked of `kg`; trace first, before anything else runs. */
function answers(kg: KnowledgeGraph, queries: readonly string[]) {
  const traced = queries.map((q) => trace(kg, q));
  return {
    traced,
    audit: audit(kg),
    stats: stats(kg),
    compare: comparison(kg, [DESIPRAMINE, FLUOXETINE]),
    conflicts: conflictReport(kg),
    agreement: agreementOf(kg),
  };
}

const corpora: Array<[string, () => string, readonly string[]]> = [
  ["the seed", () => SEED, ["desipramine", "[4]", "pmid:12183009", "fluoxetine", "NET"]],
  ["the agreement corpus", () => agreementKb, ["desipramine", "sertraline", "mirtazapine", "[1]"]],
];

describe("a knowledge base opened from the binary snapshot", () => {
  it.each(corpora)("answers as the parsed one, on %s", async (_, kb, queries) => {
    const parsed = answers(await openKnowledgeGraph([kb()], { cache: false }), queries);
    await openKnowledgeGraph([kb()]);
    const header = headerOf(snapshotFiles(cacheDir())[0] as string);
    expect(header.format).toBe(SNAPSHOT_FORMAT);
    // Trace, stats and audit read the snapshot's columns: no graphology graph is built for them.
    const built = vi.spyOn(MultiDirectedGraph.prototype, "addNode");
    const imported = vi.spyOn(MultiDirectedGraph.prototype, "import");
    try {
      const kg = await openKnowledgeGraph([kb()]);
      const traced = queries.map((q) => trace(kg, q));
      stats(kg);
      audit(kg);
      expect(built).not.toHaveBeenCalled();
      expect(imported).not.toHaveBeenCalled();
      expect({ ...answers(kg, []), traced }).toEqual(parsed);
      expect([kg.order, kg.size]).toEqual([header.nodes, header.edges]);
    } finally {
      built.mockRestore();
      imported.mockRestore();
    }
  });

  it("of the JSON format (3) is rejected, answered from the RDF and rewritten", async () => {
    const parsed = await openKnowledgeGraph([SEED], { cache: false });
    await openKnowledgeGraph([SEED]);
    const path = snapshotFiles(cacheDir())[0] as string;
    const old = headerOf(path);
    const body = Buffer.from(
      JSON.stringify({
        graph: parsed.graph.export(),
        predicateLabels: [...parsed.predicateLabels],
        prefixes: {},
        skipped: parsed.skipped,
      }),
    );
    writeSnapshot(path, { ...old, format: 3 }, body);
    const kg = await openKnowledgeGraph([SEED]);
    expect(trace(kg, "desipramine")).toEqual(trace(parsed, "desipramine"));
    expect(headerOf(path).format).toBe(SNAPSHOT_FORMAT);
  });
});

/** Edits to a good snapshot's columns, each resealed with a matching digest. */
const forgeries: Array<[string, (c: Columns, n: number, e: number) => void]> = [
  ["an edge's target past the last node", (c, n) => c.target.fill(n, 0, 1)],
  ["an edge's kind that does not exist", (c) => c.edgeKind.fill(200, 0, 1)],
  ["a node's in-edges listing another's edge", (c) => swapFirstDiffering(c.inEdges, c.target)],
  ["the IRI order not sorted", (c) => c.byIri.reverse()],
  ["an attribute offset past the blob", (c, n) => c.attrStart.fill(0xffffffff, n, n + 1)],
  ["IRI offsets going down", (c) => c.iriStart.fill(0xfffffff, 1, 2)],
];

type Columns = Exclude<ReturnType<typeof viewBody>, string>["columns"];

describe("a snapshot forged with a matching digest", () => {
  it.each(forgeries)("%s is rejected", async (_, forge) => {
    await openKnowledgeGraph([SEED]);
    const path = snapshotFiles(cacheDir())[0] as string;
    const { header, body } = split(readFileSync(path));
    const view = viewBody(body, header.nodes, header.edges);
    if (typeof view === "string") throw new Error(view);
    forge(view.columns, header.nodes, header.edges);
    const name = path.slice(path.lastIndexOf("/") + 1);
    await expect(decodeSnapshot(resealed(header, body), name)).rejects.toThrow(SnapshotRejected);
    // Through the open: the RDF answers, and the forged file is replaced.
    writeSnapshot(path, header, body);
    const kg = await openKnowledgeGraph([SEED]);
    expect(trace(kg, "desipramine").total).toBe(43);
  });

  it("a node's attributes that are not its own are rejected when it is read", async () => {
    await openKnowledgeGraph([SEED]);
    const path = snapshotFiles(cacheDir())[0] as string;
    const { header, body } = split(readFileSync(path));
    const view = viewBody(body, header.nodes, header.edges);
    if (typeof view === "string") throw new Error(view);
    const at = view.columns.attrStart[0] as number;
    view.blob.write("[", at);
    const name = path.slice(path.lastIndexOf("/") + 1);
    const kg = await decodeSnapshot(resealed(header, body), name);
    expect(() => kg.forEachNode(() => {})).toThrow(SnapshotRejected);
  });
});

interface Header {
  format: number;
  key: string;
  bytes: number;
  sha256: string;
  nodes: number;
  edges: number;
}

function headerOf(path: string): Header {
  return split(readFileSync(path)).header;
}

function split(data: Buffer): { header: Header; body: Buffer } {
  const end = data.indexOf(0x0a);
  const header = JSON.parse(data.subarray(0, end).toString("utf8")) as Header;
  // A copy on a word boundary, so the columns can be edited in place.
  const body = Buffer.from(Uint8Array.prototype.slice.call(data.subarray(end + 1)));
  return { header, body };
}

function resealed(header: Header, body: Buffer): Buffer {
  const sealed = {
    ...header,
    bytes: body.length,
    sha256: createHash("sha256").update(body).digest("hex"),
  };
  const line = JSON.stringify(sealed);
  const padded = line.padEnd(Math.ceil((line.length + 1) / 8) * 8 - 1, " ");
  return Buffer.concat([Buffer.from(`${padded}\n`), body]);
}

function writeSnapshot(path: string, header: Header, body: Buffer): void {
  writeFileSync(path, resealed(header, body));
}

/** Swaps two in-edge entries of nodes with different targets. */
function swapFirstDiffering(list: Uint32Array, target: Uint32Array): void {
  const first = list[0] as number;
  const j = list.findIndex((edge) => target[edge] !== target[first]);
  list[0] = list[j] as number;
  list[j] = first;
}
