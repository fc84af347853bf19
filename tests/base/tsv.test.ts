// One field's problem, as every TSV reader reports it (src/base/tsv.ts): the row's line, the
// column where the field starts (in code points), and the field's text.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/base/errors.ts";
import { fieldDiagnostic, readTsv } from "../../src/base/tsv.ts";

describe("fieldDiagnostic", () => {
  const diagnostics: Diagnostic[] = [];
  const [row] = readTsv("x.tsv", "# a comment\nkind\tterm\nrank\tRäre\n", ["kind"], diagnostics);
  if (!row) throw new Error("no row read");

  it("locates the field at its row's line and its column, with its text", () => {
    expect(diagnostics).toEqual([]);
    expect(fieldDiagnostic("x.tsv", row, "term", "Bad", "what", "how")).toEqual({
      code: "Bad",
      severity: "error",
      file: "x.tsv",
      line: 3,
      column: 6,
      message: "what",
      hint: "how",
      text: "Räre",
    });
  });

  it("falls back to column 1 and no text for a column the header lacks", () => {
    const d = fieldDiagnostic("x.tsv", row, "label", "Bad", "what", "how");
    expect([d.line, d.column, d.text]).toEqual([3, 1, undefined]);
  });
});
