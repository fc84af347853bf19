// CSV as RFC 4180 has it (quoted fields, doubled quotes, CRLF lines), with cells that a
// spreadsheet would run as a formula turned into text.
import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../src/base/csv.ts";

describe("CSV", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rlf", '"cr\rlf"'],
    ["", ""],
  ])("quotes %j as RFC 4180 says", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
  ])("prefixes %j, which a spreadsheet would run, with an apostrophe", (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it("ends every line with CRLF, the header first", () => {
    expect(
      toCsv(
        ["A", "B"],
        [
          ["1", "x,y"],
          ["=1", ""],
        ],
      ),
    ).toBe(`A,B\r\n1,"x,y"\r\n'=1,\r\n`);
  });
});
