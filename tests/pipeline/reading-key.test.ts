// A reading's key (#16.1) changes with what `readDocument` reads of one document — its path,
// its bytes, the curated rows naming it, the lexicon — and with nothing else.
import { describe, expect, it } from "vitest";
import type { TsvRow } from "../../src/base/tsv.ts";
import type { Manifest } from "../../src/pipeline/manifest.ts";
import { lexiconKey, readingKeys } from "../../src/pipeline/reading-key.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const docs = [
  { file: "sources/a.md", bytes: bytes("# A\n") },
  { file: "sources/b.md", bytes: bytes("# B\n") },
];
const row = (document: string, line: number, quote: string): TsvRow => ({
  line,
  fields: { document, quote },
  columns: { document: 1, quote: 3 },
});
const manifest = (lexicon: string): Manifest => ({
  generator: "claimgraph test",
  inputs: { "ontology/lexicon/entities.tsv": lexicon, "sources/a.md": "0".repeat(64) },
});
const keys = (
  rows: readonly TsvRow[],
  lexicon = "1".repeat(64),
  documents: typeof docs = docs,
): string[] => readingKeys(documents, { file: "curation/claims.tsv", rows }, manifest(lexicon));

describe("readingKeys", () => {
  const [a, b] = keys([row("a", 2, "A")]);

  it("keys each document apart, the same for the same inputs", () => {
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(keys([row("a", 2, "A")])).toEqual([a, b]);
  });

  it("changes one document's key with its bytes, its path or its own curated rows", () => {
    const edited = [{ ...docs[0], bytes: bytes("# A!\n") }, docs[1]] as typeof docs;
    expect(keys([row("a", 2, "A")], undefined, edited)).toEqual([
      expect.not.stringMatching(a as string),
      b,
    ]);
    const moved = [{ ...docs[0], file: "elsewhere/a.md" }, docs[1]] as typeof docs;
    expect(keys([row("a", 2, "A")], undefined, moved)[0]).not.toBe(a);
    expect(keys([row("a", 2, "A!")])).toEqual([expect.not.stringMatching(a as string), b]);
    // A row's line is in its diagnostics: a row moved is a change too.
    expect(keys([row("a", 3, "A")])[0]).not.toBe(a);
  });

  it("keeps a document's key when only another document's rows change", () => {
    expect(keys([row("a", 2, "A"), row("b", 3, "B")])[0]).toBe(a);
  });

  it("changes every key with the lexicon, which only the ontology's files make", () => {
    const other = keys([row("a", 2, "A")], "2".repeat(64));
    expect(other[0]).not.toBe(a);
    expect(other[1]).not.toBe(b);
    const withSource = manifest("1".repeat(64));
    const otherSource = {
      ...withSource,
      inputs: { ...withSource.inputs, "sources/a.md": "f".repeat(64) },
    };
    expect(lexiconKey(otherSource)).toBe(lexiconKey(withSource));
  });
});
