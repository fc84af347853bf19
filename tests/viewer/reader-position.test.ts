// The reader's place in a deep link (src/viewer/url-state.ts): its document, the display offset
// at its top and whether it is hidden survive the address; the reader as it opens adds nothing.
import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../../src/viewer/filters.ts";
import { decodeState, encodeState, type UrlState } from "../../src/viewer/url-state.ts";

const BASE: UrlState = { selected: null, trace: false, filters: NO_FILTERS };
const DOC = "https://w3id.org/claimgraph/kb/doc/nortriptyline-vs-sertraline?a=b&c#d";

describe("the reader in the address", () => {
  it.each([
    { document: DOC, at: 1234, open: true },
    { document: null, at: 77, open: true },
    { document: DOC, at: 0, open: false },
  ])("restores %o", (reader) => {
    const state = { ...BASE, reader };
    expect(decodeState(encodeState(state))).toEqual(state);
  });

  it("writes nothing for the reader as it opens, and reads nothing from a bad offset", () => {
    expect(encodeState({ ...BASE, reader: { document: null, at: 0, open: true } })).toBe("");
    expect(decodeState("#at=-5").reader).toBeUndefined();
    expect(decodeState("#at=x&read=urn%3Ax").reader).toEqual({
      document: "urn:x",
      at: 0,
      open: true,
    });
  });
});

describe("the open table in the address", () => {
  it("keeps the table open (the reader then hidden), and reads no unknown table", () => {
    const state: UrlState = {
      ...BASE,
      reader: { document: null, at: 40, open: false },
      table: "claims",
    };
    expect(encodeState(state)).toBe("#at=40&table=claims");
    expect(decodeState(encodeState(state))).toEqual(state);
    expect(decodeState("#table=__proto__").table).toBeUndefined();
  });
});
