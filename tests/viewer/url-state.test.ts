// Deep links: the selection, trace mode and filters survive a trip through the address's
// fragment, for any node IRI and any combination of filters; an empty state makes no
// fragment, and a fragment that is not ours decodes to the empty state.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../../src/viewer/filters.ts";
import {
  decodeState,
  encodeState,
  type UrlState,
  withKnownDocuments,
} from "../../src/viewer/url-state.ts";

const TYPE_KEYS = [
  "claim",
  "document",
  "reference",
  "study",
  "work",
  "entity:AdverseEffect",
  "entity:Condition",
  "entity:Drug",
  "entity:DrugClass",
  "entity:Mechanism",
  "entity:Outcome",
  "entity:Target",
];

/** Node IRIs and document IRIs as they come, with characters that mean something in a query. */
const iri = fc.oneof(
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
  fc.constantFrom(
    "https://w3id.org/claimgraph/kb/claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0",
    "https://w3id.org/claimgraph/vocab#Claim",
    "urn:x:a&b=c#d e+f%20g",
  ),
);

const urlState: fc.Arbitrary<UrlState> = fc.record({
  selected: fc.option(iri, { nil: null }),
  trace: fc.boolean(),
  filters: fc.record({
    hiddenTypes: fc
      .uniqueArray(
        fc.oneof(fc.constantFrom(...TYPE_KEYS), fc.stringMatching(/^entity:[A-Za-z]{1,12}$/)),
        { maxLength: 6 },
      )
      .map((t) => new Set(t)),
    hideWeak: fc.boolean(),
    uncitedOnly: fc.boolean(),
    document: fc.option(iri, { nil: null }),
  }),
});

describe("url-state", () => {
  it("round-trips any selection, trace mode and filters", () => {
    fc.assert(
      fc.property(urlState, (s) => {
        const hash = encodeState(s);
        const back = decodeState(hash);
        expect(back.selected).toBe(s.selected);
        expect(back.trace).toBe(s.trace);
        expect(back.filters.hideWeak).toBe(s.filters.hideWeak);
        expect(back.filters.uncitedOnly).toBe(s.filters.uncitedOnly);
        expect(back.filters.document).toBe(s.filters.document);
        expect([...back.filters.hiddenTypes].sort()).toEqual([...s.filters.hiddenTypes].sort());
        // Encoding is a function of the state, not of the order the types were hidden in.
        expect(encodeState(back)).toBe(hash);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("makes a fragment that stays one fragment (no raw '#', spaces or line breaks)", () => {
    // No fragment for the empty state, one fragment for any other: both kinds of state occur.
    const empty: UrlState = { selected: null, trace: false, filters: NO_FILTERS };
    const isEmpty = (s: UrlState) =>
      s.selected === null &&
      !s.trace &&
      s.filters.hideWeak === NO_FILTERS.hideWeak &&
      s.filters.uncitedOnly === NO_FILTERS.uncitedOnly &&
      s.filters.document === NO_FILTERS.document &&
      s.filters.hiddenTypes.size === 0;
    const seen = { empty: 0, fragment: 0 };
    fc.assert(
      fc.property(
        fc.oneof({ arbitrary: fc.constant(empty), weight: 1 }, { arbitrary: urlState, weight: 9 }),
        (s) => {
          const hash = encodeState(s);
          if (isEmpty(s)) {
            seen.empty++;
            expect(hash).toBe("");
          } else {
            seen.fragment++;
            expect(hash.startsWith("#")).toBe(true);
            expect(hash.slice(1)).not.toMatch(/[#\s]/);
            expect(new URL(`http://127.0.0.1/${hash}`).hash).toBe(hash);
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
    expect(seen.empty).toBeGreaterThan(0);
    expect(seen.fragment).toBeGreaterThan(100);
  });

  it("encodes the empty state as no fragment, and decodes that to the empty state", () => {
    const empty: UrlState = { selected: null, trace: false, filters: NO_FILTERS };
    expect(encodeState(empty)).toBe("");
    for (const hash of ["", "#"]) {
      const s = decodeState(hash);
      expect(s.selected).toBeNull();
      expect(s.trace).toBe(false);
      expect(s.filters).toEqual({ ...NO_FILTERS, hiddenTypes: new Set() });
    }
  });

  it("writes a readable fragment for a typical deep link", () => {
    const hash = encodeState({
      selected: "https://w3id.org/claimgraph/kb/entity/desipramine",
      trace: true,
      filters: {
        hiddenTypes: new Set(["work", "claim"]),
        hideWeak: true,
        uncitedOnly: false,
        document: null,
      },
    });
    expect(hash).toBe(
      "#node=https%3A%2F%2Fw3id.org%2Fclaimgraph%2Fkb%2Fentity%2Fdesipramine&trace=1&hide=claim%2Cwork&weak=hide",
    );
  });

  it("decodes any fragment without throwing, ignoring what it does not know", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        const s = decodeState(`#${text}`);
        expect(typeof s.trace).toBe("boolean");
        expect(s.filters.hiddenTypes).toBeInstanceOf(Set);
        expect(s.filters.hiddenTypes.has("")).toBe(false);
      }),
      { seed: 42, numRuns: 300 },
    );
    expect(decodeState("#weak=maybe&trace=yes&uncited=true&hide=,,claim,").filters).toEqual({
      hiddenTypes: new Set(["claim"]),
      hideWeak: false,
      uncitedOnly: false,
      document: null,
    });
  });
});

describe("withKnownDocuments", () => {
  const KNOWN = "https://w3id.org/claimgraph/kb/doc/a";
  const GONE = "https://w3id.org/claimgraph/kb/doc/gone";
  const known = new Set([KNOWN]);
  const state = (doc: string | null, read: string | null): UrlState => ({
    selected: "x",
    trace: true,
    filters: { ...NO_FILTERS, uncitedOnly: true, document: doc },
    reader: { document: read, at: 120, open: false },
  });

  it("keeps a state whose documents the knowledge base has, as it is", () => {
    const s = state(KNOWN, KNOWN);
    expect(withKnownDocuments(s, known)).toBe(s);
    expect(withKnownDocuments(state(null, null), known)).toEqual(state(null, null));
  });

  it("drops a filter on a document it lacks, keeping the other filters", () => {
    const s = withKnownDocuments(state(GONE, KNOWN), known);
    expect(s.filters).toEqual({ ...NO_FILTERS, uncitedOnly: true, document: null });
    expect(s.reader).toEqual({ document: KNOWN, at: 120, open: false });
  });

  it("opens the first document at its top instead of one it lacks, hidden as it was", () => {
    const s = withKnownDocuments(state(KNOWN, GONE), known);
    expect(s.reader).toEqual({ document: null, at: 0, open: false });
    expect(s.filters.document).toBe(KNOWN);
    expect(s.selected).toBe("x");
  });
});
