// Pages of every kind of answer (claims found by their words, an entity, a reference number, a
// work) joined in order are the whole answer, for several page sizes: no claim is lost, repeated
// or moved between pages, and every page counts everything. The whole is the answer on one page.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { type TraceResult, trace } from "../../src/trace/trace.ts";
import { SEED_KB } from "../helpers/serve.ts";

let kg: KnowledgeGraph;
beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB], { cache: false });
});

const ids = (r: TraceResult) => r.claims.map((c) => c.id);

/** Every page of `query` at `limit` claims a page, from offset 0 to past the end. */
function pages(query: string, limit: number): TraceResult[] {
  const out: TraceResult[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = trace(kg, query, { offset, limit });
    out.push(page);
    if (offset >= page.total) return out;
  }
}

describe.each([
  ["claims found by their words", "primary target", "claim"],
  ["an entity", "desipramine", "entity"],
  ["a reference number", "[4]", "reference"],
  ["a work", "pmid:12183009", "work"],
] as const)("pages of %s (%s)", (_what, query, match) => {
  const whole = () => trace(kg, query, { limit: 10_000 });

  it("is an answer of that kind, of more than one claim", () => {
    expect(whole().match).toBe(match);
    expect(whole().total).toBeGreaterThan(1);
    expect(whole().claims).toHaveLength(whole().total);
  });

  it.each([1, 2, 3, 5])("at %i a page, joined, are the whole; each counts everything", (limit) => {
    const all = pages(query, limit);
    expect(all.flatMap(ids)).toEqual(ids(whole()));
    for (const [i, page] of all.entries()) {
      expect([page.total, page.offset, page.limit]).toEqual([whole().total, i * limit, limit]);
      expect(page.claims.length).toBe(Math.max(0, Math.min(limit, page.total - i * limit)));
      expect(page.referenceCount).toBe(whole().referenceCount);
      expect(page.references).toEqual(whole().references.slice(0, limit));
    }
  });
});

it.each([1, 2, 3])("at %i a page, an entity's groups joined are the whole's", (limit) => {
  const query = "desipramine";
  const whole = () => trace(kg, query, { limit: 10_000 });
  const groups = (r: TraceResult) =>
    new Map(r.entity?.groups.map((g) => [`${g.role} ${g.predicate.id}`, g.claims]) ?? []);
  const joined = new Map<string, string[]>();
  for (const page of pages(query, limit)) {
    for (const [key, claims] of groups(page))
      joined.set(key, [...(joined.get(key) ?? []), ...claims.map((c) => c.id)]);
  }
  expect(groups(whole()).size).toBeGreaterThan(1);
  const expected = new Map([...groups(whole())].map(([k, claims]) => [k, claims.map((c) => c.id)]));
  expect(joined).toEqual(expected);
});

it("a page at the end of a reference's claims: trace [4] --offset 2 --limit 2", () => {
  const whole = trace(kg, "[4]", { limit: 10_000 });
  expect(ids(trace(kg, "[4]", { offset: 2, limit: 2 }))).toEqual(ids(whole).slice(2, 4));
});
