// `build --bibliography` and `export --format csl-json|bibtex|ris` from the command line: the
// compiled bundle (npm run build:cli) loads citation-js, a bad bibliography fails with
// file:line:col and a hint, and an export to a file is written whole.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Cite } from "../../src/bibliography/cite.ts";
import { ROOT } from "../helpers/build.ts";
import { removeTempDirs, run, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const FIXTURES = join(ROOT, "tests", "fixtures", "bibliography");
const bin = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, "bin", "claimgraph.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });

describe("bibliographies on the command line", () => {
  it("the bundle exports the enriched works as BibTeX that citation-js reads", () => {
    const r = bin("export", "--format", "bibtex", "--bibliography", join(FIXTURES, "seed.ris"));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning[BibliographyUnmatched]");
    const memory = new Cite(r.stdout).data.find((i) => i.PMID === "12183009");
    expect(memory).toMatchObject({ "container-title": "Brain Res Bull" });
  });

  it("a bibliography that does not parse stops the build at its line and column, with a hint", async () => {
    const bad = join(tempDir(), "library.bib");
    writeFileSync(bad, "@article{a,\n  title = {unclosed\n");
    const r = await run(["build", "--out", join(tempDir(), "out"), "--bibliography", bad]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/library\.bib:3:1: error\[BadBibliography\]/);
    expect(r.err).toContain("hint:");
  });

  it("a missing bibliography is a usage error", async () => {
    const r = await run(["build", "--out", join(tempDir(), "out"), "--bibliography", "no.bib"]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('bibliography "no.bib" is not a file');
  });

  it("--out writes the CSL-JSON whole, and --bibliography may be repeated", async () => {
    const out = join(tempDir(), "works.json");
    const r = await run([
      "export",
      "--format",
      "csl-json",
      "--out",
      out,
      "--bibliography",
      join(FIXTURES, "seed.json"),
      "--bibliography",
      join(FIXTURES, "seed.bib"),
    ]);
    expect(r.code).toBe(0);
    const items = JSON.parse(readFileSync(out, "utf8")) as { id: string }[];
    expect(items.map((i) => i.id)).toContain("pmid-12183009");
    // Two entries for one work, one in each file: ambiguous, reported, nothing taken.
    expect(r.err).toContain("warning[BibliographyAmbiguous]");
  });
});
