// quoteInContext: a quote shown where it stands, with line numbers and carets under exactly the
// quoted span. Small texts with the output written out in full (tabs, a multi-line span, a long
// line shown in a window, CRLF, a character outside the BMP), then every quote of the seed.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { claimJson } from "../../src/trace/answers.ts";
import { quoteInContext, type Span } from "../../src/trace/context.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";

const span = (line: number, column: number, endLine: number, endColumn: number): Span => ({
  line,
  column,
  endLine,
  endColumn,
});

/** The characters above the carets, line by line: what a reader sees marked. */
function marked(out: readonly string[]): string {
  const parts: string[] = [];
  out.forEach((mark, i) => {
    if (!/^ +\|[ ^]*$/.test(mark) || !mark.includes("^")) return;
    const text = [...(out[i - 1] ?? "")];
    parts.push([...mark].map((c, j) => (c === "^" ? (text[j] ?? "�") : "")).join(""));
  });
  return parts.join("\n");
}

/** A quote as the renderer shows it: tabs as a visible separator. */
const visible = (s: string) => s.replaceAll("\t", " ⇥ ");

describe("quoteInContext on small texts", () => {
  it.each<[string, string, Span, number, string[]]>([
    [
      "a word in the middle line",
      "alpha\nbeta gamma\ndelta",
      span(2, 6, 2, 11),
      2,
      ["1 | alpha", "2 | beta gamma", "  |      ^^^^^", "3 | delta"],
    ],
    [
      "a cell of a tab-separated row (tabs shown as ⇥)",
      "Feature\tA\tB\nRow\tx [1]\ty [2]",
      span(2, 5, 2, 10),
      2,
      ["1 | Feature ⇥ A ⇥ B", "2 | Row ⇥ x [1] ⇥ y [2]", "  |       ^^^^^"],
    ],
    [
      "a span that starts with a tab (the tab's three columns are marked)",
      "Row\tx\ty",
      span(1, 4, 1, 6),
      2,
      ["1 | Row ⇥ x ⇥ y", "  |    ^^^^"],
    ],
    [
      "a span over two lines (each of its lines marked)",
      "one\ntwo three\nfour five\nsix",
      span(2, 5, 3, 5),
      2,
      ["1 | one", "2 | two three", "  |     ^^^^^", "3 | four five", "  | ^^^^", "4 | six"],
    ],
    [
      "no lines around (around = 0)",
      "one\ntwo three\nfour five\nsix",
      span(2, 1, 2, 4),
      0,
      ["2 | two three", "  | ^^^"],
    ],
    [
      "line numbers right-aligned in a gutter as wide as the last one",
      "1\n2\n3\n4\n5\n6\n7\n8\nnine\n10\n11\n12",
      span(9, 1, 9, 5),
      2,
      [" 7 | 7", " 8 | 8", " 9 | nine", "   | ^^^^", "10 | 10", "11 | 11"],
    ],
    [
      "CRLF line ends (the CR is not shown)",
      "alpha\r\nbeta\r\n",
      span(2, 1, 2, 5),
      1,
      ["1 | alpha", "2 | beta", "  | ^^^^", "3 | "],
    ],
    [
      "a span at the start of the text (no lines before it)",
      "first\nsecond",
      span(1, 1, 1, 6),
      2,
      ["1 | first", "  | ^^^^^", "2 | second"],
    ],
  ])("%s", (_name, text, where, around, expected) => {
    expect(quoteInContext(text, where, around)).toEqual(expected);
  });

  it("shows a long line in a window around the span, with … where it is cut", () => {
    const line = `${"x".repeat(150)}TARGET${"y".repeat(244)}`;
    const out = quoteInContext(line, span(1, 151, 1, 157));
    // The window opens 20 characters before the span and holds 100 more than the span.
    expect(out).toEqual([
      `1 | …${"x".repeat(20)}TARGET${"y".repeat(80)}…`,
      `  |  ${" ".repeat(20)}^^^^^^`,
    ]);
    expect(marked(out)).toBe("TARGET");
  });

  it("counts a character outside the BMP as one column", () => {
    expect(quoteInContext("\u{1D6FC} x", span(1, 3, 1, 4))).toEqual(["1 | \u{1D6FC} x", "  |   ^"]);
    expect(quoteInContext("a \u{1D6FC} b", span(1, 3, 1, 4))).toEqual([
      "1 | a \u{1D6FC} b",
      "  |   ^",
    ]);
  });

  it("puts two carets under a wide (CJK) character and none under a combining mark", () => {
    expect(quoteInContext("薬 デシプラミン x", span(1, 3, 1, 9))).toEqual([
      "1 | 薬 デシプラミン x",
      "  |    ^^^^^^^^^^^^",
    ]);
    expect(quoteInContext("cafe\u0301 noir", span(1, 1, 1, 6))).toEqual([
      "1 | cafe\u0301 noir",
      "  | ^^^^",
    ]);
  });

  it("marks the first line of a multi-line span that starts after column 100", () => {
    const text = `${"a".repeat(150)}START of the quote\nend of the quote. More.`;
    const out = quoteInContext(text, span(1, 151, 2, 18));
    expect(marked(out)).toBe("START of the quote\nend of the quote.");
  });
});

describe("quoteInContext on the seed document", () => {
  let kg: KnowledgeGraph;
  beforeAll(async () => {
    kg = await openKnowledgeGraph([FRESH_KB], { cache: false });
  });

  function claims() {
    const out: ReturnType<typeof claimJson>[] = [];
    kg.graph.forEachNode((_, a) => {
      if (a.kind === "claim") out.push(claimJson(kg, a));
    });
    return out;
  }

  it("marks exactly the quote of every claim that stands on one line", () => {
    const text = kg.document(`https://w3id.org/claimgraph/kb/doc/desipramine-vs-ssris`)?.text;
    expect(text).toBeDefined();
    const single = claims().filter((c) => c.location.line === c.location.endLine);
    expect(single.length).toBeGreaterThan(70);
    for (const c of single) {
      const { line, column, endLine, endColumn } = c.location;
      const out = quoteInContext(text as string, {
        line: line as number,
        column: column as number,
        endLine: endLine as number,
        endColumn: endColumn as number,
      });
      expect(marked(out), `${c.id} at ${line}:${column}`).toBe(visible(c.quote?.exact ?? ""));
      expect(out.filter((l) => /^\s*\d+ \| /.test(l))[0]).toMatch(
        new RegExp(`^ *${Math.max(1, (line as number) - 2)} \\| `),
      );
    }
  });

  it("shows the primary-target cell of line 21 as a person would see it", () => {
    const text = kg.document(`https://w3id.org/claimgraph/kb/doc/desipramine-vs-ssris`)?.text;
    const out = quoteInContext(text as string, span(21, 16, 21, 52));
    expect(out[0]).toBe("19 | ");
    expect(out[2]).toBe(
      "21 | Primary Target ⇥ Norepinephrine Transporter (NET) [1] ⇥ Serotonin Transporter (SERT) [2]",
    );
    expect(out[3]).toBe(`   | ${" ".repeat("Primary Target ⇥ ".length)}${"^".repeat(36)}`);
    expect(out).toHaveLength(6);
  });
});
