// A closed pipe ends claimgraph quietly, as it ends `cat`: each command's output piped into a
// reader that takes 10 bytes and leaves (`| head -c 10`) exits 0 with nothing on stderr. Runs
// the bundled CLI (dist/, built by `npm run build:cli`) through a real pipe.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** claimgraph's exit code (bash's PIPESTATUS) and stderr, its stdout read by `head -c 10`. */
function intoHead(args: readonly string[]): { code: number; err: string } {
  const r = spawnSync(
    "bash",
    [
      "-c",
      `"$0" bin/claimgraph.js "$@" | head -c 10 > /dev/null; exit "\${PIPESTATUS[0]}"`,
      process.execPath,
      ...args,
    ],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
  );
  return { code: r.status ?? -1, err: r.stderr };
}

describe("a closed stdout", () => {
  it.each([
    ["trace --json", ["trace", "--json", "desipramine"]],
    ["query", ["query", "SELECT * WHERE { ?s ?p ?o }"]],
    ["query --format json", ["query", "--format", "json", "SELECT * WHERE { ?s ?p ?o }"]],
  ])("%s | head -c 10 exits 0 without a stack trace", (_, args) => {
    expect(existsSync(join(ROOT, "dist", "main.js")), "run `npm run build:cli`").toBe(true);
    const r = intoHead(args);
    expect(r.err).not.toMatch(/EPIPE|Error|at /);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });
});
