// compare's table measured as a terminal draws it: a CJK cell takes two columns a character,
// the columns after it stay aligned, and a cut (--max-width, or a terminal) ends in "…" without
// splitting a character.
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/base/display-width.ts";
import type { Comparison } from "../../src/projection/compare.ts";
import { compareTable } from "../../src/projection/compare-table.ts";

const doc = { id: "https://w3id.org/claimgraph/kb/doc/a", label: "A" };
const citation = { number: 1, title: "StatPearls", host: "ncbi.nlm.nih.gov", work: "w" };

function row(label: string, left: string, right: string): Comparison["rows"][number] {
  const claim = (quote: string) => ({
    id: quote,
    text: quote,
    quote,
    citations: [citation],
    document: doc,
    status: null,
    via: null,
  });
  return {
    key: label,
    kind: "feature",
    predicate: { id: label, label },
    effect: null,
    cells: [
      { state: "claims", claims: [claim(left)] },
      { state: "claims", claims: [claim(right)] },
    ],
  };
}

const comparison: Comparison = {
  columns: [
    { id: "a", label: "地昔帕明", type: "Drug", via: [] },
    { id: "b", label: "fluoxetine", type: "Drug", via: [] },
  ],
  rows: [row("主要靶点", "去甲肾上腺素转运体", "SERT"), row("target", "NET", "血清素转运体")],
  documents: [doc],
};

describe("compare's table", () => {
  it("aligns columns in display columns, CJK characters taking two", () => {
    const lines = compareTable(comparison).split("\n");
    const third = [lines[0], lines[2], lines[3]].map((l = "") =>
      displayWidth(l.slice(0, l.search(/SERT|血清|fluox/))),
    );
    const starts = new Set(third);
    expect(starts.size).toBe(1);
    expect(lines[2]).toBe("主要靶点  去甲肾上腺素转运体 [1]  SERT [1]");
    expect(compareTable(comparison).split("\n").at(-1)).toBe("[1] StatPearls (ncbi.nlm.nih.gov)");
  });

  it("cuts a cell at maxCell columns, never inside a wide character", () => {
    const lines = compareTable(comparison, { maxCell: 8 }).split("\n");
    expect(lines[2]).toBe("主要靶点  去甲肾…   SERT [1]");
    expect(displayWidth("去甲肾…")).toBe(7);
  });
});
