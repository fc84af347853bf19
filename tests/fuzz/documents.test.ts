// Fuzzing the build with mutated documents (the seed and the second document): every case either
// builds, with exports that re-parse and (on a sample) conform to the shapes, or fails with errors
// located in the mutated file; nothing else is thrown. A CLI sample checks exit codes, located
// stderr and that the output folder is never left half-written. `npm run fuzz` runs far more.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copySources, missingDir, removeTempDirs, run, tempDir } from "../helpers/cli.ts";
import { checkCase, describeCase, fuzzCase, fuzzContext, type Weights } from "../helpers/mutate.ts";

const SEED = 20_240_611;
const CASES = 1_500;
const SHACL_EVERY = 50;
const CLI_CASES = 20;
// The mutations at the weights `npm run fuzz` uses (a 100 kB line included: building it once
// took a second, when display-text cleaning was quadratic in a paragraph's length).
const WEIGHTS: Weights = {};

afterAll(removeTempDirs);

describe("fuzzed documents", () => {
  const ctx = fuzzContext();

  it(`${CASES} mutated documents build or fail with located errors`, async () => {
    const failures: string[] = [];
    const outcomes = { built: 0, rejected: 0 };
    for (let i = 0; i < CASES; i++) {
      const c = fuzzCase(SEED, i, ctx.originals, WEIGHTS);
      const outcome = await checkCase(c, ctx, i % SHACL_EVERY === 0);
      if (outcome.kind === "bug") failures.push(describeCase(SEED, c, outcome.problems));
      else outcomes[outcome.kind]++;
    }
    expect(failures).toEqual([]);
    // Both paths must be exercised, or the mutations have drifted.
    expect(outcomes.built).toBeGreaterThan(CASES / 10);
    expect(outcomes.rejected).toBeGreaterThan(CASES / 10);
  }, 300_000);

  it(`the CLI on ${CLI_CASES} mutated documents: exit 0 or 1, located errors, never a partial output`, async () => {
    const sources = copySources([]);
    const curation = missingDir();
    const out = join(tempDir(), "out");
    // The folder's files (the exports read through their links; the pointer and the
    // generations folder apart), and one generation only.
    const snapshot = () => {
      expect(readdirSync(join(out, "kb.generations"))).toHaveLength(1);
      return new Map(
        readdirSync(out)
          .sort()
          .filter((name) => name !== "kb.generations" && name !== "kb.current")
          .map((name) => [
            name,
            createHash("sha256")
              .update(readFileSync(join(out, name)))
              .digest("hex"),
          ]),
      );
    };
    const argv = ["build", "--sources", sources, "--curation", curation, "--out", out, "-q"];
    const original = ctx.originals[0] as Uint8Array;
    writeFileSync(join(sources, "desipramine-vs-ssris.md"), original);
    expect((await run(argv)).code).toBe(0);
    const complete = [...snapshot().keys()];
    expect(complete).toEqual(["kb.jsonld", "kb.manifest.json", "kb.nq", "kb.trig", "kb.ttl"]);

    for (let i = 0; i < CLI_CASES; i++) {
      const c = fuzzCase(SEED + 1, i, [original], WEIGHTS);
      const where = describeCase(SEED + 1, c, []);
      writeFileSync(join(sources, c.file), c.bytes);
      const before = snapshot();
      const result = await run(argv);
      const after = snapshot();
      expect([...after.keys()], where).toEqual(complete);
      if (result.code === 0) continue;
      expect(result.code, `${where}\n${result.err}`).toBe(1);
      expect(result.err, where).toMatch(new RegExp(`${c.file}:\\d+:\\d+`));
      expect(after, where).toEqual(before);
    }
  }, 300_000);
});
