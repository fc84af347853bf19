// `trace --endpoint` against a fake store that keeps every query: however many words are
// traced, every query stays small; a text too long to send is refused before anything is
// sent; and no IRI that claimgraph would refuse in a file (control characters, bidi
// controls, a bare "%") is ever written into a query, whether it comes from the traced text
// or from the store's own answers.
import { Parser } from "sparqljs";
import { afterEach, describe, expect, it } from "vitest";
import { iriProblem } from "../../src/rdf/vocab/iri-syntax.ts";
import { remoteGraph } from "../../src/store/remote-graph.ts";
import {
  closeFakeSparql,
  emptyAnswer,
  type FakeSparql,
  fakeSparql,
} from "../helpers/fake-sparql.ts";

afterEach(closeFakeSparql);

/** Every query's text as the store received it. */
const queries = (store: FakeSparql) => store.requests.map((r) => r.query ?? r.update ?? "");

/** Every IRI a query holds, read with a SPARQL parser (which must read it). */
function irisIn(query: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const term = node as { termType?: string; value?: unknown };
      if (term.termType === "NamedNode" && typeof term.value === "string") out.push(term.value);
      for (const v of Object.values(node)) walk(v);
    }
  };
  walk(new Parser().parse(query));
  return out;
}

describe("trace --endpoint keeps every query small", () => {
  it.each([300, 1000])("%i words: no query over 64 KB", async (n) => {
    const store = await fakeSparql();
    const words = Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
    await remoteGraph(store.endpoint, words, undefined, { backoffMs: 1 });
    expect(store.requests.length).toBeGreaterThan(0);
    for (const r of store.requests) expect(r.bytes).toBeLessThan(64_000);
  });

  it("twenty words of 300 letters: no query over 64 KB", async () => {
    const store = await fakeSparql();
    const words = Array.from({ length: 20 }, (_, i) => `${i}${"x".repeat(299)}`).join(" ");
    await remoteGraph(store.endpoint, words, undefined, { backoffMs: 1 });
    expect(store.requests.length).toBeGreaterThan(0);
    for (const r of store.requests) expect(r.bytes).toBeLessThan(64_000);
  });

  it("a text longer than it sends is refused before anything is sent", async () => {
    const store = await fakeSparql();
    const error = await remoteGraph(store.endpoint, "desipramine ".repeat(800)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "UsageError" });
    expect((error as { hint: string }).hint).toContain("--kb");
    expect(store.requests).toEqual([]);
  });
});

describe("trace --endpoint sends only IRIs claimgraph would read", () => {
  const BAD = ["\u0001", "\u007f", "\u0085", "\u202e", "\ufdd0"];

  it.each(BAD.map((c) => [`U+${c.codePointAt(0)?.toString(16).padStart(4, "0")}`, c]))(
    "an IRI traced with %s is not sent as an IRI",
    async (_, c) => {
      const store = await fakeSparql();
      for (const q of [`<urn:claim${c}x>`, `claim:desipramine${c}x`, `https://example.org/a${c}b`])
        await remoteGraph(store.endpoint, q, undefined, { backoffMs: 1 });
      expect(store.requests.length).toBeGreaterThan(0);
      for (const text of queries(store))
        for (const iri of irisIn(text)) expect(iriProblem(iri), iri).toBeUndefined();
    },
  );

  it("IRIs in the store's answers that are not IRIs claimgraph would read are not sent on", async () => {
    const bad = [
      "urn:a\u0001b",
      "urn:a\u202eb",
      "urn:a%zzb",
      "urn:a\ufffeb",
      `urn:${"x".repeat(70_000)}`,
    ];
    const store = await fakeSparql((r) =>
      r.accept.includes("sparql-results")
        ? {
            status: 200,
            headers: { "content-type": "application/sparql-results+json" },
            body: JSON.stringify({
              head: { vars: ["x"] },
              results: {
                bindings: [...bad, "urn:fine"].map((value) => ({ x: { type: "uri", value } })),
              },
            }),
          }
        : emptyAnswer(r),
    );
    await remoteGraph(store.endpoint, "desipramine", undefined, { backoffMs: 1 });
    const sent = queries(store).flatMap(irisIn);
    expect(sent).toContain("urn:fine");
    for (const iri of sent) expect(iriProblem(iri), iri).toBeUndefined();
    expect(sent.some((iri) => iri.length > 65_536)).toBe(false);
  });
});
