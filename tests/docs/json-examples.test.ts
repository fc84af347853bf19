// The JSON examples of docs/*.md true to the code: each block is what its command (the last
// `claimgraph … --json` the paragraph before it names) prints on this run's fresh build of the
// seed, or a part of it, "…" standing for what the example leaves out (json-examples.ts). A block
// no command here can print carries `<!-- json-example: skip: REASON -->` and is reported.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachePerTest } from "../helpers/cache-per-test.ts";
import { run } from "../helpers/cli.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";
import { jsonExamples, mismatch, parts, shellWords } from "./json-examples.ts";

const DOCS = join(import.meta.dirname, "..", "..", "docs");
const examples = readdirSync(DOCS)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .flatMap((f) => jsonExamples(`docs/${f}`, readFileSync(join(DOCS, f), "utf8")));

cachePerTest("claimgraph-json-examples-");

describe("the rule an example is held to", () => {
  it("takes the same values, and … for anything", () => {
    expect(mismatch({ a: 1, b: ["x", "…"] }, { a: 1, b: ["x", "y", "z"] })).toBeUndefined();
    expect(mismatch({ a: "…", b: [] }, { a: { deep: 1 }, b: [] })).toBeUndefined();
    expect(mismatch({ a: 2, b: [] }, { a: 1, b: [] })).toBe(
      "$.a: the example says 2, the command 1",
    );
  });

  it("wants every element of an array without …, in order", () => {
    expect(mismatch(["x"], ["x", "y"])).toBe("$: the example has 1 elements, the command 2");
    expect(mismatch(["y", "x"], ["x", "y"])).toBeDefined();
    expect(mismatch(["…", "y"], ["x", "y"])).toBeUndefined();
    expect(mismatch(["z", "…"], ["x", "y"])).toBe('$[0]: the example says "z", the command "x"');
  });

  it('wants every field of an object, unless it says "…": "…"', () => {
    expect(mismatch({ a: 1 }, { a: 1, b: 2 })).toBe(
      '$: the example leaves out "b" (write them, or "…": "…")',
    );
    expect(mismatch({ a: 1, "…": "…" }, { a: 1, b: 2 })).toBeUndefined();
    expect(mismatch({ c: 1, "…": "…" }, { a: 1 })).toBe('$: the command prints no "c"');
  });

  it("reads a command's words as a shell does", () => {
    expect(shellWords('trace "desipramine primary target" --json')).toEqual([
      "trace",
      "desipramine primary target",
      "--json",
    ]);
    expect(shellWords("trace '[4]' --json")).toEqual(["trace", "[4]", "--json"]);
  });
});

describe("docs/*.md: the JSON examples", () => {
  it("are there, and each names its command or why it cannot run", () => {
    expect(examples.length).toBeGreaterThan(5);
    const unnamed = examples.filter((e) => e.argv === undefined && e.skip === undefined);
    expect(unnamed.map((e) => `${e.file}:${e.line}`)).toEqual([]);
    const skipped = examples.filter((e) => e.skip !== undefined);
    for (const e of skipped) console.info(`${e.file}:${e.line}: not run: ${e.skip}`);
  });

  for (const e of examples.filter((x) => x.skip === undefined && x.argv !== undefined)) {
    it(`${e.file}:${e.line}: claimgraph ${e.argv?.join(" ")}`, async () => {
      const example = JSON.parse(e.text) as unknown;
      const r = await run([...(e.argv ?? []), "--kb", FRESH_KB]);
      expect(r.code, r.err).toBe(0);
      const printed = JSON.parse(r.out) as unknown;
      const whole = mismatch(example, printed);
      const fits = whole === undefined || [...parts(printed)].some((p) => !mismatch(example, p));
      expect(fits ? undefined : whole).toBeUndefined();
    });
  }
});
