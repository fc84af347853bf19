// A text in pieces (src/rdf/read/text-pieces.ts) read by the guarded parser: the same quads as
// the whole text, for Turtle, TriG and N-Quads cut into many small pieces, and errors placed at
// their line and column in the whole text when they come after a piece boundary.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import { describe, expect, it } from "vitest";
import { syntaxDiagnostic } from "../../../src/graph/load.ts";
import {
  MAX_LITERAL_LENGTH,
  parseRdf,
  type RdfFormat,
} from "../../../src/rdf/read/guarded-parser.ts";
import { LineOffsets } from "../../../src/rdf/read/line-offsets.ts";
import { cutText, type RdfText, TextPieces } from "../../../src/rdf/read/text-pieces.ts";
import { TextPlaces } from "../../../src/rdf/read/text-places.ts";
import { FRESH_GRAPH } from "../../helpers/fresh-kb.ts";

const key = (q: Quad) =>
  `${q.subject.termType}:${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value} ${(q.object as { datatype?: { value: string } }).datatype?.value ?? ""} ${(q.object as { language?: string }).language ?? ""} ${q.graph.value}`;

/** The quads of `text`, each with the place of its object, in order. */
function read(text: RdfText, format: RdfFormat): string[] {
  const out: string[] = [];
  parseRdf(text, format, (q, place) => {
    const { line, column } = place();
    out.push(`${key(q)} @${line}:${column}`);
  });
  return out;
}

/** Where parsing `text` fails, as `line:column code message`. */
function failure(text: RdfText, format: RdfFormat): string {
  try {
    parseRdf(text, format, () => {});
  } catch (error) {
    const d = syntaxDiagnostic("x", text, error as Error);
    return `${d.line}:${d.column} ${d.code} ${d.message}`;
  }
  return "parsed";
}

describe("cutText", () => {
  it("cuts after line feeds, at least `size` characters apart; the pieces join to the text", () => {
    const text = "a\nbb\r\nccc\n\ndddd\neeeee";
    const pieces = cutText(text, 3);
    expect(pieces).toEqual(["a\nbb\r\n", "ccc\n", "\ndddd\n", "eeeee"]);
    expect(pieces.join("")).toBe(text);
    expect(cutText("one line, no break", 4)).toEqual(["one line, no break"]);
    expect(cutText("", 4)).toEqual([]);
  });
});

describe("TextPieces", () => {
  const text = "ab\ncé\r\n😀x\n\ny\rz\n";
  const pieces = new TextPieces(cutText(text, 2));

  it("reads like the whole string: length, characters, line feeds and slices", () => {
    expect(pieces.pieces.length).toBeGreaterThan(3);
    expect(pieces.length).toBe(text.length);
    for (let i = 0; i <= text.length; i++) {
      expect(pieces.charCodeAt(i)).toEqual(text.charCodeAt(i));
      expect(pieces.indexOf("\n", i)).toBe(text.indexOf("\n", i));
      expect(pieces.indexOf("\r", i)).toBe(text.indexOf("\r", i));
      // Asked out of order too: backwards from the end.
      const j = text.length - i;
      expect(pieces.slice(j, j + 5)).toBe(text.slice(j, j + 5));
    }
  });

  it("places lines and columns as in the whole string", () => {
    const whole = new TextPlaces(text);
    const cut = new TextPlaces(pieces);
    const wholeOffsets = new LineOffsets(text);
    const cutOffsets = new LineOffsets(pieces);
    for (let line = 1; line <= 7; line++) {
      for (let units = 0; units < 3; units++) {
        expect(cut.at(line, units)).toEqual(whole.at(line, units));
        expect(cutOffsets.at(line, units)).toBe(wholeOffsets.at(line, units));
      }
    }
  });
});

describe.each([
  ["kb.ttl", "Turtle"],
  ["kb.trig", "TriG"],
  ["kb.nq", "N-Quads"],
] as const)("the seed's %s read in pieces", (file, format) => {
  const text = readFileSync(join(FRESH_GRAPH, file), "utf8");
  const whole = read(text, format);

  it.each([1, 97, 4096])("gives the same quads at the same places, in pieces of %i", (size) => {
    const pieces = new TextPieces(cutText(text, size));
    expect(pieces.pieces.length).toBeGreaterThan(size === 4096 ? 10 : 1000);
    expect(whole.length).toBeGreaterThan(1000);
    expect(read(pieces, format)).toEqual(whole);
  });
});

describe("an error after a piece boundary", () => {
  const P = "@prefix : <http://example.org/> .\n";
  const body = Array.from({ length: 50 }, (_, i) => `:s${i} :p "é😀 ${i}" .\n`).join("");

  it.each([
    ["a syntax error", ':s :p "ünïcödé😀" :bad .\n', "54:18 RdfSyntax"],
    ["an IRI with a space", ':s :p "😀" , <http://example.org/a b> .\n', "54:13 RdfSyntax"],
    ["an unknown prefix", ':s :p "😀" , nope:x .\n', "54:13 RdfSyntax"],
  ])("%s is placed at its line and column in the whole text", (_, bad, place) => {
    const text = `${P}${body}\n\n${bad}:t :p :o .\n`;
    const wholeFailure = failure(text, "Turtle");
    expect(wholeFailure).toMatch(new RegExp(`^${place} `));
    for (const size of [1, 10, 100, 1000]) {
      const pieces = new TextPieces(cutText(text, size));
      expect(failure(pieces, "Turtle")).toBe(wholeFailure);
    }
  });

  it("a statement running over a piece boundary reads as in the whole text", () => {
    const text = `${P}:s\n:p\n"""a\nb\n😀"""\n.\n:t :p :o .\n`;
    const whole = read(text, "Turtle");
    expect(whole).toHaveLength(2);
    expect(read(new TextPieces(cutText(text, 1)), "Turtle")).toEqual(whole);
  });

  it("a file that ends in the middle of a statement is refused at its end", () => {
    const text = `${P}${body}:s :p`;
    const pieces = new TextPieces(cutText(text, 7));
    expect(failure(pieces, "Turtle")).toBe(failure(text, "Turtle"));
    expect(failure(pieces, "Turtle")).toMatch(/^52:6 RdfSyntax/);
  });
});

describe("a literal too long, across pieces", () => {
  it("is refused where it opens, before n3 reads it all", () => {
    const P = "@prefix : <http://example.org/> .\n:a :p :b .\n";
    const line = `${"x".repeat(1023)}\n`;
    const long = line.repeat(Math.ceil(MAX_LITERAL_LENGTH / line.length) + 64);
    const text = `${P}:s :p """${long}""" .\n`;
    const pieces = new TextPieces(cutText(text, 1024 * 1024));
    expect(pieces.pieces.length).toBeGreaterThan(16);
    const expected = `3:7 RdfLimit a literal longer than ${MAX_LITERAL_LENGTH} characters`;
    expect(failure(pieces, "Turtle")).toBe(expected);
    expect(failure(text, "Turtle")).toBe(expected);
  });
});
