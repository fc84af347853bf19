import { describe, expect, it } from "vitest";
import { cleanText, rawSpanOf, texToUnicode } from "../../src/document/clean.ts";
import { parseDocument } from "../../src/document/parse.ts";
import { sentenceRanges } from "../../src/document/sentences.ts";

describe("display text", () => {
  it.each([
    ["<b>Major Depression (Memory)</b>", "Major Depression (Memory)"],
    ["Immunomodulation &amp; Cancer Metastasis", "Immunomodulation & Cancer Metastasis"],
    ["at the  $\\alpha_2A$ -adrenergic receptor", "at the α2A-adrenergic receptor"],
    ["receptor ( $\\alpha_2AAR$ ) [3].", "receptor (α2AAR)."],
    ["recruits  $\\beta$ -arrestin", "recruits β-arrestin"],
    ["and  $\\alpha_1$ -adrenergic blockade", "and α1-adrenergic blockade"],
    ["HA-tagged  $\\alpha_2$ AAR.", "HA-tagged α2AAR."],
    ["of  $\\alpha_2AAR$  expression", "of α2AAR expression"],
    [
      "(reduced IL-1 $\\beta$ , IFN- $\\gamma$ ; increased IL-10)",
      "(reduced IL-1β, IFN-γ; increased IL-10)",
    ],
    ["stimulation *in*\n\n*vitro* and *in vivo*", "stimulation in vitro and in vivo"],
    ["an **arrestin-biased ligand** at", "an arrestin-biased ligand at"],
    ["Did not improve [4] [5].", "Did not improve."],
    [
      "[Click to download full resolution via product page](#)",
      "Click to download full resolution via product page",
    ],
    ["&#946; and &#x3b3;", "β and γ"],
    ["GSK-3&beta; and &alpha;1 receptors", "GSK-3β and α1 receptors"],
    ["Agomelatine&rsquo;s action", "Agomelatine’s action"],
    ["caf&eacute; &frac12; dose &ge; 10 &micro;g", "café ½ dose ≥ 10 µg"],
    ["&NotEqualTilde; &Afr; &#150; &#x1F600;", "≂̸ 𝔄 – 😀"],
    ["&#65533; &#xFFFD;", "\uFFFD \uFFFD"],
  ])("%j → %j", (raw, display) => {
    expect(cleanText(raw, 0).text).toBe(display);
  });

  it.each([
    ["an unknown name", "R&D; &foo; &notaname;"],
    ["a name without its semicolon", "&amp &beta and &eacute"],
    ["a number that is no character", "&#0; &#xD800; &#x110000;"],
  ])("keeps %s as written", (_, raw) => {
    expect(cleanText(raw, 0).text).toBe(raw);
  });

  it("maps each decoded entity back to the whole reference", () => {
    const raw = "GSK-3&beta; and Agomelatine&rsquo;s caf&eacute;";
    const d = cleanText(raw, 40);
    expect(d.text).toBe("GSK-3β and Agomelatine’s café");
    for (const [ch, reference] of [
      ["β", "&beta;"],
      ["’", "&rsquo;"],
      ["é", "&eacute;"],
    ] as const) {
      const at = d.text.indexOf(ch);
      const span = rawSpanOf(d, at, at + 1);
      expect(raw.slice((span?.start ?? 0) - 40, (span?.end ?? 0) - 40)).toBe(reference);
    }
  });

  it("keeps markers when asked", () => {
    expect(cleanText("mood [4] [5].", 0, { dropMarkers: false }).text).toBe("mood [4] [5].");
  });

  it("maps every display character back to its raw span", () => {
    const raw = "the  $\\alpha_2A$ -adrenergic &amp; <b>more</b>";
    const d = cleanText(raw, 100);
    expect(d.starts).toHaveLength(d.text.length);
    const at = d.text.indexOf("α2A");
    expect(rawSpanOf(d, at, at + 3)).toEqual({ start: 105, end: 116 });
    const amp = d.text.indexOf("&");
    expect(raw.slice((d.starts[amp] ?? 0) - 100, (d.ends[amp] ?? 0) - 100)).toBe("&amp;");
    const more = d.text.indexOf("more");
    expect(
      raw.slice(
        (rawSpanOf(d, more, more + 4)?.start ?? 0) - 100,
        (rawSpanOf(d, more, more + 4)?.end ?? 0) - 100,
      ),
    ).toBe("more");
  });

  it("turns TeX commands into Unicode and drops sub- and superscript marks", () => {
    expect(texToUnicode("\\alpha_{2A}")).toBe("α2A");
    expect(texToUnicode("\\beta_1AR")).toBe("β1AR");
    expect(texToUnicode("Ca^{2+}")).toBe("Ca2+");
  });
});

describe("sentences", () => {
  it("split after terminal punctuation, not after abbreviations", () => {
    const text =
      "SSRIs (e.g., Fluoxetine) act. Desipramine (n=9) vs. Fluoxetine (n=8) differ. Ph.D. Support helps. The end";
    const parts = sentenceRanges(text).map(([a, b]) => text.slice(a, b));
    expect(parts).toEqual([
      "SSRIs (e.g., Fluoxetine) act.",
      "Desipramine (n=9) vs. Fluoxetine (n=8) differ.",
      "Ph.D. Support helps.",
      "The end",
    ]);
  });

  it("ends a sentence after a letter that names a thing, not after an initial", () => {
    const text =
      "It lowers the release of substance P. Gabapentin acts there too. Written by J. Smith and Dr. A. B. Jones, after John F. Cade. It lowers vitamin D. Next.";
    expect(sentenceRanges(text).map(([a, b]) => text.slice(a, b))).toEqual([
      "It lowers the release of substance P.",
      "Gabapentin acts there too.",
      "Written by J. Smith and Dr. A. B. Jones, after John F. Cade.",
      "It lowers vitamin D.",
      "Next.",
    ]);
  });
});

describe("line endings and byte-order marks", () => {
  const doc =
    "# T\n\n**Author:** A. **Date:** May 2026\n\nDesipramine inhibits NET [1].\n\n## References\n\n1. A title [example.org]\n";
  it("give the same claims with CRLF and a BOM, with positions in the raw file", () => {
    const lf = parseDocument("lf.md", doc).document;
    const crlf = parseDocument(
      "crlf.md",
      new TextEncoder().encode(`\uFEFF${doc.replace(/\n/g, "\r\n")}`),
    ).document;
    expect(crlf?.sentences.map((s) => s.display.text)).toEqual(
      lf?.sentences.map((s) => s.display.text),
    );
    expect(crlf?.references.map((r) => r.titleAsGiven)).toEqual(["A title"]);
    const marker = crlf?.citations[0];
    expect(marker && crlf?.source.slice(marker.span)).toBe("[1]");
    expect(marker && crlf?.source.position(marker.span.start)).toEqual({ line: 5, column: 26 });
  });
});

describe("noncharacters", () => {
  it.each(["\uFFFE", "\uFFFF", "\uFDD0", "\u{1FFFF}"])("%j is refused with its position", (ch) => {
    const { document, diagnostics } = parseDocument("n.md", `# T\n\nA ${ch} B [1].\n`);
    expect(document).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["Noncharacter", 3, 3]]);
  });
});
