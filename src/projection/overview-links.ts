/**
 * The links of the overview (a few hundred entities of a large knowledge base): two entities
 * are linked when claims link them, but at ten thousand documents nearly every pair is, and
 * twenty-five thousand lines make a hairball that takes the browser seconds to draw. So each
 * entity keeps its OVERVIEW_LINKS strongest links — the partners the most claims link it to,
 * ties by the key of the edge between them — and the overview draws their union: a backbone in
 * which every entity keeps its strongest ties. Nothing is lost: choosing an entity draws its
 * neighbourhood, and Details lists its claims.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { compare } from "./claim-rows.ts";

export const OVERVIEW_LINKS = 4;

export interface OverviewLink {
  /** The first edge between the two that a claim asserts, by key. */
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly predicate: string;
  /** How many claims link the two entities, either way. */
  readonly claims: number;
}

export interface OverviewLinks {
  /** The links kept, by key. */
  readonly links: readonly OverviewLink[];
  /** How many pairs of the entities claims link in all. */
  readonly pairs: number;
}

export function overviewLinks(
  kg: KnowledgeGraph,
  keep: ReadonlySet<string>,
  perEntity = OVERVIEW_LINKS,
): OverviewLinks {
  const pairs = linkedPairs(kg, keep);
  const partners = new Map<string, OverviewLink[]>();
  for (const link of pairs.values())
    for (const end of [link.source, link.target]) {
      const list = partners.get(end);
      if (list) list.push(link);
      else partners.set(end, [link]);
    }
  const kept = new Set<OverviewLink>();
  for (const list of partners.values()) {
    list.sort((a, b) => b.claims - a.claims || compare(a.key, b.key));
    for (const link of list.slice(0, perEntity)) kept.add(link);
  }
  return { links: [...kept].sort((a, b) => compare(a.key, b.key)), pairs: pairs.size };
}

/** Each pair of kept entities that claims link, with how many claims do. */
function linkedPairs(kg: KnowledgeGraph, keep: ReadonlySet<string>): Map<string, OverviewLink> {
  const g = kg.graph;
  const claims = claimsLinking(kg, keep);
  const pairs = new Map<string, OverviewLink>();
  for (const source of keep)
    g.forEachOutEdge(source, (key, ea, _source, target) => {
      if (ea.kind !== "asserts" || target === source || !keep.has(target)) return;
      const pair = pairKey(source, target);
      const seen = pairs.get(pair);
      if (seen && seen.key < key) return;
      const count = claims.get(pair) ?? 0;
      pairs.set(pair, { key, source, target, predicate: ea.predicate, claims: count });
    });
  return pairs;
}

/**
 * How many claims have one kept entity as subject and another as object, per pair; a claim of
 * a null cell (one with a status) asserts nothing, and does not count.
 */
function claimsLinking(kg: KnowledgeGraph, keep: ReadonlySet<string>): Map<string, number> {
  const g = kg.graph;
  const counts = new Map<string, number>();
  for (const subject of keep)
    g.forEachInEdge(subject, (_e, ea, claim) => {
      if (ea.kind !== "subject" || kg.claim(claim)?.status !== undefined) return;
      g.forEachOutEdge(claim, (_e2, oa, _claim, object) => {
        if (oa.kind !== "object" || object === subject || !keep.has(object)) return;
        const pair = pairKey(subject, object);
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      });
    });
  return counts;
}

const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
