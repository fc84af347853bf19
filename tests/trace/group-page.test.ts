// Details at scale (#13 point 6), on a generated corpus of 40 documents and the seed: an
// entity's claims by group, each group with its count and a page of 50, and the next pages
// asked for one by one. The pages of a group, put together, are exactly the group's claims
// as trace counts them (none twice, none missing, in document order); no group is empty; and
// every claim names its own document, whose references are the ones its [n] lead to. Pages of
// 5 here (the largest group of 40 documents holds a few dozen claims), of 50 in the viewer.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus/generate.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import type { ClaimJson } from "../../src/trace/answers.ts";
import { entityGroups, GROUP_PAGE, groupPage } from "../../src/trace/group-page.ts";
import { trace } from "../../src/trace/trace.ts";
import { type BuiltKb, buildSources } from "../helpers/serve.ts";

const DOCUMENTS = 40;
/** A page smaller than the viewer's 50, so that the corpus's groups take several pages. */
const PAGE = 5;

let dir: string;
let built: BuiltKb;
let kg: KnowledgeGraph;
/** The entities with the most claims, most first. */
let hubs: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cg-groups-"));
  generateCorpus({ documents: DOCUMENTS, seed: 7, outDir: dir });
  built = await buildSources(dir);
  kg = await openKnowledgeGraph([built.kb]);
  const counts: Array<[string, number]> = [];
  kg.graph.forEachNode((id, a) => {
    if (a.kind === "entity") counts.push([id, kg.claimsAbout(id).length]);
  });
  hubs = counts.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}, 120_000);

afterAll(() => {
  built?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every page of one group, asked for as the viewer's "more" control does. */
function allPages(entity: string, role: string, predicate: string): ClaimJson[] {
  const claims: ClaimJson[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = groupPage(kg, entity, role, predicate, offset, PAGE);
    if (!page) throw new Error(`no group ${role} ${predicate}`);
    expect(page.offset).toBe(offset);
    claims.push(...page.claims);
    if (page.claims.length < PAGE) return claims;
  }
}

describe("an entity's claims by group, a page at a time", () => {
  it("the corpus has a hub entity with more claims in one group than a page holds", () => {
    const groups = entityGroups(kg, hubs[0] as string, PAGE);
    expect(Math.max(...groups.map((g) => g.count))).toBeGreaterThan(2 * PAGE);
  });

  it("counts every claim trace counts, in groups none of which is empty, each with its first page", () => {
    for (const hub of hubs.slice(0, 5)) {
      const groups = entityGroups(kg, hub, PAGE);
      const t = trace(kg, hub, { limit: 1 });
      expect(
        groups.reduce((n, g) => n + g.count, 0),
        hub,
      ).toBe(t.total);
      expect(groups.map((g) => [g.role, g.predicate.id, g.count])).toEqual(
        t.entity?.groups.map((g) => [g.role, g.predicate.id, g.count]),
      );
      for (const g of groups) {
        expect(g.count, `${hub} ${g.predicate.label}`).toBeGreaterThan(0);
        expect(g.offset).toBe(0);
        expect(g.claims).toHaveLength(Math.min(PAGE, g.count));
      }
      // The viewer's page: 50 claims, or the whole group when it holds fewer.
      for (const g of entityGroups(kg, hub))
        expect(g.claims).toHaveLength(Math.min(GROUP_PAGE, g.count));
    }
  });

  it("pages through a group to exactly its claims, in trace's document order", () => {
    const hub = hubs[0] as string;
    const everything = trace(kg, hub, { limit: 100_000 }).claims;
    for (const g of entityGroups(kg, hub)) {
      const paged = allPages(hub, g.role, g.predicate.id);
      expect(paged).toHaveLength(g.count);
      expect(new Set(paged.map((c) => c.id)).size).toBe(g.count);
      const expected = everything.filter(
        (c) =>
          c.predicate.id === g.predicate.id &&
          (g.role === "subject" ? c.subject.id === hub : "id" in c.object && c.object.id === hub),
      );
      expect(paged.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    }
  });

  it("every claim names its document, and each [n] is a reference of that document", () => {
    const hub = hubs[0] as string;
    const documents = new Set<string>();
    for (const g of entityGroups(kg, hub)) {
      for (const c of allPages(hub, g.role, g.predicate.id)) {
        const doc = c.location.document;
        expect(kg.node(doc.id)?.kind).toBe("document");
        expect(doc.label).toBe(kg.node(doc.id)?.label);
        documents.add(doc.id);
        for (const r of c.citations) {
          expect(kg.reference(r.reference)?.document, r.reference).toBe(doc.id);
          expect(kg.reference(r.reference)?.number).toBe(r.number);
        }
      }
    }
    // A hub's claims come from many documents: a line number alone would be ambiguous.
    expect(documents.size).toBeGreaterThan(10);
  });

  it("answers nothing for a group the entity does not have, or a node that is not there", () => {
    const hub = hubs[0] as string;
    expect(groupPage(kg, hub, "subject", "https://example.org/no-such-predicate", 0)).toBe(
      undefined,
    );
    expect(groupPage(kg, "https://example.org/nothing", "subject", "x", 0)).toBe(undefined);
    const g = entityGroups(kg, hub)[0];
    if (!g) throw new Error("no group");
    expect(groupPage(kg, hub, g.role, g.predicate.id, g.count + 10)?.claims).toEqual([]);
    expect(groupPage(kg, hub, g.role, g.predicate.id, -5)?.offset).toBe(0);
  });
});
