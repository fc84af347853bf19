// Which documents a document picker lists (document-picker.ts): at most the limit, those whose
// title or IRI holds the query in any case, the chosen one always, and how many more match —
// checked against a plain count over random lists, queries and choices.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ListedDocument } from "../../src/projection/document-list.ts";
import { PICKER_OPTIONS, pickerChoices } from "../../src/viewer/document-picker.ts";

const doc = (i: number, label: string): ListedDocument => ({
  id: `https://example.org/doc/d${String(i).padStart(5, "0")}`,
  label,
});

const many = Array.from({ length: 250 }, (_, i) =>
  doc(i, i % 2 === 0 ? `Sertraline overview ${i}` : `Fluoxetine overview ${i}`),
);

describe("pickerChoices", () => {
  it("lists everything when the documents are fewer than the limit", () => {
    const few = many.slice(0, 3);
    expect(pickerChoices(few, null, "")).toEqual({ shown: few, more: 0 });
  });

  it("lists the first PICKER_OPTIONS documents of many and counts the rest", () => {
    const { shown, more } = pickerChoices(many, null, "");
    expect(shown).toEqual(many.slice(0, PICKER_OPTIONS));
    expect(more).toBe(250 - PICKER_OPTIONS);
  });

  it("matches titles and IRIs whatever the case, ignoring blanks around the query", () => {
    const { shown, more } = pickerChoices(many, null, "  FLUOXETINE ");
    expect(shown.every((d) => d.label.startsWith("Fluoxetine"))).toBe(true);
    expect(shown).toHaveLength(PICKER_OPTIONS);
    expect(more).toBe(125 - PICKER_OPTIONS);
    expect(pickerChoices(many, null, "d00007").shown.map((d) => d.label)).toEqual([
      "Fluoxetine overview 7",
    ]);
  });

  it("always lists the chosen document, first when the matches shown leave it out", () => {
    const chosen = many[240] as ListedDocument;
    const { shown, more } = pickerChoices(many, chosen.id, "");
    expect(shown[0]).toEqual(chosen);
    expect(shown).toHaveLength(PICKER_OPTIONS + 1);
    expect(more).toBe(250 - PICKER_OPTIONS - 1);
    const elsewhere = pickerChoices(many, chosen.id, "fluoxetine");
    expect(elsewhere.shown[0]).toEqual(chosen);
    expect(elsewhere.more).toBe(125 - PICKER_OPTIONS);
  });

  it("agrees with a plain count on random lists, queries and choices", () => {
    const word = fc.constantFrom("alpha", "Beta", "gamma", "ALPHA beta", "delta");
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 40 }),
        fc.constantFrom("", "alpha", "BETA", "a", "zzz", " gamma "),
        fc.option(fc.nat(60), { nil: null }),
        fc.integer({ min: 1, max: 10 }),
        (labels, query, pick, limit) => {
          const documents = labels.map((l, i) => doc(i, l));
          const chosen = pick === null ? null : (documents[pick]?.id ?? null);
          const q = query.trim().toLowerCase();
          const matching = documents.filter(
            (d) => d.label.toLowerCase().includes(q) || d.id.toLowerCase().includes(q),
          );
          const { shown, more } = pickerChoices(documents, chosen, query, limit);
          const first = matching.slice(0, limit);
          const extra = documents.find((d) => d.id === chosen && !first.includes(d));
          expect(shown).toEqual(extra ? [extra, ...first] : first);
          const listed = shown.filter((d) => matching.includes(d)).length;
          expect(more).toBe(matching.length - listed);
        },
      ),
    );
  });
});
