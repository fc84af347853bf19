// HTML entities in a whole document (#14): the held-out documents were written with `&alpha;`,
// `&beta;` and `&rsquo;`, which the old 12-name table left raw. Parsed now, cells and sentences
// show the characters, and each decoded character still maps to the reference it came from,
// so quotes and the reader's marks keep their place in the file.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rawSpanOf } from "../../src/document/clean.ts";
import { parseDocument } from "../../src/document/parse.ts";
import type { Segment } from "../../src/document/types.ts";

function segments(file: string): Segment[] {
  const { document } = parseDocument(file, readFileSync(file));
  if (!document) throw new Error(`${file} did not parse`);
  const cells = document.tables.flatMap((t) => t.rows.flatMap((r) => [r.label, ...r.cells]));
  return [...cells, ...document.sentences];
}

describe.each([
  ["tests/fixtures/corpus/maprotiline-vs-trazodone.md", "α1-adrenergic", "α", "&alpha;"],
  ["tests/fixtures/corpus/maprotiline-vs-trazodone.md", "Maprotiline’s", "’", "&rsquo;"],
  ["tests/fixtures/corpus/lithium-vs-valproate.md", "GSK-3β", "β", "&beta;"],
])("%s", (file, shown, char, reference) => {
  const all = segments(file);
  const text = readFileSync(file, "utf8");

  it(`shows ${shown}, and no ${reference} is left in any display text`, () => {
    expect(all.some((s) => s.display.text.includes(shown))).toBe(true);
    expect(all.filter((s) => s.display.text.includes(reference))).toEqual([]);
  });

  it(`maps each ${char} decoded from ${reference} back to the whole reference`, () => {
    const mapped = all.flatMap((s) =>
      [...s.display.text.matchAll(new RegExp(char, "g"))].map((m) => {
        const span = rawSpanOf(s.display, m.index, m.index + 1);
        return text.slice(span?.start, span?.end);
      }),
    );
    const references = text.split(reference).length - 1;
    expect(mapped.filter((raw) => raw === reference)).toHaveLength(references);
    expect(references).toBeGreaterThan(0);
  });
});
