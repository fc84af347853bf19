/**
 * `trace`: one answer to "where does this come from?" for a claim, an entity, a
 * reference or a work. Claims about an entity are grouped by predicate; claims resting
 * on a reference are found by walking the graph back from its work, so a work listed
 * under two numbers gives every claim that rests on it. Answers are paginated, counts
 * first: a hub entity with thousands of claims answers with its per-group counts and
 * one page of claims, from an index built the first time it is asked for.
 */
import { bfsFromNode } from "graphology-traversal";
import type { GraphIndex, KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { resolve, type Suggestion } from "../graph/resolve.ts";
import type { ClaimNode } from "../graph/types.ts";
import { type ClaimJson, citationJson, claimJson, type Named, type StudyJson } from "./answers.ts";

export interface PredicateGroup {
  readonly predicate: Named;
  /** Whether the traced entity is the claims' subject or their object. */
  readonly role: "subject" | "object";
  /** How many claims the group holds in all. */
  readonly count: number;
  /** The group's claims on this page. */
  readonly claims: readonly ClaimJson[];
}

export interface Page {
  /** Claims skipped (default 0). */
  readonly offset?: number;
  /** Most claims returned (default 100). */
  readonly limit?: number;
}

export const DEFAULT_LIMIT = 100;

export interface TraceResult {
  readonly query: string;
  readonly match: "claim" | "entity" | "reference" | "work" | "none";
  /** How many claims the answer holds in all. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** The claims on this page, in document order. */
  readonly claims: readonly ClaimJson[];
  readonly entity: {
    readonly id: string;
    readonly label: string;
    readonly type: string;
    readonly synonyms: readonly string[];
    readonly identifiers: readonly string[];
    readonly unverifiedIdentifiers: readonly string[];
    readonly unnormalised: boolean;
    /** Every group with its count, and its claims on this page. */
    readonly groups: readonly PredicateGroup[];
    /** How many more claims mention the entity without it being their subject or object. */
    readonly mentionedInCount: number;
    readonly mentionedIn: readonly Named[];
  } | null;
  /** How many references the answer rests on in all (`references` holds the first `limit`). */
  readonly referenceCount: number;
  readonly references: ReadonlyArray<{
    readonly id: string;
    readonly number: number | null;
    readonly document: Named | null;
    readonly citation: ReturnType<typeof citationJson>;
    /** Other numbers under which the same work is listed. */
    readonly sameWork: ReadonlyArray<{ readonly id: string; readonly number: number | null }>;
  }>;
  readonly tried: readonly string[];
  readonly suggestions: readonly Suggestion[];
}

export interface EntityIndex {
  /** Claims about the entity, in document order. */
  readonly claims: readonly ClaimNode[];
  /** For each claim, its group's key. */
  readonly keys: readonly string[];
  readonly groups: ReadonlyArray<{
    key: string;
    predicate: Named;
    role: "subject" | "object";
    count: number;
  }>;
  readonly mentioning: readonly ClaimNode[];
}

interface ReferenceParts {
  readonly references: TraceResult["references"][number][];
  readonly all: readonly ClaimNode[];
}

/** Answers kept with the graph, by entity, by start of a walk, by references matched. */
const ENTITY_INDEXES = keyed<EntityIndex>("trace's claims by entity, grouped");
const RESTING_ON = keyed<readonly ClaimNode[]>("trace's claims resting on a work or reference");
const REFERENCE_PARTS = keyed<ReferenceParts>("trace's references and the claims on them");

/** A graph index of answers by key, each made on first use (see `cached`). */
function keyed<T>(name: string): GraphIndex<Map<string, T>> {
  return { name, build: () => new Map() };
}

function cached<T>(
  kg: KnowledgeGraph,
  kind: GraphIndex<Map<string, T>>,
  key: string,
  make: () => T,
): T {
  const map = kg.index(kind);
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
}

function window(page: Page): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.max(1, Math.floor(page.limit ?? DEFAULT_LIMIT));
  return { offset, limit };
}

export function trace(kg: KnowledgeGraph, query: string, page: Page = {}): TraceResult {
  const r = resolve(kg, query);
  const w = window(page);
  const base = {
    query,
    ...w,
    tried: [] as string[],
    suggestions: [] as Suggestion[],
    entity: null,
    referenceCount: 0,
    references: [],
  };
  switch (r.kind) {
    case "claim": {
      const studies = new Map<string, StudyJson>();
      const claims = r.claims
        .slice(w.offset, w.offset + w.limit)
        .map((iri) => claimJson(kg, kg.claim(iri) as ClaimNode, studies));
      return { ...base, match: "claim", total: r.claims.length, claims };
    }
    case "entity":
      return entityTrace(kg, query, r.entity, w);
    case "reference":
      return referenceTrace(
        kg,
        query,
        () => r.references,
        "reference",
        w,
        `reference ${r.references.length === 1 ? r.references[0] : query.trim()}`,
      );
    case "work":
      return referenceTrace(
        kg,
        query,
        () => kg.referencesOf(r.work).map((ref) => ref.iri),
        "work",
        w,
        `work ${r.work}`,
      );
    case "none":
      return {
        ...base,
        match: "none",
        total: 0,
        claims: [],
        tried: r.tried,
        suggestions: r.suggestions,
      };
  }
}

export function entityIndex(kg: KnowledgeGraph, iri: string): EntityIndex {
  return cached(kg, ENTITY_INDEXES, iri, () => {
    const claims = sortClaims(kg.claimsAbout(iri));
    const keys: string[] = [];
    const groups = new Map<
      string,
      { key: string; predicate: Named; role: "subject" | "object"; count: number }
    >();
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
    const ordered = [...groups.values()].sort(
      (a, b) =>
        (a.role === b.role ? 0 : a.role === "subject" ? -1 : 1) ||
        (a.predicate.label < b.predicate.label ? -1 : 1),
    );
    return { claims, keys, groups: ordered, mentioning: sortClaims(kg.claimsMentioning(iri)) };
  });
}

function entityTrace(
  kg: KnowledgeGraph,
  query: string,
  iri: string,
  w: { offset: number; limit: number },
): TraceResult {
  const entity = kg.entity(iri);
  const index = entityIndex(kg, iri);
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
  return {
    query,
    match: "entity",
    total: index.claims.length,
    ...w,
    claims,
    entity: {
      id: iri,
      label: entity?.label ?? kg.label(iri),
      type: entity?.type ?? "Entity",
      synonyms: entity?.synonyms ?? [],
      identifiers: (entity?.identifiers ?? []).filter((i) => !i.unverified).map((i) => i.curie),
      unverifiedIdentifiers: (entity?.identifiers ?? [])
        .filter((i) => i.unverified)
        .map((i) => i.curie),
      unnormalised: entity?.unnormalised ?? false,
      groups: index.groups.map((g) => ({
        predicate: g.predicate,
        role: g.role,
        count: g.count,
        claims: byGroup.get(g.key) ?? [],
      })),
      mentionedInCount: index.mentioning.length,
      mentionedIn: index.mentioning.slice(0, w.limit).map((c) => ({ id: c.iri, label: c.label })),
    },
    referenceCount: 0,
    references: [],
    tried: [],
    suggestions: [],
  };
}

/** Claims resting on a reference's work, found by walking inbound from the work (work ← reference ← claim). */
function restingOn(kg: KnowledgeGraph, start: string): readonly ClaimNode[] {
  return cached(kg, RESTING_ON, start, () => {
    const claims = new Set<string>();
    bfsFromNode(
      kg.graph,
      start,
      (node, attributes, depth) => {
        if (attributes.kind === "claim") claims.add(node);
        return depth >= 2;
      },
      { mode: "inbound" },
    );
    return sortClaims([...claims].map((c) => kg.claim(c) as ClaimNode));
  });
}

function referenceTrace(
  kg: KnowledgeGraph,
  query: string,
  /** The references matched; called only when the answer is not cached yet. */
  refs: () => readonly string[],
  match: "reference" | "work",
  w: { offset: number; limit: number },
  cacheKey: string,
): TraceResult {
  // A reference number used by many documents ("[1]") or a work cited by many makes a long
  // list: it and the claims resting on it are built once per graph and kept.
  const { references, all } = cached(kg, REFERENCE_PARTS, cacheKey, () => {
    const references: TraceResult["references"][number][] = [];
    const starts: string[] = [];
    for (const refIri of refs()) {
      const ref = kg.reference(refIri);
      const work = ref?.work;
      const sameWork = work
        ? kg.referencesOf(work).filter((o) => o.iri !== refIri && o.document === ref?.document)
        : [];
      references.push({
        id: refIri,
        number: ref?.number ?? null,
        document: ref?.document ? { id: ref.document, label: kg.label(ref.document) } : null,
        citation: citationJson(kg, refIri),
        sameWork: sameWork.map((o) => ({ id: o.iri, number: o.number ?? null })),
      });
      starts.push(work && kg.graph.hasNode(work) ? work : refIri);
    }
    const unique = [...new Set(starts)].sort();
    const all =
      unique.length === 1
        ? restingOn(kg, unique[0] as string)
        : (() => {
            const found = new Set<ClaimNode>();
            for (const start of unique) for (const c of restingOn(kg, start)) found.add(c);
            return sortClaims([...found]);
          })();
    return { references, all };
  });
  const studies = new Map<string, StudyJson>();
  const claims = all.slice(w.offset, w.offset + w.limit).map((c) => claimJson(kg, c, studies));
  return {
    query,
    match,
    total: all.length,
    ...w,
    claims,
    entity: null,
    referenceCount: references.length,
    // Reference 1 of a thousand documents is a thousand references: like the claims, the
    // answer counts them all and carries the first page.
    references: references.length > w.limit ? references.slice(0, w.limit) : references,
    tried: [],
    suggestions: [],
  };
}

/** Document order: by document, then line and column. */
export function sortClaims(claims: readonly ClaimNode[]): ClaimNode[] {
  return [...claims].sort(
    (a, b) =>
      (a.location.document < b.location.document
        ? -1
        : a.location.document > b.location.document
          ? 1
          : 0) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      (a.iri < b.iri ? -1 : 1),
  );
}
