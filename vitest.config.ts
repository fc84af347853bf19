import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Every test run gets its own snapshot cache, removed at the end (tests/support/cache-dir.ts).
    globalSetup: ["./tests/support/cache-dir.ts"],
    setupFiles: ["./tests/support/cache-env.ts"],
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
