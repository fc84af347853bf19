// Golden files cannot be rewritten under CI: with UPDATE_GOLDEN=1 and CI set, `golden()` fails
// loudly and leaves the file as it was, so a CI run never passes by overwriting what it checks.
// On a developer's machine (CI unset or "false") UPDATE_GOLDEN=1 still rewrites the file. The
// tests work on a copy of a golden file in a temp folder, so other tests never see it change.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GOLDEN_DIR, golden } from "./golden.ts";

const NAME = "desipramine-vs-ssris.claims.tsv";
const ORIGINAL = readFileSync(join(GOLDEN_DIR, NAME), "utf8");
const saved = { CI: process.env.CI, UPDATE_GOLDEN: process.env.UPDATE_GOLDEN };
let dir: string;
const copy = () => readFileSync(join(dir, NAME), "utf8");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimgraph-golden-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("UPDATE_GOLDEN", () => {
  it.each(["true", "1", "yes"])("is refused under CI=%s, and the golden file is kept", (ci) => {
    copyFileSync(join(GOLDEN_DIR, NAME), join(dir, NAME));
    process.env.CI = ci;
    process.env.UPDATE_GOLDEN = "1";
    expect(() => golden(NAME, "a wrong answer\n", dir)).toThrow(/UPDATE_GOLDEN=1 under CI/);
    expect(copy()).toBe(ORIGINAL);
  });

  it.each([undefined, "false", "0"])("rewrites the file when CI is %s", (ci) => {
    copyFileSync(join(GOLDEN_DIR, NAME), join(dir, NAME));
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    process.env.UPDATE_GOLDEN = "1";
    expect(golden(NAME, "a new answer\n", dir).expected).toBe("a new answer\n");
    expect(copy()).toBe("a new answer\n");
  });

  it("without it, the golden file is compared, not written", () => {
    copyFileSync(join(GOLDEN_DIR, NAME), join(dir, NAME));
    delete process.env.UPDATE_GOLDEN;
    expect(golden(NAME, "a wrong answer\n", dir).expected).toBe(ORIGINAL);
    expect(copy()).toBe(ORIGINAL);
  });
});
