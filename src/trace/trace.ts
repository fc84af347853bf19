/**
 * `trace`: one answer to "where does this come from?" for a claim, an entity, a
 * reference or a work. Claims about an entity are grouped by predicate; claims resting
 * on a reference are found by walking the graph back from its work, so a work listed
 * under two numbers gives every claim that rests on it.
 */
import { bfsFromNode } from "graphology-traversal";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { type ClaimJson, citationJson, claimJson, type Named, type StudyJson } from "./answers.ts";
import { resolve, type Suggestion } from "./search.ts";

export interface PredicateGroup {
  readonly predicate: Named;
  /** Whether the traced entity is the claims' subject or their object. */
  readonly role: "subject" | "object";
  readonly claims: readonly ClaimJson[];
}

export interface TraceResult {
  readonly query: string;
  readonly match: "claim" | "entity" | "reference" | "work" | "none";
  /** How many claims the answer holds. */
  readonly total: number;
  readonly claims: readonly ClaimJson[];
  readonly entity: {
    readonly id: string;
    readonly label: string;
    readonly type: string;
    readonly synonyms: readonly string[];
    readonly identifiers: readonly string[];
    readonly unverifiedIdentifiers: readonly string[];
    readonly unnormalised: boolean;
    readonly groups: readonly PredicateGroup[];
    readonly mentionedIn: readonly Named[];
  } | null;
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

export function trace(kg: KnowledgeGraph, query: string): TraceResult {
  const r = resolve(kg, query);
  const base = {
    query,
    tried: [] as string[],
    suggestions: [] as Suggestion[],
    entity: null,
    references: [],
  };
  switch (r.kind) {
    case "claim": {
      const claims = r.claims.map((iri) => claimJson(kg, kg.claim(iri) as ClaimNode));
      return { ...base, match: "claim", total: claims.length, claims };
    }
    case "entity":
      return entityTrace(kg, query, r.entity);
    case "reference":
      return referenceTrace(kg, query, r.references, "reference");
    case "work":
      return referenceTrace(
        kg,
        query,
        kg.referencesOf(r.work).map((ref) => ref.iri),
        "work",
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

function entityTrace(kg: KnowledgeGraph, query: string, iri: string): TraceResult {
  const entity = kg.entity(iri);
  const groups = new Map<
    string,
    { predicate: Named; role: "subject" | "object"; claims: ClaimJson[] }
  >();
  const all: ClaimJson[] = [];
  const studies = new Map<string, StudyJson>();
  for (const claim of sortClaims(kg.claimsAbout(iri))) {
    const role = claim.subject === iri ? "subject" : "object";
    const key = `${role} ${claim.predicate}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        predicate: { id: claim.predicate, label: kg.predicateLabel(claim.predicate) },
        role,
        claims: [],
      };
      groups.set(key, group);
    }
    const json = claimJson(kg, claim, studies);
    group.claims.push(json);
    all.push(json);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      (a.role === b.role ? 0 : a.role === "subject" ? -1 : 1) ||
      (a.predicate.label < b.predicate.label ? -1 : 1),
  );
  return {
    query,
    match: "entity",
    total: all.length,
    claims: all,
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
      groups: ordered,
      mentionedIn: sortClaims(kg.claimsMentioning(iri)).map((c) => ({ id: c.iri, label: c.label })),
    },
    references: [],
    tried: [],
    suggestions: [],
  };
}

/** Claims resting on the given references' works, found by walking inbound from each work. */
function referenceTrace(
  kg: KnowledgeGraph,
  query: string,
  refs: readonly string[],
  match: "reference" | "work",
): TraceResult {
  const claims = new Set<string>();
  const references: TraceResult["references"][number][] = [];
  for (const refIri of refs) {
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
    const start = work && kg.graph.hasNode(work) ? work : refIri;
    bfsFromNode(
      kg.graph,
      start,
      (node, attributes, depth) => {
        if (attributes.kind === "claim") claims.add(node);
        // work ← reference ← claim: nothing further back is needed.
        return depth >= 2;
      },
      { mode: "inbound" },
    );
  }
  const list = sortClaims([...claims].map((c) => kg.claim(c) as ClaimNode)).map((c) =>
    claimJson(kg, c),
  );
  return {
    query,
    match,
    total: list.length,
    claims: list,
    entity: null,
    references,
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
