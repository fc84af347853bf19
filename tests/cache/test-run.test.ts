// The test run's own snapshot cache (tests/support/cache-dir.ts): each run gets a private
// folder, every test process is pointed at it, and it is gone when the run ends — runs used
// to leave a `claimgraph-test-cache-*` folder in the temp dir each time. A nested vitest run
// of one small test file, with its temp dir in a fresh folder, shows it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "claimgraph-test-run-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("a test run leaves nothing in the temp dir", () => {
  const vitest = join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const r = spawnSync(process.execPath, [vitest, "run", "tests/base/slug.test.ts"], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: scratch, CLAIMGRAPH_CACHE_DIR: "" },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
  expect(readdirSync(scratch)).toEqual([]);
});
