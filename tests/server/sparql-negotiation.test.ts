// Content negotiation for SPARQL answers: q-values, the most specific range deciding, q=0
// refusing, the server's order breaking ties, and nothing acceptable giving undefined (406).
import { describe, expect, it } from "vitest";
import { negotiate, parseAccept } from "../../src/server/sparql-negotiation.ts";

const type = (accept: string | undefined, kind: "solutions" | "boolean" | "graph") =>
  negotiate(accept, kind)?.mediaType;

describe("negotiate", () => {
  it("takes the server's first offer for no Accept, an empty one, or */*", () => {
    expect(type(undefined, "solutions")).toBe("application/sparql-results+json");
    expect(type("", "graph")).toBe("text/turtle");
    expect(type("*/*", "boolean")).toBe("application/sparql-results+json");
  });

  it("takes the highest q-value, the server's order among equals", () => {
    expect(type("text/csv;q=0.4, application/sparql-results+xml;q=0.8", "solutions")).toBe(
      "application/sparql-results+xml",
    );
    expect(type("text/tab-separated-values, text/csv", "solutions")).toBe("text/csv");
    expect(type("application/n-triples;q=1.0, text/turtle;q=0.999", "graph")).toBe(
      "application/n-triples",
    );
  });

  it("lets the most specific range decide a type's quality", () => {
    // text/* is welcome, but text/csv itself is refused.
    expect(type("text/*, text/csv;q=0", "solutions")).toBe("text/tab-separated-values");
    expect(type("*/*;q=0.1, application/ld+json", "graph")).toBe("application/ld+json");
  });

  it("gives undefined when nothing offered is acceptable", () => {
    expect(type("text/html", "solutions")).toBeUndefined();
    expect(type("application/sparql-results+json;q=0", "boolean")).toBeUndefined();
    expect(type("text/csv", "boolean")).toBeUndefined();
    expect(type("text/csv", "graph")).toBeUndefined();
  });

  it("reads parameters and case as HTTP does, and skips malformed ranges", () => {
    expect(type("Text/CSV; charset=utf-8; q=0.5", "solutions")).toBe("text/csv");
    expect(parseAccept("garbage, text/csv;q=2, */*;q=0.3")).toEqual([
      { type: "text", subtype: "csv", q: 1 },
      { type: "*", subtype: "*", q: 0.3 },
    ]);
  });
});
