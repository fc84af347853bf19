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
import { claimJson, type StudyJson } from "./answers.ts";
import { entityTrace } from "./entity-trace.ts";
import { referenceTrace } from "./reference-trace.ts";
import { DEFAULT_LIMIT, type Page, type TraceResult, type Window } from "./trace-result.ts";

export { sortClaims } from "./claim-order.ts";
export {
  DEFAULT_LIMIT,
  type Page,
  type PredicateGroup,
  type TraceResult,
  type Window,
} from "./trace-result.ts";

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
        r.work,
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
