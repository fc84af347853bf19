// Slugs are the local parts of every minted IRI, so for any label at all they must be short,
// IRI-safe, percent-decodable and accepted by a Turtle parser; the examples pin the readable form.
import fc from "fast-check";
import { Parser } from "n3";
import { describe, expect, it } from "vitest";
import { documentIdFromFile, normaliseLabel, slugify } from "../../src/base/slug.ts";

const RUNS = { seed: 42, numRuns: 200 } as const;

/** Lower-case ASCII letters, digits and dashes, or complete upper-case `%XX` escapes. */
const SLUG = /^(?:[a-z0-9-]|%[0-9A-F]{2})+$/;

/** One UTF-16 code unit, lone surrogates included: labels are JavaScript strings. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Labels of every kind: any code points, printable graphemes, raw UTF-16, and long mixes. */
const label = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: codeUnit, maxLength: 60 }),
  fc.string({
    unit: fc.oneof(fc.constantFrom("a", "Z", "7", " ", "-", "(", "é", "α", "中"), codeUnit),
    minLength: 60,
    maxLength: 140,
  }),
);

/** Whether the slug's escapes decode to text, as any IRI consumer would try. */
function decodes(slug: string): boolean {
  try {
    decodeURIComponent(slug);
    return true;
  } catch {
    return false;
  }
}

function parsesAsIri(iri: string): boolean {
  const quads = new Parser({ format: "Turtle" }).parse(`<${iri}> <https://x/p> "o" .\n`);
  return quads.length === 1 && quads[0]?.subject.value === iri;
}

describe("slugify, for any label", () => {
  it("gives a non-empty slug of ASCII letters, digits, dashes and whole %XX escapes", () => {
    fc.assert(
      fc.property(label, (s) => {
        const slug = slugify(s);
        expect(slug).not.toBe("");
        expect(slug).toMatch(SLUG);
        expect(slug.startsWith("-")).toBe(false);
        expect(slug.endsWith("-")).toBe(false);
        expect(slug.length).toBeLessThanOrEqual(80);
      }),
      RUNS,
    );
  });

  it("gives a slug that n3 parses inside an IRI in a Turtle triple", () => {
    fc.assert(
      fc.property(label, (s) => {
        expect(parsesAsIri(`https://x/entity/${slugify(s)}`)).toBe(true);
      }),
      RUNS,
    );
  });

  it("gives a slug that percent-decodes, when it was not cut to length", () => {
    fc.assert(
      fc.property(label, (s) => {
        const whole = slugify(s, Number.POSITIVE_INFINITY);
        fc.pre(whole.length <= 80);
        expect(slugify(s)).toBe(whole);
        expect(decodes(whole)).toBe(true);
      }),
      RUNS,
    );
  });

  it("never cuts to more than maxLength, nor ends a cut slug on a dash", () => {
    fc.assert(
      fc.property(label, fc.integer({ min: 1, max: 100 }), (s, max) => {
        const slug = slugify(s, max);
        expect(slug.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(slug).toMatch(SLUG);
        expect(slug.endsWith("-")).toBe(false);
      }),
      RUNS,
    );
  });

  // A character whose UTF-8 escapes do not all fit in the length limit is left out whole.
  it("gives a slug that percent-decodes, also when it was cut to length", () => {
    fc.assert(
      fc.property(label, (s) => {
        expect(decodes(slugify(s))).toBe(true);
      }),
      RUNS,
    );
  });

  it("does not cut a two-byte character in half at the length limit", () => {
    expect(decodes(slugify(`${"a".repeat(77)}α`))).toBe(true);
  });
});

describe("slugify, by example", () => {
  it.each([
    ["Desipramine (TCA)", "desipramine-tca"],
    ["SSRIs (e.g., Fluoxetine)", "ssris-e-g-fluoxetine"],
    ["  Norepinephrine  Transporter (NET) ", "norepinephrine-transporter-net"],
    ["5-HT1A autoreceptor", "5-ht1a-autoreceptor"],
    ["Café", "caf%C3%A9"],
    ["ﬁne", "fine"],
    ["Ⅻ", "xii"],
    ["---", "x"],
    ["🧪", "x"],
    ["", "x"],
  ])("%j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("percent-encodes a Greek letter as UTF-8", () => {
    const slug = slugify("α2A-adrenergic receptor");
    expect(slug.startsWith("%CE%B1")).toBe(true);
    expect(slug).toBe("%CE%B12a-adrenergic-receptor");
    expect(decodeURIComponent(slug)).toBe("α2a-adrenergic-receptor");
  });

  it.each([
    ["abc def", 4, "abc"],
    ["abc def", 5, "abc-d"],
    ["αβ", 8, "%CE%B1"],
    ["αβ", 7, "%CE%B1"],
  ])("cuts %j to at most %i characters: %j", (input, max, expected) => {
    expect(slugify(input, max)).toBe(expected);
  });
});

describe("documentIdFromFile and normaliseLabel", () => {
  it.each([
    ["graph/sources/desipramine-vs-ssris.md", "desipramine-vs-ssris"],
    ["C:\\docs\\Nortriptyline vs Sertraline.MD", "nortriptyline-vs-sertraline"],
  ])("%j has the document id %j", (file, id) => {
    expect(documentIdFromFile(file)).toBe(id);
  });

  it.each([
    ["Café  (TCA)", "cafe tca"],
    ["SSRIs (e.g., Fluoxetine)", "ssris e g fluoxetine"],
    ["  α2A-Adrenergic ", "α2a adrenergic"],
  ])("normalises %j to %j", (input, expected) => {
    expect(normaliseLabel(input)).toBe(expected);
  });
});
