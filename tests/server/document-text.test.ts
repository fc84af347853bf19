// The reader's display text of a whole document (src/server/document-text.ts): markup cleaned
// line by line and cell by cell, markers kept and found, and a claim's raw range mapped to
// display spans that read exactly as its display quote, markers cut out.
import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/document/clean.ts";
import { displayDocument, spansOf, utf16Offsets } from "../../src/server/document-text.ts";

const RAW = [
  "",
  "# A <b>Title</b>",
  "",
  "",
  "The **arrestin-biased ligand** at the  $\\alpha_2A$ -adrenergic receptor [3]. Next one.",
  "Feature\tDesipramine (TCA)\tSSRIs",
  "Primary Target\tNorepinephrine Transporter (NET) [1]\tSERT &amp; more [2]",
  "Memory\tDid not improve memory despite improving mood [4] [5].\t",
  "",
].join("\n");

const shown = (text: string, spans: ReadonlyArray<readonly [number, number]>) =>
  spans.map(([s, e]) => text.slice(s, e)).join("");

/** The raw range of `quote` in RAW. */
function range(quote: string): [number, number] {
  const at = RAW.indexOf(quote);
  if (at === -1) throw new Error(`not in RAW: ${quote}`);
  return [at, at + quote.length];
}

describe("displayDocument", () => {
  const doc = displayDocument(RAW);

  it("cleans markup and TeX, keeps lines, cells and one blank line between paragraphs", () => {
    expect(doc.text).toBe(
      [
        "A Title",
        "",
        "The arrestin-biased ligand at the α2A-adrenergic receptor [3]. Next one.",
        "Feature\tDesipramine (TCA)\tSSRIs",
        "Primary Target\tNorepinephrine Transporter (NET) [1]\tSERT & more [2]",
        "Memory\tDid not improve memory despite improving mood [4] [5].",
      ].join("\n"),
    );
    expect(doc.starts).toHaveLength(doc.text.length);
  });

  it("finds the citation markers where the raw text has them", () => {
    expect(doc.markers.map((m) => [doc.text.slice(m.start, m.end), m.number])).toEqual([
      ["[3]", 3],
      ["[1]", 1],
      ["[2]", 2],
      ["[4]", 4],
      ["[5]", 5],
    ]);
  });
});

describe("spansOf", () => {
  const doc = displayDocument(RAW);

  it.each([
    "Norepinephrine Transporter (NET) [1]",
    "Did not improve memory despite improving mood [4] [5].",
    "**arrestin-biased ligand** at the  $\\alpha_2A$ -adrenergic receptor [3]. Next",
    "Memory\tDid not improve memory",
    "SERT &amp; more [2]",
  ])("maps %j to spans that read as its display quote", (quote) => {
    const [start, end] = range(quote);
    const spans = spansOf(doc, start, end);
    expect(shown(doc.text, spans).replace(/\s+/g, " ")).toBe(cleanText(quote, 0).text);
    // No span holds a marker.
    for (const [s, e] of spans) expect(doc.text.slice(s, e)).not.toMatch(/\[\d+\]/);
  });

  it("cuts a quote around the markers inside it", () => {
    const [start, end] = range("Did not improve memory despite improving mood [4] [5].");
    expect(spansOf(doc, start, end).map(([s, e]) => doc.text.slice(s, e))).toEqual([
      "Did not improve memory despite improving mood",
      ".",
    ]);
  });
});

describe("utf16Offsets", () => {
  it("turns code-point offsets into UTF-16 offsets past characters outside the BMP", () => {
    const text = "a😀b😀c";
    const toUtf16 = utf16Offsets(text);
    expect([0, 1, 2, 3, 4, 5].map(toUtf16)).toEqual([0, 1, 3, 4, 6, 7]);
    const doc = displayDocument(text);
    const [s, e] = spansOf(doc, toUtf16(4), toUtf16(5))[0] ?? [0, 0];
    expect(doc.text.slice(s, e)).toBe("c");
  });
});
