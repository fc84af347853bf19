// openKnowledgeGraph: the RDF files are the source of truth, the snapshot cache only a faster
// way back to the same graph. The snapshot is shown to be read (a label changed in it shows
// up), a damaged one is rebuilt, every serialisation of the seed gives the same answers, and
// files that cannot be read fail with the error a person needs.
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.ts";
import { stats } from "../../src/audit/stats.ts";
import { InputError, UsageError } from "../../src/base/errors.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph, snapshotsWritten } from "../../src/graph/open.ts";
import { findPath } from "../../src/trace/path.ts";
import { trace } from "../../src/trace/trace.ts";
import { FRESH_GRAPH } from "../helpers/fresh-kb.ts";
import { rewriteSnapshot } from "../helpers/snapshot.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const GRAPH = FRESH_GRAPH;
const KB = join(GRAPH, "kb.ttl");
const DESIPRAMINE = "https://w3id.org/claimgraph/kb/entity/desipramine";
const QUERIES = [
  "desipramine",
  "NET",
  "desipramine primary target",
  "[2]",
  "[4]",
  "pmid:12183009",
  "claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0",
  "desipramin",
];

const scratch = mkdtempSync(join(tmpdir(), "claimgraph-open-"));
const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;
const savedNoCache = process.env.CLAIMGRAPH_NO_CACHE;
let cacheDir: string;
let n = 0;

beforeEach(() => {
  cacheDir = join(scratch, `cache-${n++}`);
  process.env.CLAIMGRAPH_CACHE_DIR = cacheDir;
  delete process.env.CLAIMGRAPH_NO_CACHE;
});

afterAll(() => {
  for (const [name, value] of [
    ["CLAIMGRAPH_CACHE_DIR", savedCacheDir],
    ["CLAIMGRAPH_NO_CACHE", savedNoCache],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(scratch, { recursive: true, force: true });
});

const snapshots = () =>
  existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith(".snapshot")) : [];

/** Everything a question can ask of a graph, for comparing two graphs. */
function answers(kg: KnowledgeGraph) {
  return {
    traces: QUERIES.map((q) => trace(kg, q)),
    path: findPath(kg, "desipramine", "liver metastases"),
    audit: audit(kg),
    stats: stats(kg),
  };
}

describe("the snapshot cache", () => {
  it("is not touched with cache: false", async () => {
    await openKnowledgeGraph([KB], { cache: false });
    expect(snapshots()).toEqual([]);
  });

  it("is not touched when CLAIMGRAPH_NO_CACHE is set and no option says otherwise", async () => {
    process.env.CLAIMGRAPH_NO_CACHE = "1";
    await openKnowledgeGraph([KB]);
    expect(snapshots()).toEqual([]);
  });

  it("is written on the first open and read on the next, with the same answers", async () => {
    const parsed = await openKnowledgeGraph([KB], { cache: false });
    const first = await openKnowledgeGraph([KB]);
    expect(snapshots()).toHaveLength(1);
    const second = await openKnowledgeGraph([KB]);
    expect(answers(first)).toEqual(answers(parsed));
    expect(answers(second)).toEqual(answers(parsed));
  });

  it('with snapshot: "later", answers first and writes the snapshot on the next turn', async () => {
    const parsed = await openKnowledgeGraph([KB], { cache: false });
    const kg = await openKnowledgeGraph([KB], { snapshot: "later" });
    // Synchronously after the open, as the CLI traces and prints: no snapshot yet.
    expect(answers(kg)).toEqual(answers(parsed));
    expect(snapshots()).toEqual([]);
    await snapshotsWritten();
    expect(snapshots()).toHaveLength(1);
    expect(answers(await openKnowledgeGraph([KB]))).toEqual(answers(parsed));
  });

  it("is what the next open reads: a label changed in the snapshot shows up", async () => {
    await openKnowledgeGraph([KB]);
    const [path] = snapshots();
    rewriteSnapshot(
      join(cacheDir, path as string),
      (text) => {
        const changed = text.replace(
          '"label":"desipramine"',
          '"label":"desipramine (from the snapshot)"',
        );
        expect(changed).not.toBe(text);
        return changed;
      },
      { reseal: true },
    );
    const kg = await openKnowledgeGraph([KB]);
    expect(trace(kg, "ent:desipramine").entity?.label).toBe("desipramine (from the snapshot)");
    // ... and the RDF is still the truth when the cache is bypassed.
    const fresh = await openKnowledgeGraph([KB], { cache: false });
    expect(trace(fresh, "ent:desipramine").entity?.label).toBe("desipramine");
  });

  it("is rebuilt from the RDF when damaged", async () => {
    await openKnowledgeGraph([KB]);
    const path = join(cacheDir, snapshots()[0] as string);
    const good = readFileSync(path);
    writeFileSync(path, '{"format": 1, "graph": ');
    const kg = await openKnowledgeGraph([KB]);
    expect(trace(kg, "desipramine").total).toBe(43);
    expect(readFileSync(path)).toEqual(good);
  });

  it("keeps one snapshot per set of files: an edited file is parsed again and replaces it", async () => {
    const copy = join(scratch, "copy.ttl");
    copyFileSync(KB, copy);
    await openKnowledgeGraph([copy]);
    // Opening the same, unchanged file again reads its snapshot.
    await openKnowledgeGraph([copy]);
    expect(snapshots()).toHaveLength(1);
    const text = readFileSync(KB, "utf8");
    writeFileSync(
      copy,
      text.replace(
        /(ent:desipramine a [^\n]*\n\s*)rdfs:label "desipramine";/,
        '$1rdfs:label "desipramine (edited)";',
      ),
    );
    const before = snapshots();
    const kg = await openKnowledgeGraph([copy]);
    expect(snapshots()).toHaveLength(1);
    expect(snapshots()).not.toEqual(before);
    expect(trace(kg, "ent:desipramine").entity?.label).toBe("desipramine (edited)");
  });
});

describe("every serialisation of the seed", () => {
  it.each(["kb.trig", "kb.nq"])("%s gives the answers graph/kb.ttl gives", async (file) => {
    const turtle = await openKnowledgeGraph([KB], { cache: false });
    const other = await openKnowledgeGraph([join(GRAPH, file)], { cache: false });
    // N-Quads declares no prefixes; prefixed names are compared below, on their own.
    const strip = (a: ReturnType<typeof answers>) => ({
      ...a,
      traces: a.traces.filter((t) => !t.query.startsWith("claim:")),
    });
    expect(strip(answers(other))).toEqual(strip(answers(turtle)));
  });

  it("kb.trig knows the prefixed names kb.ttl knows", async () => {
    const kg = await openKnowledgeGraph([join(GRAPH, "kb.trig")], { cache: false });
    expect(trace(kg, "ent:desipramine").entity?.id).toBe(DESIPRAMINE);
    expect(kg.compact(DESIPRAMINE)).toBe("ent:desipramine");
  });

  it("kb.nq knows the prefixed names kb.ttl knows", async () => {
    const kg = await openKnowledgeGraph([join(GRAPH, "kb.nq")], { cache: false });
    expect(kg.compact(DESIPRAMINE)).toBe("ent:desipramine");
    expect(trace(kg, "ent:desipramine").entity?.id).toBe(DESIPRAMINE);
  });
});

describe("files that cannot be read", () => {
  it("a missing file is a UsageError naming it", async () => {
    const missing = join(scratch, "no-such.ttl");
    const error = await openKnowledgeGraph([missing], { cache: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).name).toBe("UsageError");
    expect((error as UsageError).message).toContain(missing);
  });

  it("a file of no known format is a UsageError", async () => {
    const odd = join(scratch, "kb.rdf");
    writeFileSync(odd, "<rdf:RDF/>");
    const error = await openKnowledgeGraph([odd], { cache: false }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("UsageError");
  });

  it("broken Turtle is an InputError at the unterminated literal, and nothing is loaded", async () => {
    const broken = join(ROOT, "tests", "fixtures", "kb", "broken.ttl");
    const error = await openKnowledgeGraph([KB, broken], { cache: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).name).toBe("InputError");
    expect((error as InputError).diagnostics).toEqual([
      expect.objectContaining({
        code: "RdfSyntax",
        severity: "error",
        file: "tests/fixtures/kb/broken.ttl",
        line: 9,
        column: 16,
      }),
    ]);
    expect(snapshots()).toEqual([]);
  });
});

describe("a graph opened twice", () => {
  it("answers independently (indexes are per graph)", async () => {
    const a = await openKnowledgeGraph([KB], { cache: false });
    const b = await openKnowledgeGraph(
      [join(ROOT, "tests", "fixtures", "kb", "hand-written.ttl")],
      {
        cache: false,
      },
    );
    expect(trace(a, "desipramine").entity?.id).toBe(DESIPRAMINE);
    expect(trace(b, "desipramine").match).toBe("none");
    expect(trace(b, "imipramine").match).toBe("entity");
    expect(trace(a, "imipramine").match).toBe("none");
  });
});
