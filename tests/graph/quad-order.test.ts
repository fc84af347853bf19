// The graph does not depend on the order its quads come in: the seed's quads shuffled (several
// seeds), reversed, or read back from a store (oxigraph, in memory) give the same trace and audit
// JSON as the file read in order. A store answers in its own order, so a list the graph builder
// kept in arrival order (a claim's citations, a node's synonyms) would differ.
import { readFileSync } from "node:fs";
import type { Quad } from "@rdfjs/types";
import { DataFactory } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { readKnowledgeBaseTexts } from "../../src/graph/load.ts";
import { trace } from "../../src/trace/trace.ts";
import { SEED_KB } from "../helpers/serve.ts";

const SEED_NQ = SEED_KB.replace(/kb\.ttl$/, "kb.nq");
const QUERIES = ["[4]", "[1]", "desipramine", "NET", "pmid:12183009", "primary target", "memory"];

let quads: Quad[];
let prefixes: Record<string, string>;
let expected: string;

/** Everything a reader sees of a graph: the trace of each query, and the audit. */
function answers(kg: KnowledgeGraph): string {
  const traces = QUERIES.map((q) => trace(kg, q, { limit: 10_000 }));
  return JSON.stringify({ traces, audit: audit(kg) }, null, 1);
}

const graphOf = (list: readonly Quad[]) => new KnowledgeGraph(graphFromQuads(list), prefixes);

/** The quads in a random order, the same for the same seed (mulberry32). */
function shuffled(list: readonly Quad[], seed: number): Quad[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as Quad, out[i] as Quad];
  }
  return out;
}

beforeAll(() => {
  ({ quads, prefixes } = readKnowledgeBaseTexts([SEED_NQ], [readFileSync(SEED_NQ, "utf8")]));
  prefixes = readKnowledgeBaseTexts([SEED_KB], [readFileSync(SEED_KB, "utf8")]).prefixes;
  expected = answers(graphOf(quads));
});

describe("the seed's quads in another order", () => {
  it("the answers compared are not trivial: [4] cites several references", () => {
    const claims = trace(graphOf(quads), "[4]").claims;
    expect(claims.some((c) => c.citations.length > 1)).toBe(true);
  });

  it("reversed: the same trace and audit JSON", () => {
    expect(answers(graphOf([...quads].reverse()))).toBe(expected);
  });

  it.each([1, 2, 3, 42, 2026])("shuffled with seed %i: the same trace and audit JSON", (seed) => {
    const order = shuffled(quads, seed);
    expect(order).not.toEqual(quads);
    expect(answers(graphOf(order))).toBe(expected);
  });

  it("read back from a store (oxigraph in memory): the same trace and audit JSON", async () => {
    const ox = await import("oxigraph");
    const store = new ox.Store();
    store.load(readFileSync(SEED_NQ, "utf8"), { format: "application/n-quads" });
    // oxigraph's terms, rebuilt with n3's factory, as a store client would.
    const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;
    const term = (t: {
      termType: string;
      value: string;
      language?: string;
      datatype?: { value: string };
    }) =>
      t.termType === "NamedNode"
        ? namedNode(t.value)
        : t.termType === "BlankNode"
          ? blankNode(t.value)
          : t.termType === "Literal"
            ? literal(t.value, t.language || namedNode(t.datatype?.value ?? ""))
            : defaultGraph();
    const back = store
      .match(null, null, null, null)
      .map((q) =>
        quad(
          term(q.subject) as never,
          term(q.predicate) as never,
          term(q.object) as never,
          term(q.graph) as never,
        ),
      );
    expect(back).toHaveLength(quads.length);
    expect(answers(graphOf(back))).toBe(expected);
  });
});
