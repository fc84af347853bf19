/**
 * `trace`: one answer to "where does this come from?" for a claim, an entity, a
 * reference or a work. Claims about an entity are grouped by predicate; claims resting
 * on a reference are found by walking the graph back from its work, so a work listed
 * under two numbers gives every claim that rests on it. Answers are paginated, counts
 * first: a hub entity with thousands of claims answers with its per-group counts and
 * one page of claims, from an index built the first time it is asked for.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { resolve, type Suggestion } from "../graph/resolve.ts";
import type { ClaimNode } from "../graph/types.ts";
import {
  type CitationJson,
  type ClaimJson,
  claimJson,
  type Named,
  type StudyJson,
} from "./answers.ts";
import { entityTrace } from "./entity-trace.ts";
import { referenceTrace } from "./reference-trace.ts";

export { sortClaims } from "./claim-order.ts";

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
    readonly citation: CitationJson;
    /** Other numbers under which the same work is listed. */
    readonly sameWork: ReadonlyArray<{ readonly id: string; readonly number: number | null }>;
  }>;
  readonly tried: readonly string[];
  readonly suggestions: readonly Suggestion[];
}

/** The claims an answer carries: `limit` of them from `offset`. */
export interface Window {
  readonly offset: number;
  readonly limit: number;
}

function window(page: Page): Window {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.max(1, Math.floor(page.limit ?? DEFAULT_LIMIT));
  return { offset, limit };
}

export function trace(kg: KnowledgeGraph, query: string, page: Page = {}): TraceResult {
  const r = resolve(kg, query);
  const w = window(page);
  switch (r.kind) {
    case "claim":
      return claimTrace(kg, query, r.claims, w);
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
        ...unanswered(query, w),
        match: "none",
        total: 0,
        claims: [],
        tried: r.tried,
        suggestions: r.suggestions,
      };
  }
}

/** The claims a query names (a claim, a study's, a document's, or found by their words). */
function claimTrace(
  kg: KnowledgeGraph,
  query: string,
  iris: readonly string[],
  w: Window,
): TraceResult {
  const studies = new Map<string, StudyJson>();
  const claims = iris
    .slice(w.offset, w.offset + w.limit)
    .map((iri) => claimJson(kg, kg.claim(iri) as ClaimNode, studies));
  return { ...unanswered(query, w), match: "claim", total: iris.length, claims };
}

/** The parts of an answer that hold no entity, reference or suggestion. */
function unanswered(query: string, w: Window) {
  return {
    query,
    ...w,
    tried: [] as string[],
    suggestions: [] as Suggestion[],
    entity: null,
    referenceCount: 0,
    references: [],
  };
}
