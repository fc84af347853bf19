// scripts/virtuoso/start.sh when the store does not answer in time: it says so, stops the
// Virtuoso it started before removing the pid file (so no server is left running that no file
// names), and exits 1. A missing Virtuoso fails the test run, as for the other store tests.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/build.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The Virtuoso processes started on `dir`'s configuration. */
function serversOf(dir: string): string {
  return spawnSync("pgrep", ["-f", `${dir}/virtuoso.ini`], { encoding: "utf8" }).stdout.trim();
}

describe("scripts/virtuoso/start.sh", () => {
  it("stops the server it started when it does not answer in time, then exits 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "claimgraph-virtuoso-"));
    dirs.push(dir);
    const [http, isql] = [await freePort(), await freePort()];
    const result = spawnSync("bash", [join(ROOT, "scripts", "virtuoso", "start.sh"), dir], {
      encoding: "utf8",
      env: {
        ...process.env,
        VIRTUOSO_HTTP_PORT: String(http),
        VIRTUOSO_ISQL_PORT: String(isql === http ? await freePort() : isql),
        VIRTUOSO_BUFFERS: "4000",
        // No store answers within 0 s: it takes seconds to start.
        VIRTUOSO_START_TIMEOUT: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /did not answer on http:\/\/127\.0\.0\.1:\d+\/sparql within 0s \(stopped\)/,
    );
    expect(existsSync(join(dir, "virtuoso.pid"))).toBe(false);
    expect(serversOf(dir)).toBe("");
  });
});
