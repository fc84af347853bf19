// The parser's resource limits and its behaviour on hostile input: a table row of more than
// MAX_TABLE_COLUMNS cells and a reference list of more than MAX_REFERENCES entries are refused
// with a located error (at the limit they pass), bracketed ranges are not markers, and inputs
// that were quadratic or worse (or overflowed the stack) parse to what they say. How long those
// take belongs to a machine, not to a test: `npm run bench` times the same inputs against their
// limits (scripts/bench/probe-parse-limits.ts).
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/base/errors.ts";
import { parseDocument } from "../../src/document/parse.ts";
import { MAX_REFERENCES } from "../../src/document/references.ts";
import { MAX_TABLE_COLUMNS } from "../../src/document/tables.ts";

const HEAD = [
  "# Limits: A Generated Test Document",
  "",
  "**Author:** Claimgraph Test Team. **Date:** March 2026",
  "",
  "Nortriptyline acts mainly at the norepinephrine transporter [1].",
  "",
];
/** The line of the first line after HEAD. */
const AFTER_HEAD = HEAD.length + 1;

const row = (label: string, cells: number) =>
  [label, ...Array.from({ length: cells - 1 }, (_, i) => `v${i + 2} [1]`)].join("\t");
const references = (n: number) =>
  Array.from({ length: n }, (_, i) => `${i + 1}. Reference monograph ${i + 1} [example.org]`);

function document(body: readonly string[], refs = 1): string {
  return [...HEAD, ...body, "", "## References", "", ...references(refs), ""].join("\n");
}

function parse(text: string) {
  const { document: doc, diagnostics } = parseDocument("limits.md", text);
  if (!doc) throw new Error("no document");
  return { doc, diagnostics };
}

const where = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, d.line, d.column]);

/** The 1-based line of `text` that starts with `prefix`. */
function lineOf(text: string, prefix: string): number {
  const at = text.split("\n").findIndex((l) => l.startsWith(prefix));
  if (at === -1) throw new Error(`no line starts with ${prefix}`);
  return at + 1;
}

/** Column of the first cell past the limit: after the label, MAX_TABLE_COLUMNS - 1 cells and their tabs. */
function firstCellPastLimit(line: string): number {
  return line.split("\t").slice(0, MAX_TABLE_COLUMNS).join("\t").length + 2;
}

describe(`a table row of more than MAX_TABLE_COLUMNS (${MAX_TABLE_COLUMNS}) cells`, () => {
  it("is read at the limit", () => {
    const { doc, diagnostics } = parse(
      document([row("Feature", MAX_TABLE_COLUMNS), row("Target", MAX_TABLE_COLUMNS)]),
    );
    expect(diagnostics).toEqual([]);
    expect(doc.tables[0]?.header).toHaveLength(MAX_TABLE_COLUMNS);
    expect(doc.tables[0]?.rows[0]?.cells).toHaveLength(MAX_TABLE_COLUMNS - 1);
  });

  it("in the header: TableTooWide at the first cell past the limit, and the table is dropped", () => {
    const header = row("Feature", MAX_TABLE_COLUMNS + 1);
    const { doc, diagnostics } = parse(
      document([header, row("Target", MAX_TABLE_COLUMNS + 1), row("Other", 3)]),
    );
    expect(where(diagnostics)).toEqual([["TableTooWide", AFTER_HEAD, firstCellPastLimit(header)]]);
    expect(diagnostics[0]?.severity).toBe("error");
    expect(diagnostics[0]?.hint).toContain(String(MAX_TABLE_COLUMNS));
    expect(doc.tables).toEqual([]);
  });

  it("in a data row under a header at the limit: TableTooWide on that row, no RaggedTableRow", () => {
    const wide = row("Other", MAX_TABLE_COLUMNS + 1);
    const { diagnostics } = parse(
      document([row("Feature", MAX_TABLE_COLUMNS), row("Target", MAX_TABLE_COLUMNS), wide]),
    );
    expect(where(diagnostics)).toEqual([
      ["TableTooWide", AFTER_HEAD + 2, firstCellPastLimit(wide)],
    ]);
  });

  it("counts columns in code points: an astral character before the limit shifts the column by one", () => {
    const header = `\u{1F600}${row("Feature", MAX_TABLE_COLUMNS + 1)}`;
    const { diagnostics } = parse(document([header, row("Target", 3)]));
    // The emoji is two UTF-16 units but one column.
    expect(where(diagnostics)).toEqual([
      ["TableTooWide", AFTER_HEAD, firstCellPastLimit(header) - 1],
    ]);
  });

  it("a 4 MB line of tabs: TableTooWide at the first cell past the limit", () => {
    const tabs = `a${"\t".repeat(4_000_000)}b`;
    const { diagnostics } = parse(document([tabs, "c\td"]));
    // "a", then one tab per empty cell: cell k ≥ 2 starts at column k + 1.
    expect(where(diagnostics)).toEqual([["TableTooWide", AFTER_HEAD, MAX_TABLE_COLUMNS + 2]]);
    expect(diagnostics[0]?.message).toContain(String(4_000_001));
  });
});

describe(`a reference list of more than MAX_REFERENCES (${MAX_REFERENCES}) entries`, () => {
  const pastLimit = `${MAX_REFERENCES + 1}. `;

  it("is read at the limit", () => {
    const { doc, diagnostics } = parse(document([], MAX_REFERENCES));
    expect(diagnostics).toEqual([]);
    expect(doc.references).toHaveLength(MAX_REFERENCES);
    expect(doc.references.at(-1)?.number).toBe(MAX_REFERENCES);
  });

  it("TooManyReferences at the first entry past the limit, and no follow-on errors", () => {
    // The body cites an entry past the limit: it must not be reported as unknown.
    const body = [`It is also cited here [${MAX_REFERENCES + 1}].`];
    const text = document(body, MAX_REFERENCES + 3);
    const { diagnostics } = parse(text);
    expect(where(diagnostics)).toEqual([["TooManyReferences", lineOf(text, pastLimit), 1]]);
    expect(diagnostics[0]?.severity).toBe("error");
    expect(diagnostics[0]?.message).toContain(String(MAX_REFERENCES + 3));
    expect(diagnostics[0]?.hint).toContain(String(MAX_REFERENCES));
  });

  it("100,000 entries: TooManyReferences at the first past the limit", () => {
    const text = document([], 100_000);
    const { diagnostics } = parse(text);
    expect(where(diagnostics)).toEqual([["TooManyReferences", lineOf(text, pastLimit), 1]]);
  });
});

describe("reference entries are split as before", () => {
  it.each([
    ["1. A Title [example.org]", "A Title", false, "example.org"],
    ["1. A Title Cut Short ... [example.org]  ", "A Title Cut Short", true, "example.org"],
    ["1.  A  Title \u00a0 [example.org] ", "A Title", false, "example.org"],
    ["1. A Title [not a host]", "A Title [not a host]", false, undefined],
    ["1. A Title [x] [example.org]", "A Title [x]", false, "example.org"],
    ["1. A Title [[example.org]", "A Title", false, "[example.org"],
    ["1. A Title []", "A Title []", false, undefined],
    ["1. A Title…", "A Title", true, undefined],
  ])("%j", (entry, title, truncated, host) => {
    const { doc, diagnostics } = parse(
      [...HEAD.slice(0, 4), "## References", "", entry, ""].join("\n"),
    );
    expect(diagnostics).toEqual([]);
    expect(doc.references.map((r) => [r.titleAsGiven, r.truncated, r.locator])).toEqual([
      [title, truncated, host],
    ]);
  });

  it("an entry with 100,000 spaces in it (the old expression took minutes on 10,000)", () => {
    const { doc } = parse(document([]).replace("[example.org]", `${" ".repeat(100_000)}x`));
    expect(doc.references[0]?.titleAsGiven).toBe("Reference monograph 1 x");
  });
});

describe("citation markers", () => {
  it("ranges and lists in brackets are not markers, so nothing is expanded", () => {
    const { doc, diagnostics } = parse(
      document(["Wide ranges [1-100000] and lists [1,2,3,4] and [1–999999] cite nothing."]),
    );
    expect(doc.citations.map((c) => c.number)).toEqual([1]);
    expect(diagnostics).toEqual([]);
  });

  it("200,000 markers in one paragraph: no stack overflow, no quadratic cleaning", () => {
    const { doc, diagnostics } = parse(document([`Many ${"[1] ".repeat(200_000)}markers.`]));
    expect(diagnostics).toEqual([]);
    expect(doc.citations).toHaveLength(200_001);
    expect(doc.sentences.at(-1)?.citations).toHaveLength(200_000);
  });

  it("50,000 table rows with markers: each cell finds its markers", () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `Row ${i} [1]\tValue [1]`);
    const { doc, diagnostics } = parse(document(["Feature\tDrug", ...rows]));
    expect(diagnostics).toEqual([]);
    const cells = doc.tables[0]?.rows.map((r) => r.cells[0]?.citations.length) ?? [];
    expect(cells).toHaveLength(50_000);
    expect(cells.every((n) => n === 1)).toBe(true);
  });
});

describe("long lines and runs of blocks", () => {
  it("a heading with a million spaces in it", () => {
    const { doc } = parse(document([`## Section${" ".repeat(1_000_000)}Title ##`, "Text."]));
    expect(doc.sections.map((s) => s.title)).toContain("Section Title");
  });

  it("20,000 paragraphs joined mid-sentence by blank lines are one paragraph", () => {
    const { doc } = parse(document(Array.from({ length: 20_000 }, () => "word and\n\nmore")));
    const joined = doc.sentences.filter((s) => s.display.text.startsWith("word and more"));
    expect(joined).toHaveLength(1);
    expect(joined[0]?.display.text.length).toBe(20_000 * "word and more ".length - 1);
  });
});
