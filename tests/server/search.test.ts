// The viewer's search resolves as `claimgraph trace` does (#13 point 5): for every kind of
// query trace answers — a name, a synonym, `[n]`, an identifier, a claim IRI (full, compact,
// in angle brackets), words of a claim — the search's first hits are what trace resolved the
// query to, in trace's order. Asked of the seed and the second document loaded together, so
// `[1]` names a reference in each document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { search } from "../../src/server/api.ts";
import { type TraceResult, trace } from "../../src/trace/trace.ts";
import { type BuiltKb, buildSecond, SEED_KB } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;

let second: BuiltKb;
let kg: KnowledgeGraph;

beforeAll(async () => {
  second = await buildSecond();
  kg = await openKnowledgeGraph([SEED_KB, second.kb]);
});
afterAll(() => second?.remove());

/** The nodes trace's answer names, best first: the entity, the work, the references or the claims. */
function traced(t: TraceResult): string[] {
  switch (t.match) {
    case "entity":
      return [t.entity?.id ?? ""];
    case "work":
      return [t.references[0]?.citation.work?.id ?? ""];
    case "reference":
      return t.references.map((r) => r.id);
    case "claim":
      return t.claims.map((c) => c.id);
    case "none":
      return [];
  }
}

const QUERIES: ReadonlyArray<[string, TraceResult["match"]]> = [
  ["desipramine", "entity"],
  ["Desipramine", "entity"],
  ["NET", "entity"],
  ["norepinephrine transporter", "entity"],
  ["sertraline", "entity"],
  ["[1]", "reference"],
  ["[4]", "reference"],
  ["desipramine-vs-ssris[2]", "reference"],
  ["pmid:12183009", "work"],
  ["PMID:12183009", "work"],
  ["12183009", "work"],
  [PRIMARY_TARGET, "claim"],
  [`<${PRIMARY_TARGET}>`, "claim"],
  ["claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0", "claim"],
  ["desipramine primary target", "claim"],
  ["desipramine side effect", "claim"],
  ["desipramine norepinephrine", "claim"],
  ["fluoxetine increases", "claim"],
];

describe("search = trace's resolution", () => {
  it.each(QUERIES)("%j: the first hits are trace's answer (%s)", (query, match) => {
    const t = trace(kg, query, { limit: 10 });
    expect(t.match).toBe(match);
    const expected = traced(t);
    expect(expected.length).toBeGreaterThan(0);
    const hits = search(kg, query, 10).map((h) => h.id);
    expect(hits.slice(0, expected.length)).toEqual(expected.slice(0, 10));
  });

  it("[1] names a reference in each document, and each hit says which", () => {
    const hits = search(kg, "[1]");
    expect(hits.slice(0, 2).map((h) => h.id)).toEqual([
      `${KB}doc/desipramine-vs-ssris.ref-1`,
      `${KB}doc/nortriptyline-vs-sertraline.ref-1`,
    ]);
    expect(hits[0]?.matched).toBe("[1] in Mechanisms of Action: A Comparative Overview");
    expect(hits[1]?.matched).toMatch(/^\[1\] in /);
    expect(hits[1]?.matched).not.toBe(hits[0]?.matched);
  });

  it("still suggests names while they are typed, and the resolver's near misses", () => {
    expect(search(kg, "desip")[0]?.id).toBe(`${KB}entity/desipramine`);
    expect(search(kg, "desipramin").map((h) => h.id)).toContain(`${KB}entity/desipramine`);
    expect(search(kg, "desipramnie").map((h) => h.id)).toContain(`${KB}entity/desipramine`);
  });
});
