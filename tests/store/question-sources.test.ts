// One question, two sources of answers (src/sparql/questions.ts): the knowledge-base files
// (LocalQuestions) and a SPARQL store the same knowledge base is loaded in (RemoteQuestions,
// over HTTP to a fake endpoint that runs every query it gets on oxigraph). The command line is
// given one of them and asks the same questions of either: trace's graph and a SPARQL query's
// answer. Both must answer alike.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "oxigraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalQuestions } from "../../src/query/local.ts";
import type { QueryFormat } from "../../src/sparql/answer.ts";
import type { QuestionSource } from "../../src/sparql/questions.ts";
import { RemoteQuestions } from "../../src/store/questions.ts";
import { trace } from "../../src/trace/trace.ts";
import {
  type FakeAnswer,
  type FakeRequest,
  type FakeSparql,
  fakeSparql,
} from "../helpers/fake-sparql.ts";
import { FRESH_GRAPH } from "../helpers/fresh-kb.ts";

const KB = join(FRESH_GRAPH, "kb.trig");

let store: Store;
let endpoint: FakeSparql;
let local: QuestionSource;
let remote: QuestionSource;

/** The fake store's answer: the query run on oxigraph, in the format the client asked for. */
function answer(request: FakeRequest): FakeAnswer {
  const graph = request.accept.includes("n-triples");
  const body = store.query(request.query ?? "", {
    use_default_graph_as_union: true,
    results_format: graph ? "application/n-triples" : "json",
  }) as string;
  const type = graph ? "application/n-triples" : "application/sparql-results+json";
  return { status: 200, headers: { "content-type": type }, body };
}

beforeAll(async () => {
  const ox = await import("oxigraph");
  store = new ox.Store();
  store.load(readFileSync(KB, "utf8"), { format: "application/trig" });
  endpoint = await fakeSparql(answer);
  local = new LocalQuestions([KB]);
  remote = new RemoteQuestions(endpoint.endpoint);
});

afterAll(async () => {
  await endpoint?.close();
});

describe("the same question of the files and of a store", () => {
  it.each([
    "desipramine",
    "NET",
    "[8]",
    "desipramine-vs-ssris[4]",
    "pmid:12183009",
    "desipramine primary target",
    "doc:desipramine-vs-ssris",
    "no such name anywhere",
  ])("trace %s: the same answer", async (query) => {
    const [here, there] = await Promise.all([local.graphFor(query), remote.graphFor(query)]);
    const expected = trace(here, query);
    expect(trace(there, query)).toEqual(expected);
    // The store was asked, and read only part of the knowledge base.
    expect(endpoint.requests.length).toBeGreaterThan(0);
    expect(there.graph.order).toBeLessThan(here.graph.order);
  });

  const SELECT = `SELECT ?claim ?object WHERE {
    ?claim a cg:Claim ; rdf:subject ent:desipramine ; rdf:object ?object } ORDER BY ?claim`;

  it.each([
    ["table", SELECT],
    ["csv", SELECT],
    ["table", "SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim }"],
    ["table", "ASK { ent:desipramine a ?type }"],
    ["table", "CONSTRUCT { ent:desipramine ?p ?o } WHERE { ent:desipramine ?p ?o }"],
  ] as const)("query (%s) %s: the same answer", async (format: QueryFormat, sparql) => {
    const expected = await local.query(sparql, format);
    expect(expected.text).not.toBe("(no results)");
    expect(await remote.query(sparql, format)).toEqual(expected);
  });

  it("query (json): the same results", async () => {
    const [here, there] = await Promise.all([
      local.query(SELECT, "json"),
      remote.query(SELECT, "json"),
    ]);
    expect(there.kind).toBe(here.kind);
    expect(JSON.parse(there.text)).toEqual(JSON.parse(here.text));
  });

  it("query with an error: the same error from both, before anything is sent", async () => {
    const sent = endpoint.requests.length;
    const here = await local.query("SELECT ?x WHERE { ?x ?y }", "table").catch((e: Error) => e);
    const there = await remote.query("SELECT ?x WHERE { ?x ?y }", "table").catch((e: Error) => e);
    expect(here).toBeInstanceOf(Error);
    expect(there).toMatchObject({ name: (here as Error).name, message: (here as Error).message });
    expect(endpoint.requests.length).toBe(sent);
  });
});
