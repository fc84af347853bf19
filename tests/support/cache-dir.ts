/**
 * One snapshot cache for the whole test run: a 0700 folder made before the first test file
 * and removed after the last, so no test reads a graph cached by older code or by the user's
 * own runs, and nothing is left in the temp folder. Every test process gets its path
 * (`tests/support/cache-env.ts`), and so does every CLI a test spawns with `process.env`.
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
  return () => rmSync(dir, { recursive: true, force: true });
}
