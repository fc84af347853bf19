// Which curation `build` and `export` read when the sources are elsewhere (#14): the folder
// beside the sources, a named one, or none — and a build without curation says so unless
// `--no-curation` asked for it, instead of dropping the curated claims silently.
import { cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySources, removeTempDirs, run, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

const SEED = "graph/sources/desipramine-vs-ssris.md";
/** The seed's curated claims (graph/curation/claims.tsv), as the default build counts them. */
let SEED_CURATED = 0;

async function buildJson(args: readonly string[]) {
  const r = await run(["build", ...args, "--out", join(tempDir(), "out"), "--json"]);
  expect(r.code).toBe(0);
  return { curated: JSON.parse(r.out).summary.curated as number, err: r.err };
}

describe("build --sources DIR and the curation", () => {
  beforeAll(async () => {
    SEED_CURATED = (await buildJson([])).curated;
    expect(SEED_CURATED).toBeGreaterThan(0);
  });

  it("reads curation/ beside the sources, without a warning", async () => {
    const sources = copySources([SEED]);
    cpSync("graph/curation", join(sources, "..", "curation"), { recursive: true });
    const r = await buildJson(["--sources", sources]);
    expect(r).toEqual({ curated: SEED_CURATED, err: "" });
  });

  it("without curation beside the sources, builds without it and warns on stderr", async () => {
    const r = await buildJson(["--sources", copySources([SEED])]);
    expect(r.curated).toBe(0);
    expect(r.err).toMatch(/^warning\[NoCuration\]: .*curation/m);
    expect(r.err).toMatch(/hint: .*--curation DIR.*--no-curation/);
  });

  it("--curation DIR reads that folder, wherever the sources are", async () => {
    const curation = join(tempDir(), "mine");
    cpSync("graph/curation", curation, { recursive: true });
    const r = await buildJson(["--sources", copySources([SEED]), "--curation", curation]);
    expect(r).toEqual({ curated: SEED_CURATED, err: "" });
  });

  it("--no-curation builds without it, even when curation/ is beside the sources, and quietly", async () => {
    const sources = copySources([SEED]);
    cpSync("graph/curation", join(sources, "..", "curation"), { recursive: true });
    expect(await buildJson(["--sources", sources, "--no-curation"])).toEqual({
      curated: 0,
      err: "",
    });
  });

  it("says nothing about the curation when the sources folder itself is missing", async () => {
    const r = await run([
      "build",
      "--sources",
      join(tempDir(), "none"),
      "--out",
      join(tempDir(), "out"),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/NoCuration/);
  });

  it("export warns the same way", async () => {
    const out = join(tempDir(), "kb.ttl");
    const r = await run([
      "export",
      "--format",
      "turtle",
      "--sources",
      copySources([SEED]),
      "--out",
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^warning\[NoCuration\]/m);
  });

  it.each(["build", "export"])("%s --help names --no-curation and the warning", async (command) => {
    const r = await run([command, "--help"]);
    expect(r.out).toContain("--no-curation");
    // commander wraps the help to the terminal width: compare with the line breaks as spaces
    expect(r.out.replace(/\s+/g, " ")).toMatch(/a warning says/);
  });
});
