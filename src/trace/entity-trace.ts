/**
 * Trace's answer for an entity: the claims about it grouped by predicate (as subject, then as
 * object), each group counted in full and holding its claims on the page asked for, and the
 * claims that only mention it. The grouping is built once per entity and kept with the graph.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { cached, keyed } from "./answer-cache.ts";
import { type ClaimJson, claimJson, type Named, type StudyJson } from "./answers.ts";
import { sortClaims } from "./claim-order.ts";
import type { TraceResult, Window } from "./trace-result.ts";

export interface Group {
  key: string;
  predicate: Named;
  role: "subject" | "object";
  count: number;
}

export interface EntityIndex {
  /** Claims about the entity, in document order. */
  readonly claims: readonly ClaimNode[];
  /** For each claim, its group's key. */
  readonly keys: readonly string[];
  readonly groups: readonly Readonly<Group>[];
  readonly mentioning: readonly ClaimNode[];
}

const ENTITY_INDEXES = keyed<EntityIndex>("trace's claims by entity, grouped");

export function entityTrace(
  kg: KnowledgeGraph,
  query: string,
  iri: string,
  w: Window,
): TraceResult {
  const index = entityIndex(kg, iri);
  const { claims, byGroup } = pageOfClaims(kg, index, w);
  return {
    query,
    match: "entity",
    total: index.claims.length,
    ...w,
    claims,
    entity: entityJson(kg, iri, index.groups, byGroup, {
      count: index.mentioning.length,
      shown: index.mentioning.slice(0, w.limit).map((c) => ({ id: c.iri, label: c.label })),
    }),
    referenceCount: 0,
    references: [],
    tried: [],
    suggestions: [],
  };
}

export function entityIndex(kg: KnowledgeGraph, iri: string): EntityIndex {
  return cached(kg, ENTITY_INDEXES, iri, () => {
    const claims = sortClaims(kg.claimsAbout(iri));
    const keys: string[] = [];
    const groups = new Map<string, Group>();
    for (const claim of claims) {
      const role = claim.subject === iri ? "subject" : "object";
      const key = `${role} ${claim.predicate}`;
      keys.push(key);
      const group = groups.get(key);
      if (group) group.count++;
      else
        groups.set(key, {
          key,
          predicate: { id: claim.predicate, label: kg.predicateLabel(claim.predicate) },
          role,
          count: 1,
        });
    }
    return {
      claims,
      keys,
      groups: ordered(groups),
      mentioning: sortClaims(kg.claimsMentioning(iri)),
    };
  });
}

/** Groups as subject before groups as object, each by its predicate's label. */
export function ordered(groups: Map<string, Group>): Group[] {
  return [...groups.values()].sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === "subject" ? -1 : 1) ||
      (a.predicate.label < b.predicate.label ? -1 : 1),
  );
}

/** The claims on the page, in document order, and the same claims filed under their groups. */
function pageOfClaims(
  kg: KnowledgeGraph,
  index: EntityIndex,
  w: Window,
): { claims: ClaimJson[]; byGroup: Map<string, ClaimJson[]> } {
  const studies = new Map<string, StudyJson>();
  const byGroup = new Map<string, ClaimJson[]>();
  const claims: ClaimJson[] = [];
  const end = Math.min(index.claims.length, w.offset + w.limit);
  for (let i = w.offset; i < end; i++) {
    const json = claimJson(kg, index.claims[i] as ClaimNode, studies);
    claims.push(json);
    const key = index.keys[i] as string;
    const list = byGroup.get(key);
    if (list) list.push(json);
    else byGroup.set(key, [json]);
  }
  return { claims, byGroup };
}

/**
 * The entity itself: its names and identifiers, its groups with their page of claims, and the
 * claims that only mention it (how many, and those shown).
 */
export function entityJson(
  kg: KnowledgeGraph,
  iri: string,
  groups: readonly Readonly<Group>[],
  byGroup: ReadonlyMap<string, ClaimJson[]>,
  mentioning: { readonly count: number; readonly shown: readonly Named[] },
): NonNullable<TraceResult["entity"]> {
  const entity = kg.entity(iri);
  const identifiers = entity?.identifiers ?? [];
  return {
    id: iri,
    label: entity?.label ?? kg.label(iri),
    type: entity?.type ?? "Entity",
    synonyms: entity?.synonyms ?? [],
    identifiers: identifiers.filter((i) => !i.unverified).map((i) => i.curie),
    unverifiedIdentifiers: identifiers.filter((i) => i.unverified).map((i) => i.curie),
    unnormalised: entity?.unnormalised ?? false,
    groups: groups.map((g) => ({
      predicate: g.predicate,
      role: g.role,
      count: g.count,
      claims: byGroup.get(g.key) ?? [],
    })),
    mentionedInCount: mentioning.count,
    mentionedIn: [...mentioning.shown],
  };
}
