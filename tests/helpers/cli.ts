// Helpers for CLI tests: run `main()` in-process with captured output, and make throwaway
// folders (a sources folder from fixtures, an output folder) that are removed afterwards.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { main } from "../../src/cli/main.ts";
import type { Io } from "../../src/cli/output.ts";
import { snapshotsWritten } from "../../src/graph/open.ts";

export interface RunResult {
  readonly code: number;
  /** Everything written to standard output, each write ending in a newline. */
  readonly out: string;
  readonly err: string;
}

/**
 * Runs the CLI in this process, as `claimgraph <argv...>` would, and captures what it prints.
 * Like the process, it ends once the snapshots the command scheduled are written: else one
 * could land in a cache folder after the test file removed it, and leave it behind.
 */
export async function run(argv: readonly string[]): Promise<RunResult> {
  let out = "";
  let err = "";
  const line = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  const io: Io = {
    out: (text) => {
      out += line(text);
    },
    err: (text) => {
      err += line(text);
    },
  };
  const code = await main(argv, io);
  await snapshotsWritten();
  return { code, out, err };
}

const made: string[] = [];

/** A new empty folder under the system temp folder; `removeTempDirs` deletes it. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimgraph-test-"));
  made.push(dir);
  return dir;
}

/** Deletes every folder `tempDir` made; call it from `afterAll`. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh sources folder holding copies of `files` (paths to fixture documents). */
export function copySources(files: readonly string[]): string {
  const dir = join(tempDir(), "sources");
  mkdirSync(dir);
  for (const file of files) copyFileSync(file, join(dir, basename(file)));
  return dir;
}

/** A path inside a new temp folder that does not exist: "no curation" for `--curation`. */
export function missingDir(): string {
  return join(tempDir(), "no-such-folder");
}

/**
 * `claimgraph build` of a sources folder holding only the fixture `dir/file`, with no
 * curation, into a fresh output folder; `extra` arguments go last.
 */
export async function buildFixture(dir: string, file: string, extra: readonly string[] = []) {
  const sources = copySources([join(dir, file)]);
  const out = join(tempDir(), "out");
  const result = await run([
    "build",
    "--sources",
    sources,
    "--curation",
    missingDir(),
    "--out",
    out,
    ...extra,
  ]);
  return { ...result, path: join(sources, file), out };
}
