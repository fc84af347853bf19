// Trace's answer for an entity made from one page of its claims and counts read apart (what a
// store answers: src/store/remote-entity-page.ts) is the answer trace gives on the whole
// knowledge base: the same page, counts, groups in the same order, mentioning claims.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import type { EntityPage } from "../../src/sparql/questions.ts";
import { entityPageTrace } from "../../src/trace/entity-page.ts";
import { sortClaims, trace } from "../../src/trace/trace.ts";
import { SEED_KB } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";

let kg: KnowledgeGraph;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
});

/** The page a store answers for `entity`, worked out here from the whole graph. */
function pageOf(entity: string, offset: number, limit: number): EntityPage {
  const about = sortClaims(kg.claimsAbout(entity));
  const counts = new Map<
    string,
    { role: "subject" | "object"; predicate: string; count: number }
  >();
  for (const c of about) {
    const role = c.subject === entity ? "subject" : "object";
    const key = `${role} ${c.predicate}`;
    const g = counts.get(key) ?? { role, predicate: c.predicate, count: 0 };
    g.count++;
    counts.set(key, g);
  }
  const mentioning = sortClaims(kg.claimsMentioning(entity));
  return {
    entity,
    total: about.length,
    claims: about.slice(offset, offset + limit).map((c) => c.iri),
    // In no particular order: the answer orders the groups itself.
    groups: [...counts.values()].reverse(),
    mentionedInCount: mentioning.length,
    mentionedIn: mentioning.slice(0, limit).map((c) => ({ id: c.iri, label: c.label })),
  };
}

describe("entityPageTrace", () => {
  it.each([
    ["desipramine", "entity/desipramine", 0, 100],
    ["desipramine", "entity/desipramine", 5, 3],
    ["NET", "entity/norepinephrine-transporter", 0, 1],
    ["NET", "entity/norepinephrine-transporter", 200, 10],
  ] as const)(
    "%s, offset %i, limit %i: the answer trace gives on the whole graph",
    (query, id, offset, limit) => {
      const expected = trace(kg, query, { offset, limit });
      expect(expected.match).toBe("entity");
      const answer = entityPageTrace(kg, query, pageOf(`${KB}${id}`, offset, limit), {
        offset,
        limit,
      });
      expect(answer).toEqual(expected);
    },
  );

  it("counts come from the page, not from the graph: a graph without the claims keeps them", () => {
    const page = pageOf(`${KB}entity/desipramine`, 0, 2);
    const answer = entityPageTrace(
      kg,
      "desipramine",
      { ...page, total: 5000 },
      { offset: 0, limit: 2 },
    );
    expect(answer.total).toBe(5000);
    expect(answer.claims.map((c) => c.id)).toEqual(page.claims);
  });
});
