import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/document/parse.ts";
import { golden, parseProjection } from "../helpers/golden.ts";

const FILE = "graph/sources/desipramine-vs-ssris.md";
const { document, diagnostics } = parseDocument(FILE, readFileSync(FILE));
if (!document) throw new Error("the seed did not parse");
const doc = document;
const at = (offset: number) => doc.source.position(offset);

describe("the seed document's parse", () => {
  it("has no diagnostics", () => {
    expect(diagnostics).toEqual([]);
  });

  it("reads the header fields", () => {
    const values = Object.fromEntries(Object.entries(doc.header).map(([k, f]) => [k, f.value]));
    expect(values).toEqual({
      title: "Mechanisms of Action: A Comparative Overview",
      author: "Smolecule Technical Support Team",
      date: "February 2026",
      compoundFocus: "Desipramine",
      casNumber: "303-54-8",
      catalogNumber: "S588168",
      publisher: "Smolecule",
      address: "https://www.smolecule.com/products/b588168#desipramine-compared-to-ssri",
    });
    expect(at(doc.header.casNumber?.span.start ?? -1)).toEqual({ line: 9, column: 10 });
    expect(doc.source.slice(doc.header.casNumber?.span ?? { start: 0, end: 0 })).toBe("303-54-8");
  });

  it("finds three tables with 36 data cells", () => {
    expect(doc.tables.map((t) => [t.header.length, t.rows.length])).toEqual([
      [3, 4],
      [4, 4],
      [3, 8],
    ]);
    expect(doc.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))).toHaveLength(36);
    const cell = doc.tables[0]?.rows[0]?.cells[0];
    expect(cell?.display.text).toBe("Norepinephrine Transporter (NET)");
    expect(cell?.citations.map((c) => c.number)).toEqual([1]);
    expect(at(cell?.span.start ?? -1)).toEqual({ line: 21, column: 16 });
  });

  it("finds all 41 citation markers, with runs such as [4] [5]", () => {
    expect(doc.citations).toHaveLength(41);
    const first = doc.citations[0];
    expect(first && { n: first.number, ...at(first.span.start) }).toEqual({
      n: 1,
      line: 21,
      column: 49,
    });
    const fourFive = doc.citations.filter((c) => c.number === 4 || c.number === 5);
    const runs = new Set(fourFive.filter((c) => c.number === 5).map((c) => c.run));
    for (const five of fourFive.filter((c) => c.number === 5)) {
      expect(fourFive.some((c) => c.number === 4 && c.run === five.run)).toBe(true);
    }
    expect(runs.size).toBe(3);
  });

  it("does not take [2026] in the citation footer for a marker", () => {
    expect(doc.citations.every((c) => c.number <= 8)).toBe(true);
  });

  it("reads the reference list: number, title as given, host, cut short", () => {
    expect(doc.references.map((r) => [r.number, r.host, r.truncated])).toEqual([
      [1, "ncbi.nlm.nih.gov", false],
      [2, "healthline.com", true],
      [3, "pmc.ncbi.nlm.nih.gov", true],
      [4, "pubmed.ncbi.nlm.nih.gov", true],
      [5, "sciencedirect.com", true],
      [6, "pmc.ncbi.nlm.nih.gov", true],
      [7, "pubmed.ncbi.nlm.nih.gov", true],
      [8, "frontiersin.org", true],
    ]);
    expect(doc.references[2]?.titleAsGiven).toBe(
      "The Antidepressant Desipramine Is an Arrestin-biased Ligand",
    );
    expect(at(doc.references[3]?.span.start ?? -1).line).toBe(89);
  });

  it("cleans display text: TeX, tags, entities and italics broken across lines", () => {
    const texts = doc.sentences.map((s) => s.display.text);
    expect(texts).toContain(
      "A key, non-canonical mechanism for Desipramine is its direct action as an arrestin-biased ligand at the α2A-adrenergic receptor (α2AAR).",
    );
    const joined = doc.sentences.find((s) => s.display.text.includes("in vitro and in vivo"));
    expect(joined && [at(joined.span.start).line, at(joined.span.end).line]).toEqual([26, 28]);
    expect(doc.tables[1]?.rows[3]?.label.display.text).toBe("Immunomodulation & Cancer Metastasis");
    expect(doc.tables[1]?.rows[3]?.cells[2]?.display.text).toContain(
      "(reduced IL-1β, IFN-γ; increased IL-10)",
    );
  });

  it("keeps the protocol bullets with their bold titles", () => {
    const protocol = doc.items.filter(
      (i) => i.section?.title === "Summary of Key Experimental Protocols",
    );
    expect(protocol.map((i) => i.title)).toEqual([
      "Memory in Depression",
      "Arrestin-Biased Signaling",
      "SSRI-Resistant Model",
      "Cancer Metastasis",
    ]);
    expect(protocol[0]?.citations.map((c) => c.number)).toEqual([4, 5]);
  });

  it("matches the reviewed golden parse", () => {
    const { expected, actual } = golden("desipramine-vs-ssris.parse.json", parseProjection(doc));
    expect(actual).toBe(expected);
  });
});
