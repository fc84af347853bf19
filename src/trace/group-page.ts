/**
 * An entity's claims by group (predicate and role), a page per group: the viewer's Details
 * shows each group's first page and its count ("50 of 1,513"), and asks for the next page of
 * one group. Groups come from trace's entity index, so counts and order are trace's.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { type ClaimJson, claimJson, type Named, type StudyJson } from "./answers.ts";
import { entityIndex } from "./entity-trace.ts";

/** Claims of a group shown at once. */
export const GROUP_PAGE = 50;

export interface GroupPage {
  readonly predicate: Named;
  /** Whether the entity is the claims' subject or their object. */
  readonly role: "subject" | "object";
  /** How many claims the group holds in all. */
  readonly count: number;
  /** Claims skipped before this page. */
  readonly offset: number;
  /** The page's claims, in document order. */
  readonly claims: readonly ClaimJson[];
}

/** Every group of the entity's claims (none empty), each with its first page. */
export function entityGroups(kg: KnowledgeGraph, iri: string, limit = GROUP_PAGE): GroupPage[] {
  const index = entityIndex(kg, iri);
  return index.groups.map((g) => page(kg, iri, g.key, 0, limit) as GroupPage);
}

/** One page of one group (`role` and `predicate` name it), or undefined when there is none. */
export function groupPage(
  kg: KnowledgeGraph,
  iri: string,
  role: string,
  predicate: string,
  offset: number,
  limit = GROUP_PAGE,
): GroupPage | undefined {
  if (!kg.has(iri)) return undefined;
  return page(kg, iri, `${role} ${predicate}`, offset, limit);
}

function page(
  kg: KnowledgeGraph,
  iri: string,
  key: string,
  offset: number,
  limit: number,
): GroupPage | undefined {
  const index = entityIndex(kg, iri);
  const group = index.groups.find((g) => g.key === key);
  if (!group) return undefined;
  const start = Math.max(0, Math.floor(offset));
  const inGroup: ClaimNode[] = [];
  let seen = 0;
  index.claims.forEach((claim, i) => {
    if (index.keys[i] !== key) return;
    if (seen >= start && inGroup.length < limit) inGroup.push(claim);
    seen++;
  });
  const studies = new Map<string, StudyJson>();
  return {
    predicate: group.predicate,
    role: group.role,
    count: group.count,
    offset: start,
    claims: inGroup.map((c) => claimJson(kg, c, studies)),
  };
}
