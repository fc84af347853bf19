/**
 * One snapshot cache for the whole test run: a 0700 folder made before the first test file
 * and removed after the last, so no test reads a graph cached by older code or by the user's
 * own runs, and nothing is left in the temp folder. Every test process gets its path
 * (`tests/support/cache-env.ts`), and so does every CLI a test spawns with `process.env`, and
 * the global setup's own seed build (its readings key, reading-seal.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    claimgraphCacheDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "claimgraph-test-cache-"));
  project.provide("claimgraphCacheDir", dir);
  // The seed build of fresh-build.ts runs in this process: its readings key goes here too,
  // not into the user's own cache folder.
  const saved = process.env.CLAIMGRAPH_CACHE_DIR;
  process.env.CLAIMGRAPH_CACHE_DIR = dir;
  return () => {
    if (saved === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
    else process.env.CLAIMGRAPH_CACHE_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  };
}
