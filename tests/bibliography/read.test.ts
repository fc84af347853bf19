// Reading a reference manager's export: the format told by content (then extension), the
// entries' fields as the file gives them, and what does not parse located at file:line:col.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/base/errors.ts";
import { detectFormat, readBibliography } from "../../src/bibliography/read.ts";
import { fixture } from "./fictional.ts";

const read = (file: string, text: string) => {
  const diagnostics: Diagnostic[] = [];
  const entries = readBibliography(file, text, diagnostics);
  return { entries, diagnostics };
};

describe("reading a bibliography", () => {
  it("tells CSL-JSON, BibTeX and RIS apart by content, whatever the extension", () => {
    expect(detectFormat("x.txt", '[{"id":"a"}]')).toBe("csl-json");
    expect(detectFormat("x.txt", "% comment\n@article{a, title={T}}")).toBe("bibtex");
    expect(detectFormat("x.json", "TY  - JOUR\nER  - \n")).toBe("ris");
    expect(detectFormat("x.ris", "")).toBe("ris");
    expect(detectFormat("x.txt", "hello")).toBeUndefined();
  });

  it.each(["seed.json", "seed.bib", "seed.ris"])(
    "reads %s's three entries with what the data gives",
    (name) => {
      const { file, text } = fixture(name);
      const { entries, diagnostics } = read(file, text);
      expect(diagnostics).toEqual([]);
      const levkovitz = entries[0];
      expect(levkovitz).toMatchObject({
        file,
        name,
        authors: ["Levkovitz, Y."],
        year: "2002",
        journal: "Brain Res Bull",
        doi: "10.1016/s0361-9230(01)00780-8",
        pmid: "12183009",
        title: undefined,
      });
      expect(entries[1]?.title).toMatch(/^The antidepressant desipramine is an arrestin-biased/);
      // Zotero's "PMID: …" in the note (CSL-JSON, RIS) or BibLaTeX's eprint.
      expect(entries[2]).toMatchObject({ pmid: "37409130", doi: "10.3389/fimmu.2023.1160977" });
      expect(entries.map((e) => e.line)).toEqual(
        name === "seed.json" ? [3, 15, 22] : name === "seed.bib" ? [3, 14, 20] : [1, 13, 19],
      );
    },
  );

  it("places a CSL-JSON entry at its own id, not at an id it is the start of", () => {
    const text = '[\n  {"id": "ab", "title": "B"},\n  {"id": "a", "title": "A"},\n  {"id": 7}\n]\n';
    expect(read("lib.json", text).entries.map((e) => [e.id, e.line])).toEqual([
      ["ab", 2],
      ["a", 3],
      ["7", 4],
    ]);
  });

  it("keys RIS entries without an ID by their place, the same on every read", () => {
    const { file, text } = fixture("seed.ris");
    expect(read(file, text).entries.map((e) => e.id)).toEqual(["entry-1", "entry-2", "entry-3"]);
    expect(read(file, text).entries.map((e) => e.id)).toEqual(["entry-1", "entry-2", "entry-3"]);
  });

  it("reports BibTeX that does not parse at the line and column citation-js names", () => {
    const { entries, diagnostics } = read(
      "bad.bib",
      "@article{a,\n  title = {T},\n  year = 2019 2020,\n}\n",
    );
    expect(entries).toEqual([]);
    expect(diagnostics).toMatchObject([
      { code: "BadBibliography", severity: "error", file: "bad.bib", line: 3, column: 15 },
    ]);
    expect(diagnostics[0]?.hint).not.toBe("");
  });

  it("reports CSL-JSON that does not parse at its line and column", () => {
    const { diagnostics } = read("bad.json", '[\n  {"id": "a",\n   "title": }\n]\n');
    expect(diagnostics).toMatchObject([{ code: "BadBibliography", line: 3, column: 13 }]);
  });

  it("reports an RIS entry that never ends at its TY line, and a file of no known format", () => {
    expect(read("bad.ris", "TY  - JOUR\nER  - \nTY  - JOUR\nTI  - x\n").diagnostics).toMatchObject([
      { code: "BadBibliography", line: 3, column: 1 },
    ]);
    expect(read("notes.txt", "just notes").diagnostics).toMatchObject([
      { code: "BadBibliography", line: 1, column: 1 },
    ]);
  });
});
