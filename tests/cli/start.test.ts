/**
 * `claimgraph start --no-serve` (what `npm start` runs before serving) on a copy of the
 * project's graph/ as git checks it out: the links, the pointer and the generation it leads
 * to. Unchanged sources need no rebuild; a changed source gives a new generation, switched to,
 * and the old one removed.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, lstatSync, readdirSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ROOT } from "../helpers/build.ts";
import { removeTempDirs, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

function start(cwd: string) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "claimgraph.js"), "start", "--no-serve"], {
    cwd,
    encoding: "utf8",
  });
}

it("start builds into a new generation only when the sources changed", () => {
  expect(existsSync(join(ROOT, "dist", "main.js")), "run `npm run build:cli`").toBe(true);
  const project = tempDir();
  cpSync(join(ROOT, "graph"), join(project, "graph"), { recursive: true, verbatimSymlinks: true });
  const pointer = join(project, "graph", "kb.current");
  const committed = readlinkSync(pointer);

  const same = start(project);
  expect(same.status, same.stderr).toBe(0);
  expect(same.stdout).toContain("up to date");
  expect(readlinkSync(pointer)).toBe(committed);

  appendFileSync(
    join(project, "graph", "sources", "desipramine-vs-ssris.md"),
    "\nOne more line.\n",
  );
  const changed = start(project);
  expect(changed.status, changed.stderr).toBe(0);
  expect(changed.stdout).not.toContain("up to date");
  const now = readlinkSync(pointer);
  expect(now).toMatch(/^kb\.generations\/[0-9a-f]{16}$/);
  expect(now).not.toBe(committed);
  expect(readdirSync(join(project, "graph", "kb.generations"))).toEqual([
    now.slice("kb.generations/".length),
  ]);
  for (const name of ["kb.ttl", "kb.trig", "kb.nq", "kb.jsonld", "kb.manifest.json"]) {
    expect(lstatSync(join(project, "graph", name)).isSymbolicLink(), name).toBe(true);
  }
  const again = start(project);
  expect(again.stdout).toContain("up to date");
});
