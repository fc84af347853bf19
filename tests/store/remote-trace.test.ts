// trace on a knowledge graph read from a real Virtuoso (remoteGraph) answers as trace on the
// whole knowledge base loaded locally: the same claims, citation numbers and quotes — in fact the
// same answer, field for field — while reading only the part of the store the query needs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { push } from "../../src/store/push.ts";
import { remoteGraph, remoteTraceGraph } from "../../src/store/remote-graph.ts";
import { entityPageTrace } from "../../src/trace/entity-page.ts";
import { referencePageTrace } from "../../src/trace/reference-page.ts";
import { type TraceResult, trace } from "../../src/trace/trace.ts";
import { seedBuild } from "../helpers/build.ts";
import { startVirtuoso, type Virtuoso } from "../helpers/virtuoso.ts";

let store: Virtuoso;
const built = seedBuild();
const local = new KnowledgeGraph(graphFromQuads(built.quads));

beforeAll(async () => {
  store = await startVirtuoso();
  await push({
    endpoint: store.endpoint,
    graphStore: store.graphStore,
    quads: built.quads,
    user: "dba",
    password: "dba",
  });
});

afterAll(async () => {
  await store?.stop();
});

/** What a reader checks first: which claims, with which citation numbers and quotes. */
function essentials(t: TraceResult) {
  return t.claims.map((c) => ({
    id: c.id,
    citations: c.citations.map((r) => r.number),
    quote: c.quote,
  }));
}

describe("remoteGraph + trace", () => {
  it.each([
    ["desipramine", "entity", 43],
    ["[8]", "reference", 11],
    ["pmid:12183009", "work", 8],
    ["desipramine primary target", "claim", 1],
  ] as const)("%s: the same answer as locally", async (query, match, total) => {
    const expected = trace(local, query);
    expect(expected.match).toBe(match);
    expect(expected.total).toBe(total);
    const kg = await remoteGraph(store.endpoint, query);
    const answer = trace(kg, query);
    expect(essentials(answer)).toEqual(essentials(expected));
    expect(answer).toEqual(expected);
    // Only what the answer needs was read.
    expect(kg.graph.order).toBeLessThan(local.graph.order);
  });

  it.each([
    "NET",
    "desipramine-vs-ssris[4]",
    "claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0",
    "study:desipramine-vs-ssris.cancer-metastasis",
    "doc:desipramine-vs-ssris",
    "12183009",
    "α2A",
    "desipramin",
  ])("%s: the same answer as locally", async (query) => {
    const kg = await remoteGraph(store.endpoint, query);
    expect(trace(kg, query)).toEqual(trace(local, query));
  });

  it("a near miss reads no claim: the store is asked for whole words, not a word's prefix", async () => {
    // "desipramin" is in every claim about desipramine as a prefix, and in none as a word: the
    // claims read are those whose names hold characters outside ASCII (which may fold to it).
    const kg = await remoteGraph(store.endpoint, "desipramin");
    const read = kg.graph.filterNodes((_, n) => n.kind === "claim").length;
    expect(read).toBeLessThan(trace(local, "desipramine").total / 2);
    expect(trace(kg, "desipramin")).toEqual(trace(local, "desipramin"));
    const words = await remoteGraph(store.endpoint, "desipramine norepinephrine");
    const claims = words.graph.filterNodes((_, n) => n.kind === "claim").length;
    expect(claims).toBeGreaterThan(0);
    expect(trace(words, "desipramine norepinephrine")).toEqual(
      trace(local, "desipramine norepinephrine"),
    );
  });

  it("a text of 300 words answers as locally (the store is sent small queries)", async () => {
    const words = [
      "desipramine",
      "norepinephrine",
      "transporter",
      "inhibits",
      "reuptake",
      "the",
      "of",
      "and",
      "cancer",
      "metastasis",
    ];
    const query = Array.from({ length: 300 }, (_, i) => words[i % words.length]).join(" ");
    const kg = await remoteGraph(store.endpoint, query);
    expect(trace(kg, query)).toEqual(trace(local, query));
  });

  it("an IRI holding a control character answers as locally (it is not sent as an IRI)", async () => {
    const query = "claim:desipramine-vs-ssris.desipramine.primary-target\u0001.61c699f8f9d0";
    const kg = await remoteGraph(store.endpoint, query);
    expect(trace(kg, query)).toEqual(trace(local, query));
  });

  it("reads in bounded pages and batches: the same answer with pages of 5 rows and batches of 3", async () => {
    const kg = await remoteGraph(store.endpoint, "desipramine", undefined, {
      pageSize: 5,
      batchSize: 3,
    });
    expect(trace(kg, "desipramine")).toEqual(trace(local, "desipramine"));
  });
});

describe("remoteTraceGraph: one page of an entity's claims, counted at the store", () => {
  it.each([
    ["desipramine", 0, 100],
    ["desipramine", 7, 5],
    ["NET", 0, 2],
    ["NET", 30, 10],
  ] as const)(
    "%s, offset %i, limit %i: the same answer as locally",
    async (query, offset, limit) => {
      const read = await remoteTraceGraph(store.endpoint, query, { offset, limit });
      expect(read.entityPage).toBeDefined();
      if (!read.entityPage) return;
      // Only the page's claims were read whole.
      expect(read.entityPage.claims.length).toBeLessThanOrEqual(limit);
      const answer = entityPageTrace(read.kg, query, read.entityPage, { offset, limit });
      expect(answer).toEqual(trace(local, query, { offset, limit }));
    },
  );

  it("a page longer than the reader's pages is read in several, in order", async () => {
    const w = { offset: 4, limit: 10 };
    const read = await remoteTraceGraph(store.endpoint, "desipramine", w, undefined, {
      pageSize: 3,
      batchSize: 2,
    });
    if (!read.entityPage) throw new Error("no entity page");
    const answer = entityPageTrace(read.kg, "desipramine", read.entityPage, w);
    expect(answer).toEqual(trace(local, "desipramine", w));
  });

  it("a query that names no entity, work or reference is read as remoteGraph reads it", async () => {
    const query = "desipramine primary target";
    const read = await remoteTraceGraph(store.endpoint, query, { offset: 0, limit: 100 });
    expect(read.entityPage).toBeUndefined();
    expect(read.restingPage).toBeUndefined();
    expect(trace(read.kg, query)).toEqual(trace(local, query));
  });
});

/** Every work and reference of the seed, by IRI, and the ways trace names them. */
function worksAndReferences(): string[] {
  const out: string[] = ["pmid:12183009", "12183009", "[8]", "[2]", "desipramine-vs-ssris[4]"];
  local.graph.forEachNode((iri, a) => {
    if (a.kind === "work" || a.kind === "reference") out.push(iri);
  });
  return out;
}

describe("remoteTraceGraph: one page of the claims resting on a work or references", () => {
  const queries = worksAndReferences();

  it("the seed has works and references to read, a work cited under two numbers among them", () => {
    expect(queries.length).toBeGreaterThanOrEqual(20);
    expect(trace(local, "pmid:12183009").referenceCount).toBe(2);
  });

  it.each(queries)("%s: pages at offsets 0 and 2 answer as locally", async (query) => {
    for (const w of [
      { offset: 0, limit: 50 },
      { offset: 2, limit: 2 },
    ]) {
      const read = await remoteTraceGraph(store.endpoint, query, w);
      const expected = trace(local, query, w);
      expect(["reference", "work"]).toContain(expected.match);
      if (!read.restingPage) throw new Error(`no page for ${query}`);
      expect(read.restingPage.match).toBe(expected.match);
      expect(read.restingPage.claims.length).toBeLessThanOrEqual(w.limit);
      expect(referencePageTrace(read.kg, query, read.restingPage, w)).toEqual(expected);
    }
  });

  it("pages longer than the reader's pages are read in several, in order", async () => {
    const w = { offset: 1, limit: 6 };
    const read = await remoteTraceGraph(store.endpoint, "pmid:12183009", w, undefined, {
      pageSize: 1,
      batchSize: 1,
    });
    if (!read.restingPage) throw new Error("no page of references");
    expect(read.restingPage.references).toHaveLength(2);
    expect(referencePageTrace(read.kg, "pmid:12183009", read.restingPage, w)).toEqual(
      trace(local, "pmid:12183009", w),
    );
  });

  it("a page of one of a work's two references: the references' count is the store's", async () => {
    const w = { offset: 0, limit: 1 };
    const expected = trace(local, "pmid:12183009", w);
    expect(expected.referenceCount).toBe(2);
    expect(expected.references).toHaveLength(1);
    const read = await remoteTraceGraph(store.endpoint, "pmid:12183009", w);
    if (!read.restingPage) throw new Error("no page of references");
    expect(read.restingPage.referenceCount).toBe(2);
    expect(referencePageTrace(read.kg, "pmid:12183009", read.restingPage, w)).toEqual(expected);
  });
});
