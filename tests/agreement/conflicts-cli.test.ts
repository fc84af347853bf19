// `claimgraph conflicts`: two documents of the template on one drug, one calling sedation
// "Rare" and the other "Very common" (a conflict), both calling weight gain "Common" and
// "Very common" (a near-miss): the command lists the one conflict with both sides.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeTempDirs, run, tempDir } from "../helpers/cli.ts";
import { templateDocument } from "../helpers/template.ts";

function sideEffects(sedation: string, weight: string): string {
  return templateDocument(
    [
      `Side Effect\tBupropion\tSSRIs\n<b>Sedation</b>\t${sedation} [1]\tVaries [2]\n<b>Weight Gain</b>\t${weight} [2]\tPossible [2]`,
    ],
    "Bupropion",
  );
}

let kb = "";

beforeAll(async () => {
  const root = tempDir();
  const sources = join(root, "sources");
  mkdirSync(sources);
  writeFileSync(join(sources, "first.md"), sideEffects("Rare", "Common"));
  writeFileSync(join(sources, "second.md"), sideEffects("Very common", "Very common"));
  const out = join(root, "out");
  const built = await run(["build", "--sources", sources, "--no-curation", "--out", out, "-q"]);
  expect(built.err).toBe("");
  kb = join(out, "kb.trig");
});

afterAll(removeTempDirs);

describe("claimgraph conflicts", () => {
  it("--json: counts, then the planted conflict with both sides, not the near-miss", async () => {
    const r = await run(["conflicts", "--kb", kb, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.counts.byKind).toEqual({ FrequencyGap: 1 });
    const [conflict] = report.conflicts;
    expect(conflict.subject.label).toBe("Bupropion");
    const sides = conflict.sides.map(
      (s: { claims: { file: string; quote: string; citations: number[] }[] }) =>
        s.claims.map((c) => [c.file, c.quote, c.citations]),
    );
    expect(sides.flat().sort()).toEqual([
      ["first.md", "Rare [1]", [1]],
      ["second.md", "Very common [1]", [1]],
    ]);
  });

  it("prints the counts first, then each side with its place", async () => {
    const r = await run(["conflicts", "--kb", kb]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^1 conflict among \d+ assertions \(FrequencyGap 1\)$/);
    expect(r.out).toContain("one side: adverse effect risk sedation: rare  [unknown 1]");
    expect(r.out).toMatch(/first\.md:14:17 {2}"Rare \[1\]" \[1\]/);
    expect(r.out).toMatch(/second\.md:14:17 {2}"Very common \[1\]" \[1\]/);
  });

  it("--help names its options", async () => {
    const r = await run(["conflicts", "--help"]);
    expect(r.out).toContain("--kb <file>");
    expect(r.out).toContain("--json");
  });
});
