// `--created DATE` and `--trusty` on `build` and `export`: in the help, a date that is not
// ISO 8601 refused as a usage error (exit 2, a hint, nothing written), and both flags reaching
// the nanopublications written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeTempDirs, run, tempDir } from "../helpers/cli.ts";

afterAll(removeTempDirs);

describe("--created and --trusty", () => {
  it.each([["build"], ["export"]])("are in %s --help", async (command) => {
    const r = await run([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("--created <date>");
    expect(r.out).toContain("--trusty");
  });

  it.each([
    ["build", "2026-02-30"],
    ["build", "February 2026"],
    ["export", "2026-02-01T10:00"],
  ])("%s refuses --created %j", async (command, date) => {
    const out = join(tempDir(), "out");
    const target = command === "build" ? ["--out", out] : ["--format", "trig", "--out", out];
    const r = await run([command, "--created", date, ...target]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(date);
    expect(r.err).toContain("hint:");
    expect(r.out).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it("build writes the date and trusty URIs into every export", async () => {
    const out = join(tempDir(), "out");
    const r = await run(["build", "--out", out, "--created", "2026-03-04", "--trusty", "-q"]);
    expect(r.code).toBe(0);
    const trig = readFileSync(join(out, "kb.trig"), "utf8");
    expect(trig).toContain('dcterms:created "2026-03-04"^^xsd:date');
    expect(trig).toMatch(/np\/[^>\s]+\.RA[A-Za-z0-9_-]{43}#assertion>/);
    expect(trig).not.toMatch(/pub:\S+\.assertion\b/);
    const nq = readFileSync(join(out, "kb.nq"), "utf8");
    expect(nq).toMatch(/\.RA[A-Za-z0-9_-]{43}#pubinfo> \.$/m);
  });

  it("export --trusty writes the same TriG as build --trusty", async () => {
    const out = join(tempDir(), "out");
    expect((await run(["build", "--out", out, "--trusty", "-q"])).code).toBe(0);
    const r = await run(["export", "--format", "trig", "--trusty"]);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd()).toBe(readFileSync(join(out, "kb.trig"), "utf8").trimEnd());
  });
});
