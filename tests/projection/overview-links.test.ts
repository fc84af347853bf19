// The overview's links (overview-links.ts) on the seed's entities: every entity keeps its
// OVERVIEW_LINKS strongest partners — counted here from the claims themselves, each claim
// asserting a link from one entity to another — so no partner left out of an entity's
// links has more claims than one kept for it; the weaker pairs are left out and counted.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { OVERVIEW_LINKS, overviewLinks } from "../../src/projection/overview-links.ts";
import { project } from "../../src/projection/projection.ts";
import { SEED_KB } from "../helpers/serve.ts";

let kg: KnowledgeGraph;
let entities: Set<string>;
/** Claims per unordered pair of entities ("a b", a < b), from the claims' subjects and objects. */
const claimsPerPair = new Map<string, number>();
const pair = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  entities = new Set(kg.graph.filterNodes((_, a) => a.kind === "entity"));
  kg.graph.forEachNode((iri) => {
    const c = kg.claim(iri);
    // A null cell's claim (one with a status) asserts no link.
    if (!c || !("iri" in c.object) || c.status !== undefined) return;
    const [s, o] = [c.subject, c.object.iri];
    if (s === o || !entities.has(s) || !entities.has(o)) return;
    claimsPerPair.set(pair(s, o), (claimsPerPair.get(pair(s, o)) ?? 0) + 1);
  });
});

describe("overviewLinks on the seed's entities", () => {
  it.each([1, 2, OVERVIEW_LINKS])(
    "keeps each entity's %i strongest partners by claims, and only those",
    (perEntity) => {
      const { links, pairs } = overviewLinks(kg, entities, perEntity);
      expect(pairs).toBe(claimsPerPair.size);
      const kept = new Set(links.map((l) => pair(l.source, l.target)));
      for (const l of links) expect(l.claims).toBe(claimsPerPair.get(pair(l.source, l.target)));
      for (const [entity, list] of partners()) {
        const counts = list.map(([, n]) => n).sort((x, y) => y - x);
        const bar = counts[Math.min(perEntity, counts.length) - 1] ?? 0;
        // Every partner above the entity's K-th strongest count is linked, and K partners are.
        for (const [other, n] of list)
          if (n > bar) expect(kept.has(pair(entity, other))).toBe(true);
        const linked = list.filter(([other]) => kept.has(pair(entity, other)));
        expect(linked.length).toBeGreaterThanOrEqual(Math.min(perEntity, list.length));
      }
      // A link is kept only as one of its ends' K strongest: at that end, fewer than K partners
      // have more claims.
      const byEntity = partners();
      for (const l of links) {
        const stronger = (end: string) =>
          (byEntity.get(end) ?? []).filter(([, n]) => n > l.claims).length;
        expect(Math.min(stronger(l.source), stronger(l.target)), l.key).toBeLessThan(perEntity);
      }
      if (perEntity === 1) expect(links.length).toBeLessThan(pairs);
    },
  );

  it("is what the overview draws, with the pairs left out counted", () => {
    const view = project(kg, 100);
    const { links, pairs } = overviewLinks(kg, entities);
    const drawn = view.edges.filter((e) => e.kind === "asserts").map((e) => e.key);
    // A pair already joined by class membership keeps that one line.
    const members = new Set(
      view.edges.filter((e) => e.kind === "memberOf").map((e) => pair(e.source, e.target)),
    );
    const expected = links.filter((l) => !members.has(pair(l.source, l.target)));
    expect(drawn.sort()).toEqual(expected.map((l) => l.key).sort());
    expect(expected.length).toBeGreaterThan(0);
    expect(view.linksLeftOut).toBe(pairs - links.length);
    expect(project(kg).linksLeftOut).toBe(0);
  });
});

/** Each entity's partners with the claims linking them. */
function partners(): Map<string, Array<[string, number]>> {
  const out = new Map<string, Array<[string, number]>>();
  for (const [p, n] of claimsPerPair) {
    const [a, b] = p.split(" ") as [string, string];
    out.set(a, [...(out.get(a) ?? []), [b, n]]);
    out.set(b, [...(out.get(b) ?? []), [a, n]]);
  }
  return out;
}
