// Each test of a file gets a cache folder of its own (`CLAIMGRAPH_CACHE_DIR`, not yet made),
// under one scratch folder removed with the environment restored after the file's tests.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach } from "vitest";

/** Registers the hooks; the returned function gives the current test's cache folder. */
export function cachePerTest(prefix: string): () => string {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  const saved = { ...process.env };
  let n = 0;
  let dir = "";
  beforeEach(() => {
    dir = join(scratch, `cache-${n++}`);
    process.env.CLAIMGRAPH_CACHE_DIR = dir;
    delete process.env.CLAIMGRAPH_NO_CACHE;
  });
  afterAll(() => {
    process.env = saved;
    rmSync(scratch, { recursive: true, force: true });
  });
  return () => dir;
}
