// A closed pipe ends claimgraph quietly, as it ends `cat`: each command's output piped into a
// reader that takes 10 bytes and leaves (`| head -c 10`), or one gone before anything is
// written (`| true`: audit's and stats' output fits in the pipe's buffer, so only a reader
// already gone makes their write fail), exits 0 with nothing on stderr. Runs the bundled CLI
// (dist/, built by `npm run build:cli`) through a real pipe.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** claimgraph's exit code (bash's PIPESTATUS) and stderr, its stdout piped into `reader`. */
function into(reader: string, args: readonly string[]): { code: number; err: string } {
  const r = spawnSync(
    "bash",
    [
      "-c",
      `"$0" bin/claimgraph.js "$@" | ${reader} > /dev/null; exit "\${PIPESTATUS[0]}"`,
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
    ["export", ["export", "--format", "nquads"]],
  ])("%s | head -c 10 exits 0 without a stack trace", (_, args) => {
    expect(existsSync(join(ROOT, "dist", "main.js")), "run `npm run build:cli`").toBe(true);
    const r = into("head -c 10", args);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  it.each([
    ["audit", ["audit"]],
    ["stats --json", ["stats", "--json"]],
  ])("%s | true (a reader already gone) exits 0 without a stack trace", (_, args) => {
    const r = into("true", args);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });
});
