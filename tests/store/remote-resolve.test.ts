// What `trace --endpoint` sends to find what a query names, against a real Virtuoso: a name
// that more nodes carry than the exact lookup takes (at scale every study arm of a drug is
// labelled with its name) still resolves by index, and a claim named by its IRI needs no
// lookup past the exact one. The full lookup scans every entity's names (0.45 s on the
// 10,000-document store), so each of these must answer as locally without it.
import { DataFactory } from "n3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { tracePage } from "../../src/cli/trace-page.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { CG, RDF, RDFS } from "../../src/rdf/vocab/vocabulary.ts";
import { push } from "../../src/store/push.ts";
import { RemoteQuestions } from "../../src/store/questions.ts";
import { SparqlClient } from "../../src/store/sparql-client.ts";
import { trace } from "../../src/trace/trace.ts";
import { seedBuild } from "../helpers/build.ts";
import { startVirtuoso, type Virtuoso } from "../helpers/virtuoso.ts";

const { namedNode, literal, quad } = DataFactory;
const built = seedBuild();
/** More study arms labelled "desipramine" than the exact lookup's 1,000 rows. */
const arms = Array.from({ length: 1001 }, (_, i) => {
  const arm = namedNode(`https://example.org/arm/${i}`);
  const graph = namedNode("https://example.org/arms");
  return [
    quad(arm, RDF.type, CG.StudyArm, graph),
    quad(arm, RDFS.label, literal("desipramine"), graph),
  ];
}).flat();
const quads = [...built.quads, ...arms];
const local = new KnowledgeGraph(graphFromQuads(quads));
let store: Virtuoso;

/** The queries sent while `run` runs. */
async function sent(run: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const results = SparqlClient.prototype.results;
  const triples = SparqlClient.prototype.triples;
  vi.spyOn(SparqlClient.prototype, "results").mockImplementation(function (this: SparqlClient, q) {
    texts.push(q);
    return results.call(this, q);
  });
  vi.spyOn(SparqlClient.prototype, "triples").mockImplementation(function (this: SparqlClient, q) {
    texts.push(q);
    return triples.call(this, q);
  });
  await run();
  return texts;
}

/** The full lookup's scan of every entity's names (`entitiesNamed`). */
const scansNames = (q: string) => /\?name\b/.test(q);

beforeAll(async () => {
  store = await startVirtuoso();
  await push({
    endpoint: store.endpoint,
    graphStore: store.graphStore,
    quads,
    user: "dba",
    password: "dba",
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await store?.stop();
});

describe("trace --endpoint resolves by index", () => {
  it.each([
    ["desipramine", "entity"],
    ["claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0", "claim"],
    ["doc:desipramine-vs-ssris", "claim"],
    ["study:desipramine-vs-ssris.cancer-metastasis", "claim"],
  ])("%s: answers as locally, without scanning names", async (query, match) => {
    const window = { offset: 0, limit: 50 };
    const expected = trace(local, query, window);
    expect(expected.match).toBe(match);
    expect(expected.total).toBeGreaterThan(0);
    let answer: unknown;
    const queries = await sent(async () => {
      answer = (await tracePage(new RemoteQuestions(store.endpoint), query, window)).result;
    });
    expect(answer).toEqual(expected);
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.filter(scansNames)).toEqual([]);
  });

  it("a query no exact lookup answers still reaches the full lookup", async () => {
    const queries = await sent(() =>
      tracePage(new RemoteQuestions(store.endpoint), "Desipramine.", { offset: 0, limit: 50 }),
    );
    expect(queries.filter(scansNames)).toHaveLength(1);
  });
});
