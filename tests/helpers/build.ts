// Builds shared by the RDF tests: the seed (graph/sources with graph/curation) and the second
// document (tests/fixtures/sources, no curation), each built once per test file, plus a scratch
// folder for files that external tools or the build itself must read from disk.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Built, build } from "../../src/pipeline/pipeline.ts";

/** The repository root, so tests do not depend on the working folder. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const SEED_SOURCES = join(ROOT, "graph", "sources");
export const SECOND_SOURCES = join(ROOT, "tests", "fixtures", "sources");

/** A curation folder that does not exist: the build then uses no curation at all. */
export const NO_CURATION = join(ROOT, "tests", "fixtures", "no-curation");

let seed: Built | undefined;
let second: Built | undefined;

/** The seed build: graph/sources with its default curation folder, graph/curation. */
export function seedBuild(): Built {
  seed ??= build({ sources: SEED_SOURCES });
  return seed;
}

/** The second document's build: tests/fixtures/sources, without curation. */
export function secondBuild(): Built {
  if (existsSync(NO_CURATION)) {
    throw new Error(`${NO_CURATION} exists; secondBuild() needs a curation path that does not`);
  }
  second ??= build({ sources: SECOND_SOURCES, curation: NO_CURATION });
  return second;
}

let tempRoot: string | undefined;

/** This process's scratch folder under the OS temporary folder, made on first use. */
export function tempDir(): string {
  tempRoot ??= mkdtempSync(join(tmpdir(), "claimgraph-test-"));
  return tempRoot;
}

/** Writes `text` to `name` (which may hold sub-folders) in the scratch folder; returns its path. */
export function writeTemp(name: string, text: string): string {
  const path = join(tempDir(), name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Removes the scratch folder; call it from `afterAll`. */
export function removeTemp(): void {
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
}
