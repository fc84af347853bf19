/**
 * Tests mirror src/ (#12): a test file sits in the folder of the code it tests, so the tests of
 * any room are found at the same path under tests/. Only the tests that cut across the whole
 * pipeline sit elsewhere, in the folders named below.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const TESTS = join(ROOT, "tests");

/** Folders of tests that test no single room of src/, and why. */
const ACROSS = new Map([
  ["architecture", "the layout itself: import direction, function length, this mirror"],
  ["bench", "scripts/bench's flow: where the figures go, the exit code"],
  ["docs", "README.md true to the code: its commands, transcripts, queries, options and ports"],
  ["corpus", "the generated corpus, built and traced end to end"],
  ["e2e", "the viewer in Chromium against a running server"],
  ["fidelity", "scripts/fidelity's scorer and the reading scores"],
  ["fuzz", "whole-pipeline fuzzing of documents"],
  ["helpers", "the test helpers, and tests of the helpers themselves"],
  ["support", "vitest setup: the cache per run, the summary reporter"],
]);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" ? [] : testFiles(path);
    return e.name.endsWith(".test.ts") ? [relative(TESTS, path)] : [];
  });
}

/** Why a test file's place does not mirror src/, or undefined when it does. */
function misplaced(file: string, srcExists: (folder: string) => boolean): string | undefined {
  const folder = dirname(file);
  if (folder === ".") return "sits at the top of tests/, in no room";
  if (ACROSS.has(folder.split("/")[0] as string)) return undefined;
  return srcExists(folder) ? undefined : `src/${folder} does not exist`;
}

describe("tests mirror src/", () => {
  const files = testFiles(TESTS);

  it("finds the tests", () => {
    expect(files.length).toBeGreaterThan(80);
    expect(files).toContain("rdf/read/n3-public-api.test.ts");
  });

  it("every test file sits in the folder of a room of src/, or in a folder that cuts across", () => {
    const wrong = files.flatMap((f) => {
      const why = misplaced(f, (folder) => existsSync(join(ROOT, "src", folder)));
      return why ? [`${f}: ${why}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it("names a test at the top, one under a folder src/ lacks, and passes one that mirrors", () => {
    const src = new Set(["rdf/write", "trace"]);
    const has = (folder: string) => src.has(folder);
    expect(misplaced("slug.test.ts", has)).toBe("sits at the top of tests/, in no room");
    expect(misplaced("references/works.test.ts", has)).toBe("src/references does not exist");
    expect(misplaced("rdf/write/exports.test.ts", has)).toBeUndefined();
    expect(misplaced("e2e/viewer.test.ts", has)).toBeUndefined();
  });
});
