import { describe, expect, it } from "vitest";
import { SeenTriples } from "../../../src/rdf/write/seen-triples.ts";

const key = (s: string, p: string, o: string) => `${s}\u0001${p}\u0001${o}`;

describe("SeenTriples", () => {
  it("says a triple is new the first time only", () => {
    const seen = new SeenTriples();
    const k = key(
      "http://ex.org/a",
      "http://ex.org/p",
      '"1"^^http://www.w3.org/2001/XMLSchema#string@',
    );
    expect(seen.firstTime(k)).toBe(true);
    expect(seen.firstTime(k)).toBe(false);
    expect(seen.firstTime(`${k}`)).toBe(false);
    expect(seen.size).toBe(1);
  });

  it("tells apart triples that differ anywhere, by one character", () => {
    const seen = new SeenTriples();
    const keys = [
      key("http://ex.org/a", "http://ex.org/p", "http://ex.org/b"),
      key("http://ex.org/a", "http://ex.org/p", "http://ex.org/c"),
      key("http://ex.org/a", "http://ex.org/q", "http://ex.org/b"),
      key("http://ex.org/A", "http://ex.org/p", "http://ex.org/b"),
      key("http://ex.org/é", "http://ex.org/p", "http://ex.org/b"),
      key("http://ex.org/e\u0301", "http://ex.org/p", "http://ex.org/b"),
    ];
    expect(keys.map((k) => seen.firstTime(k))).toEqual(keys.map(() => true));
    expect(keys.map((k) => seen.firstTime(k))).toEqual(keys.map(() => false));
    expect(seen.size).toBe(keys.length);
  });

  it("keeps apart keys with lone surrogates, which UTF-8 would hash alike", () => {
    const seen = new SeenTriples();
    const high = key("http://ex.org/a", "http://ex.org/p", '"\uD800"^^x@');
    const low = key("http://ex.org/a", "http://ex.org/p", '"\uDC00"^^x@');
    expect(seen.firstTime(high)).toBe(true);
    expect(seen.firstTime(low)).toBe(true);
    expect(seen.firstTime(high)).toBe(false);
    expect(seen.firstTime(low)).toBe(false);
  });

  it("keeps a pair of surrogates, one character, among the hashed keys", () => {
    const seen = new SeenTriples();
    const emoji = key("http://ex.org/a", "http://ex.org/p", '"\u{1F600}"^^x@');
    expect(seen.firstTime(emoji)).toBe(true);
    expect(seen.firstTime(emoji)).toBe(false);
    expect(seen.size).toBe(1);
  });
});
