import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Every test run gets its own snapshot cache, removed at the end (tests/support/cache-dir.ts),
    // and the seed built once, for the tests that read a knowledge base (not graph/kb.*).
    globalSetup: ["./tests/support/cache-dir.ts", "./tests/support/fresh-build.ts"],
    setupFiles: ["./tests/support/cache-env.ts"],
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
