import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// Every test run gets its own snapshot cache, so no test reads a graph cached by older code.
const cacheDir = mkdtempSync(join(tmpdir(), "claimgraph-test-cache-"));

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The seed built once per run, for the tests that read a knowledge base (not graph/kb.*).
    globalSetup: ["./tests/support/fresh-build.ts"],
    env: { CLAIMGRAPH_CACHE_DIR: cacheDir },
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
