// Addresses read from documents become IRIs every reader takes: characters no IRI may hold
// are percent-encoded (as a browser does), and the exports of a document whose address holds
// them re-parse with n3 and with claimgraph's own strict reader.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { Parser } from "n3";
import { afterAll, describe, expect, it } from "vitest";
import { readKnowledgeBaseFiles } from "../../../src/graph/load.ts";
import { build, render } from "../../../src/pipeline/pipeline.ts";
import { iriProblem, toIri } from "../../../src/rdf/vocab/iri-syntax.ts";
import { NO_CURATION, removeTemp, SECOND_SOURCES, writeTemp } from "../../helpers/build.ts";

afterAll(removeTemp);

describe("toIri", () => {
  it("leaves a plain address alone", () => {
    for (const a of [
      "https://www.smolecule.com/products/b588168#desipramine-compared-to-ssri",
      "https://example.org/a%20b?x=1&y=(2)",
      "http://例え.jp/パス",
    ])
      expect(toIri(a)).toBe(a);
  });

  it("percent-encodes what no IRI may hold, as UTF-8", () => {
    expect(toIri('https://x.org/a"b{c}|d^e`f\\g')).toBe(
      "https://x.org/a%22b%7Bc%7D%7Cd%5Ee%60f%5Cg",
    );
    expect(toIri("https://x.org/100%")).toBe("https://x.org/100%25");
    expect(toIri("https://x.org/\u202Eevil\u007F")).toBe("https://x.org/%E2%80%AEevil%7F");
    expect(toIri("no scheme here")).toBeUndefined();
  });

  it("gives a valid IRI for any text after a scheme", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (tail) => {
        const iri = toIri(`https://example.org/${tail}`);
        expect(iri).toBeDefined();
        expect(iriProblem(iri as string)).toBeUndefined();
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

describe("a document whose address holds characters no IRI may", () => {
  it("builds exports that n3 and claimgraph's reader take, with the address percent-encoded", () => {
    const text = readFileSync(
      join(SECOND_SOURCES, "nortriptyline-vs-sertraline.md"),
      "utf8",
    ).replace(
      "Available at: [<https://www.example.com/products/t000001#nortriptyline-compared-to-sertraline>]",
      'Available at: https://www.example.com/p"{x}|^`\\\u202E\u007F%zz',
    );
    const dir = writeTemp("odd-address/sources/odd.md", text).replace(/odd\.md$/, "");
    const built = build({ sources: dir, curation: NO_CURATION });
    const turtle = render(built, "turtle");
    const quads = new Parser().parse(turtle);
    const address = quads.find((q) => q.predicate.value.endsWith("#canonicalAddress"));
    expect(address?.object.value).toBe(
      "https://www.example.com/p%22%7Bx%7D%7C%5E%60%5C%E2%80%AE%7F%25zz",
    );
    for (const [format, ext] of [
      ["turtle", "ttl"],
      ["trig", "trig"],
      ["nquads", "nq"],
    ] as const) {
      const file = writeTemp(`odd-address/kb.${ext}`, render(built, format));
      expect(() => readKnowledgeBaseFiles([file])).not.toThrow();
    }
  });
});
