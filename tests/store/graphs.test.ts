// How a knowledge base is laid out for a store: one graph per document (its nanopublications
// included) plus the shared graph and, last (it names the others' claims), the agreement graph;
// each graph cut into request bodies of bounded size.
import type { Quad } from "@rdfjs/types";
import { DataFactory, Parser } from "n3";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/pipeline.ts";
import { streamGraphs } from "../../src/store/graph-stream.ts";
import { BODY_HEADER, drain, surveyGraphs } from "../../src/store/graph-survey.ts";
import { countGraphs, groupGraphs, quadsPass } from "../../src/store/graphs.ts";
import { SEED_SOURCES, secondBuild, seedBuild } from "../helpers/build.ts";

const { namedNode, literal, blankNode, quad, defaultGraph } = DataFactory;

const KB = "https://w3id.org/claimgraph/kb/";
const PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom";

function triplesOf(lines: readonly string[]): Quad[] {
  return new Parser({ format: "N-Triples" }).parse(lines.join(""));
}

describe("groupGraphs", () => {
  it("puts each claim's nanopublication in its document's graph, entities and works in shared", () => {
    const quads = [...seedBuild().quads, ...secondBuild().quads];
    const groups = groupGraphs(quads);
    expect(groups.map((g) => g.graph)).toEqual([
      `${KB}graph/desipramine-vs-ssris`,
      `${KB}graph/nortriptyline-vs-sertraline`,
      `${KB}graph/shared`,
      `${KB}graph/agreement`,
    ]);
    for (const g of groups.slice(0, 2)) {
      const doc = `${KB}doc/${g.graph.slice(`${KB}graph/`.length)}`;
      const claims = triplesOf(g.lines).filter(
        (t) => t.subject.value.startsWith(`${KB}claim/`) && t.predicate.value === PROV_DERIVED,
      );
      expect(claims.length).toBeGreaterThan(20);
      for (const c of claims) expect(c.object.value).toBe(doc);
    }
    // Every quad's triple is kept, once per graph (two documents may assert the same triple).
    for (const g of groups) expect(new Set(g.lines).size).toBe(g.lines.length);
    const writerLines = new Set(
      groups.flatMap((g) =>
        triplesOf(g.lines).map((t) => `${t.subject.value} ${t.predicate.value} ${t.object.value}`),
      ),
    );
    for (const q of quads)
      expect(writerLines.has(`${q.subject.value} ${q.predicate.value} ${q.object.value}`)).toBe(
        true,
      );
  });

  it("puts trusty nanopublications (pub:<claim>.RA…#head) in their document's graph too", () => {
    const trusty = build({ sources: SEED_SOURCES, trusty: true });
    const groups = groupGraphs(trusty.quads);
    expect(groups.map((g) => g.graph)).toEqual([
      `${KB}graph/desipramine-vs-ssris`,
      `${KB}graph/shared`,
      `${KB}graph/agreement`,
    ]);
    const lines = groups.reduce((n, g) => n + g.lines.length, 0);
    expect(lines).toBe(groupGraphs(seedBuild().quads).reduce((n, g) => n + g.lines.length, 0));
  });

  it("names the graphs under baseGraph when given", () => {
    const groups = groupGraphs(seedBuild().quads, "https://example.org/g/");
    expect(groups.map((g) => g.graph)).toEqual([
      "https://example.org/g/desipramine-vs-ssris",
      "https://example.org/g/shared",
      "https://example.org/g/agreement",
    ]);
  });

  it("keeps foreign named graphs, and puts the default graph's triples in <base>graph/default", () => {
    const s = namedNode("https://example.org/s");
    const p = namedNode("https://example.org/p");
    const groups = groupGraphs([
      quad(s, p, literal("a"), defaultGraph()),
      quad(s, p, literal("b"), namedNode("https://example.org/other")),
      quad(s, p, literal("c"), namedNode(`${KB}graph/shared`)),
    ]);
    expect(groups.map((g) => [g.graph, g.lines.length])).toEqual([
      ["https://example.org/other", 1],
      [`${KB}graph/default`, 1],
      [`${KB}graph/shared`, 1],
    ]);
  });
});

/** What a sink is handed, in order. */
type Event =
  | { kind: "body"; graph: string; lines: readonly string[]; first: boolean }
  | {
      kind: "end";
      graph: string;
      triples: number;
    };

function streamed(quads: readonly Quad[], maxBytes: number): Event[] {
  const pass = quadsPass(quads);
  const survey = surveyGraphs(pass, { maxBytes, url: "http://store" });
  const events: Event[] = [];
  drain(
    streamGraphs(
      pass,
      survey,
      {
        body: (graph, lines, first) => events.push({ kind: "body", graph, lines, first }),
        end: (graph, triples) => events.push({ kind: "end", graph, triples }),
      },
      maxBytes,
    ),
  );
  return events;
}

describe("streamGraphs", () => {
  const quads = seedBuild().quads;
  const groups = groupGraphs(quads);

  it.each([20_000, 50_000, 1_000_000])("cuts each graph into bodies of at most %i bytes", (max) => {
    const events = streamed(quads, max);
    for (const g of groups) {
      const bodies = events.flatMap((e) => (e.kind === "body" && e.graph === g.graph ? [e] : []));
      for (const b of bodies)
        expect(Buffer.byteLength(BODY_HEADER + b.lines.join(""))).toBeLessThanOrEqual(max);
      expect(bodies.map((b) => b.first)).toEqual(bodies.map((_, i) => i === 0));
      expect(bodies.flatMap((b) => b.lines)).toEqual(g.lines);
      expect(events).toContainEqual({ kind: "end", graph: g.graph, triples: g.lines.length });
      if (max === 1_000_000 && g.graph.endsWith("/shared")) expect(bodies).toHaveLength(1);
    }
  });

  it("ends each graph as soon as its last quad has gone by", () => {
    const events = streamed(quads, 50_000);
    const at = (kind: string, graph: string) =>
      events.findIndex((e) => e.kind === kind && e.graph.endsWith(graph));
    // The document's graph comes first in the data: it has ended before the shared graph's
    // first body is handed over.
    expect(at("end", "/desipramine-vs-ssris")).toBeGreaterThan(-1);
    expect(at("end", "/desipramine-vs-ssris")).toBeLessThan(at("body", "/shared"));
  });

  it("holds the agreement graph until every other graph has ended, wherever the data puts it", () => {
    const agreement = (q: Quad) => q.graph.value.endsWith("/graph/agreement");
    const first = [...quads.filter(agreement), ...quads.filter((q) => !agreement(q))];
    const events = streamed(first, 50_000);
    const firstAgreement = events.findIndex((e) => e.graph.endsWith("/agreement"));
    const lastOther = events.reduce((n, e, i) => (e.graph.endsWith("/agreement") ? n : i), -1);
    expect(firstAgreement).toBeGreaterThan(lastOther);
    const lines = events.flatMap((e) =>
      e.kind === "body" && e.graph.endsWith("/agreement") ? e.lines : [],
    );
    expect(lines).toEqual(groups.at(-1)?.lines);
  });

  it("refuses, on the first reading, a triple bigger than a request may be", () => {
    expect(() => surveyGraphs(quadsPass(quads), { maxBytes: 2_000, url: "http://store" })).toThrow(
      expect.objectContaining({ name: "StoreError", graph: expect.stringContaining("/graph/") }),
    );
  });

  it("refuses to split blank nodes across requests, and sends a graph with them in one body", () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      quad(blankNode(`b${i}`), namedNode("https://example.org/p"), literal("x".repeat(100))),
    );
    const [blank] = groupGraphs(lines);
    expect(blank?.blankNodes).toBe(true);
    const bodies = streamed(lines, 100_000).filter((e) => e.kind === "body");
    expect(bodies).toHaveLength(1);
    expect(() => surveyGraphs(quadsPass(lines), { maxBytes: 1_000, url: "http://store" })).toThrow(
      /blank nodes/,
    );
  });

  it("refuses a graph that runs on past its end on the second reading, before replacing it", () => {
    const pass = quadsPass(quads);
    const survey = surveyGraphs(pass, { maxBytes: 20_000, url: "http://store" });
    const name = `${KB}graph/desipramine-vs-ssris`;
    const docQuads = quads.filter((q) => q.graph.value === name);
    expect(docQuads.length).toBeGreaterThan(200);
    // As many quads: the document's graph ends where it ended, and 200 of its quads come
    // again at the end, in place of the agreement's last 200.
    const moved = [...quads.slice(0, -200), ...docQuads.slice(0, 200)];
    const events: Event[] = [];
    const sink = {
      body: (graph: string, lines: readonly string[], first: boolean) =>
        events.push({ kind: "body", graph, lines, first }),
      end: (graph: string, triples: number) => events.push({ kind: "end", graph, triples }),
    };
    expect(() => drain(streamGraphs(quadsPass(moved), survey, sink, 20_000))).toThrow(
      /runs on past where it ended/,
    );
    // Its one PUT, from the first time round: none that would replace it with the 200.
    const puts = events.filter((e) => e.kind === "body" && e.first && e.graph === name);
    expect(puts).toHaveLength(1);
  });

  it("refuses a blank node the first reading did not see", () => {
    const pass = quadsPass(quads);
    const survey = surveyGraphs(pass, { maxBytes: 50_000, url: "http://store" });
    const [first, ...rest] = quads;
    if (!first) throw new Error("no quad");
    const blank = quad(blankNode("x"), first.predicate, first.object, first.graph);
    const sink = { body: () => {}, end: () => {} };
    expect(() => drain(streamGraphs(quadsPass([blank, ...rest]), survey, sink, 50_000))).toThrow(
      /blank node it did not hold before/,
    );
  });

  it("refuses data that changed between the two readings", () => {
    const pass = quadsPass(quads);
    const survey = surveyGraphs(pass, { maxBytes: 50_000, url: "http://store" });
    const shorter = quadsPass(quads.slice(0, -1));
    const sink = { body: () => {}, end: () => {} };
    expect(() => drain(streamGraphs(shorter, survey, sink, 50_000))).toThrow(
      /changed while it was being pushed/,
    );
  });
});

describe("countGraphs", () => {
  it("counts each graph's distinct triples as groupGraphs holds them", () => {
    const quads = [...seedBuild().quads, ...secondBuild().quads];
    expect(countGraphs(quadsPass(quads))).toEqual(
      groupGraphs(quads).map((g) => ({ graph: g.graph, triples: g.lines.length })),
    );
  });
});
