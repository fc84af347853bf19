// The extraction workers (#16.2): what crosses back is the reading one thread makes, a
// worker that throws or dies fails with WorkerFailure (no worker left running), and the
// worker's script is found beside the bundle or reported missing.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { WorkerFailure } from "../../src/base/errors.ts";
import type { CurationRows } from "../../src/curation/claims.ts";
import type { Lexicon } from "../../src/lexicon/lexicon.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { readDocument, type SourceFile } from "../../src/pipeline/document-reading.ts";
import { readInWorkers, workerBoot } from "../../src/pipeline/extract-pool.ts";
import { ROOT } from "../helpers/build.ts";
import { removeTempDirs, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const { lexicon } = loadLexicon(join(ROOT, "ontology"));
const NO_CURATION: CurationRows = { file: "claims.tsv", rows: [] };

function source(path: string): SourceFile {
  return { file: path, bytes: readFileSync(join(ROOT, path)) };
}

const SOURCES = [
  source("graph/sources/desipramine-vs-ssris.md"),
  source("tests/fixtures/sources/nortriptyline-vs-sertraline.md"),
  source("tests/fixtures/agreement/fluoxetine-versus-sertraline.md"),
];

/** How many worker threads this process runs (its diagnostic report lists them). */
const workersRunning = () => (process.report.getReport() as { workers: unknown[] }).workers.length;

describe("readInWorkers", () => {
  it("gives each document's reading, in order, as this thread reads it", async () => {
    const readings = await readInWorkers({ sources: SOURCES, lexicon, curation: NO_CURATION }, 2);
    const here = SOURCES.map((s) => readDocument(s, lexicon, NO_CURATION));
    // Strictly: the document's SourceText is one again, not a plain object.
    expect(readings).toStrictEqual(here);
    expect(readings.map((r) => r.extracted?.claims.length ?? 0).every((n) => n > 0)).toBe(true);
    expect(workersRunning()).toBe(0);
  });

  it("fails with WorkerFailure naming the document when a worker throws on it", async () => {
    // Rows without fields make the curated-claims step throw on every document: a bug.
    const broken = { file: "claims.tsv", rows: [{}] } as unknown as CurationRows;
    const failure = await readInWorkers({ sources: SOURCES, lexicon, curation: broken }, 2).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkerFailure);
    const { file, message, cause } = failure as WorkerFailure;
    expect(SOURCES.map((s) => s.file)).toContain(file);
    expect(message).toContain("TypeError");
    expect((cause as Error).stack).toContain("claims.ts");
    expect(workersRunning()).toBe(0);
  });

  it("fails with WorkerFailure, no document named, when a worker dies before reading", async () => {
    // Parts a lexicon cannot be made from: the worker's start throws, uncaught.
    const parts = { entities: [{ id: "x" }], predicates: new Map(), tableKinds: new Map() };
    const unusable = { parts } as unknown as Lexicon;
    const failure = await readInWorkers(
      { sources: SOURCES, lexicon: unusable, curation: NO_CURATION },
      2,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkerFailure);
    expect((failure as WorkerFailure).file).toBeUndefined();
    expect(workersRunning()).toBe(0);
  });
});

describe("workerBoot", () => {
  it("finds the bundle's worker beside its entry, from the entry or from chunks/", () => {
    const dist = tempDir();
    mkdirSync(join(dist, "chunks"));
    for (const ext of [".js", ".mjs"]) writeFileSync(join(dist, `extract-worker${ext}`), "");
    const worker = pathToFileURL(join(dist, "extract-worker.js")).href;
    const chunk = pathToFileURL(join(dist, "chunks", "pipeline-X.js")).href;
    const entry = pathToFileURL(join(dist, "main.js")).href;
    expect(workerBoot(chunk)).toEqual({ entry: worker, tsx: undefined });
    expect(workerBoot(entry)).toEqual({ entry: worker, tsx: undefined });
    // The benchmark's probes are bundled as .mjs: their worker is too.
    const probe = pathToFileURL(join(dist, "chunks", "chunk-Y.mjs")).href;
    expect(workerBoot(probe).entry).toBe(pathToFileURL(join(dist, "extract-worker.mjs")).href);
  });

  it("says the worker's script is missing from a bundle without it", () => {
    const here = pathToFileURL(join(tempDir(), "chunks", "pipeline-X.js")).href;
    expect(() => workerBoot(here)).toThrow(WorkerFailure);
    expect(() => workerBoot(here)).toThrow(/extract-worker\.js/);
  });

  it("runs the TypeScript source through tsx", () => {
    const boot = workerBoot(pathToFileURL(join(ROOT, "src/pipeline/extract-pool.ts")).href);
    expect(boot.entry).toBe(pathToFileURL(join(ROOT, "src/pipeline/extract-worker.ts")).href);
    expect(boot.tsx).toMatch(/tsx/);
  });
});
