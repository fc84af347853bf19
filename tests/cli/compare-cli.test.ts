// `claimgraph compare` from the outside: people's table with the references under it, cells
// cut only when asked (or on a terminal), `--json` for scripts, and a drug it does not know
// refused with the nearest drugs' names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { Io } from "../../src/cli/output.ts";
import { cachePerTest } from "../helpers/cache-per-test.ts";
import { run } from "../helpers/cli.ts";
import { type BuiltKb, buildSecond, SEED_KB } from "../helpers/serve.ts";

cachePerTest("claimgraph-compare-cli-");

let second: BuiltKb | undefined;
beforeAll(async () => {
  second = await buildSecond();
}, 120_000);
afterAll(() => second?.remove());

/** Runs the CLI with an Io that says it writes to a terminal. */
async function onTerminal(argv: readonly string[]) {
  let out = "";
  const io: Io = {
    out: (text) => {
      out += `${text}\n`;
    },
    err: () => undefined,
    terminal: true,
  };
  const code = await main(argv, io);
  return { code, out };
}

describe("claimgraph compare", () => {
  it("prints the rows with each drug's words and citations, then what the numbers stand for", async () => {
    const r = await run(["compare", "desipramine", "fluoxetine", "--kb", SEED_KB]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^feature +desipramine +fluoxetine$/);
    expect(lines.find((l) => l.startsWith("primary target "))).toMatch(
      /^primary target +Norepinephrine Transporter \(NET\) \[1\] \{1 work: 1 tertiary\} +Serotonin Transporter \(SERT\) \[2\]\* \{1 work: 1 consumer\}$/,
    );
    expect(lines.find((l) => l.startsWith("key mechanism "))).toMatch(
      /\(null: Not applicable\*\)$/,
    );
    expect(lines).toContain(
      "* in fluoxetine's column: said of selective serotonin reuptake inhibitors",
    );
    expect(lines.find((l) => l.startsWith("inhibits "))).toMatch(/ +—$/);
    expect(lines).toContain(
      "[2] Antidepressant Side Effects: Types, Comparison Chart, and (healthline.com)",
    );
  });

  it("cuts cells only on a terminal or with --max-width, in display columns", async () => {
    const piped = await run(["compare", "desipramine", "fluoxetine", "--kb", SEED_KB]);
    expect(piped.out).not.toContain("…");
    const cut = await run(["compare", "desipramine", "--kb", SEED_KB, "--max-width", "20"]);
    const row = cut.out.split("\n").find((l) => l.startsWith("adverse effect risk…"));
    expect(row).toBe("adverse effect risk…  High risk (dry mout…");
    const terminal = await onTerminal(["compare", "desipramine", "fluoxetine", "--kb", SEED_KB]);
    expect(terminal.code).toBe(0);
    expect(Math.max(...terminal.out.split("\n").map((l) => l.length))).toBeLessThanOrEqual(
      3 * 60 + 2 * 2,
    );
  });

  it("lists --per-cell quotes in a cell and counts the rest (0: all)", async () => {
    const args = ["compare", "desipramine", "fluoxetine", "--kb", SEED_KB];
    const whole = await run(args);
    expect(whole.out).not.toMatch(/; \+\d+ more/);
    expect((await run([...args, "--per-cell", "0"])).out).toBe(whole.out);
    const one = await run([...args, "--per-cell", "1"]);
    expect(one.code, one.err).toBe(0);
    const cut = one.out.split("\n").filter((l) => /; \+\d+ more/.test(l));
    expect(cut.length).toBeGreaterThan(0);
    expect(one.out.length).toBeLessThan(whole.out.length);
  });

  it("answers --json with the columns, rows and cells", async () => {
    const r = await run(["compare", "desipramine", "SSRIs", "--kb", SEED_KB, "--json"]);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.columns.map((c: { label: string }) => c.label)).toEqual([
      "desipramine",
      "selective serotonin reuptake inhibitors",
    ]);
    const target = json.rows.find((x: { key: string }) => x.key.endsWith("primaryTarget"));
    expect(target.cells[1].claims[0]).toMatchObject({
      text: "serotonin transporter",
      quote: "Serotonin Transporter (SERT) [2]",
      citations: [{ number: 2, host: "healthline.com" }],
      via: null,
    });
    expect(json.warnings).toEqual([]);
  });

  it("refuses a name it does not know, suggesting the nearest drugs", async () => {
    const r = await run(["compare", "desipramine", "fluoxetin", "--kb", SEED_KB]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('no drug or drug class is named "fluoxetin"');
    expect(r.err).toMatch(/hint: did you mean: fluoxetine/);
  });

  it("refuses an entity that is no drug, saying what it is", async () => {
    const r = await run(["compare", "NET", "--kb", SEED_KB]);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('"NET" is a Target (norepinephrine transporter)');
  });

  it("compares across every loaded document, each citation naming its document", async () => {
    const kbs = ["--kb", SEED_KB, "--kb", second?.kb ?? ""];
    const r = await run(["compare", "desipramine", "nortriptyline", ...kbs]);
    expect(r.code, r.err).toBe(0);
    const target = r.out.split("\n").find((l) => l.startsWith("primary target "));
    expect(target).toMatch(
      /^primary target +Norepinephrine Transporter \(NET\) desipramine-vs-ssris\[1\] \{[^}]+\} +NET \(norepinephrine reuptake\) inhibition nortriptyline-vs-sertraline\[1\] \{[^}]+\}$/,
    );
    expect(r.out).toContain("\ndesipramine-vs-ssris[1] Desipramine - StatPearls");
    expect(r.out).toMatch(/\nnortriptyline-vs-sertraline\[1\] /);
    const json = JSON.parse(
      (await run(["compare", "desipramine", "nortriptyline", ...kbs, "--json"])).out,
    );
    expect(json.documents).toHaveLength(2);
  });
});
