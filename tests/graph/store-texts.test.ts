// The texts oxigraph loads (src/graph/store-texts.ts): a file in one string as it is; an
// N-Triples or N-Quads file in pieces piece by piece; a Turtle or TriG file in pieces refused.
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/base/errors.ts";
import { storeTexts } from "../../src/graph/store-texts.ts";
import { TextPieces } from "../../src/rdf/read/text-pieces.ts";

const pieces = new TextPieces(["<a:s> <a:p> <a:o> .\n", "<a:t> <a:p> <a:o> .\n"]);

describe("storeTexts", () => {
  it("loads one string as it is, whatever the format", () => {
    expect(storeTexts("kb.ttl", "x")).toEqual(["x"]);
    expect(storeTexts("kb.nq", "y")).toEqual(["y"]);
  });

  it("loads N-Triples and N-Quads in pieces piece by piece", () => {
    expect(storeTexts("kb.nq", pieces)).toEqual(pieces.pieces);
    expect(storeTexts("kb.nt", pieces)).toEqual(pieces.pieces);
  });

  it.each(["kb.ttl", "kb.trig"])("refuses %s in pieces, pointing to kb.nq", (file) => {
    expect(() => storeTexts(file, pieces)).toThrow(UsageError);
    expect(() => storeTexts(file, pieces)).toThrow(/too long \(40 characters\)/);
  });
});
