// The test readers themselves: they must refuse what their grammar refuses, or a writer's
// mistake would pass unseen.
import { describe, expect, it } from "vitest";
import { readCsv, readKgxTsv } from "./table-readers.ts";

describe("readCsv (RFC 4180, strict)", () => {
  it("reads quoted fields, doubled quotes, commas and line breaks inside quotes", () => {
    expect(readCsv('a,b\r\n"x, ""y""","1\r\n2"\r\n')).toEqual([
      ["a", "b"],
      ['x, "y"', "1\r\n2"],
    ]);
  });

  it.each([
    ["a bare LF line end", "a,b\nc,d\n"],
    ["a bare quote", 'a,b\r\nx"y,z\r\n'],
    ["an unclosed quote", 'a,b\r\n"x,y\r\n'],
    ["a ragged record", "a,b\r\nc\r\n"],
  ])("refuses %s", (_, text) => {
    expect(() => readCsv(text)).toThrow();
  });
});

describe("readKgxTsv", () => {
  it("reads rows by column and checks the required columns and widths", () => {
    expect(readKgxTsv("id\tcategory\nA:1\tbiolink:Drug\n", ["id", "category"])).toEqual([
      { id: "A:1", category: "biolink:Drug" },
    ]);
    expect(() => readKgxTsv("id\nA:1\n", ["id", "category"])).toThrow(/category/);
    expect(() => readKgxTsv("id\tcategory\nA:1\n", ["id"])).toThrow(/fields/);
  });
});
