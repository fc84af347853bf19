// The query table measured in display columns: CJK characters take two, combining marks none,
// emoji sequences two; columns line up whatever the script, and cells are cut (between
// grapheme clusters, ending in …) only when a width is asked for.
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/base/display-width.ts";
import { resultsTable, type TableRow } from "../../src/sparql/table.ts";

const literal = (value: string) => ({ termType: "Literal", value });
const row = (a: string, b: string): TableRow =>
  new Map([
    ["a", literal(a)],
    ["b", literal(b)],
  ]);
const same = (iri: string) => iri;

const CELLS = [
  "東京大学の研究", // CJK: 7 characters, 14 columns
  "re\u0301sume\u0301 e\u0301te\u0301", // combining acute accents: 16 code units, 12 columns
  "👩‍🔬 and 🇫🇷", // emoji sequences: two columns each
  "plain ascii",
];

/** The display column where `marker` starts on `line`. */
const columnOf = (line: string, marker: string) =>
  displayWidth(line.slice(0, line.indexOf(marker)));

describe("resultsTable", () => {
  it("lines up columns after CJK, combining marks and emoji", () => {
    const table = resultsTable(
      ["a", "b"],
      CELLS.map((c) => row(c, "END")),
      same,
    );
    const lines = table.split("\n");
    const starts = lines.slice(2, 2 + CELLS.length).map((l) => columnOf(l, "END"));
    expect(new Set([columnOf(lines[0] ?? "", "?b"), ...starts]).size).toBe(1);
    expect(starts[0]).toBe(displayWidth("東京大学の研究") + 2);
  });

  it("keeps whole cells unless a width is given, then cuts between grapheme clusters", () => {
    const long = "e\u0301".repeat(70);
    const wide = "研".repeat(40);
    const rows = [row(long, wide)];
    const whole = resultsTable(["a", "b"], rows, same);
    expect(whole).toContain(long);
    expect(whole).toContain(wide);
    const cut = resultsTable(["a", "b"], rows, same, { maxCell: 60 }).split("\n")[2] ?? "";
    const [a, b] = cut.split(/ {2}(?=研)/);
    expect(a).toMatch(/^(?:e\u0301)+…$/);
    expect(displayWidth(a ?? "")).toBe(60);
    expect(b).toMatch(/^研+…$/);
    expect(displayWidth(b ?? "")).toBeLessThanOrEqual(60);
  });
});
