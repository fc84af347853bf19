/**
 * Trace's answer for a work or references from one page of the claims resting on them, read
 * apart with the counts of all (a store's: src/store/remote-resting-page.ts): the answer
 * `referenceTrace` gives on the whole knowledge base, made on a graph that holds only the
 * page's claims, the references shown and the other numbers their works are listed under.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import type { RestingPage } from "../sparql/questions.ts";
import { claimJson, type StudyJson } from "./answers.ts";
import { referenceJson } from "./reference-trace.ts";
import type { TraceResult, Window } from "./trace-result.ts";

export function referencePageTrace(
  kg: KnowledgeGraph,
  query: string,
  page: RestingPage,
  w: Window,
): TraceResult {
  const studies = new Map<string, StudyJson>();
  const claims = page.claims
    .slice(0, w.limit)
    .map((iri) => kg.claim(iri))
    .filter((c): c is ClaimNode => c !== undefined)
    .map((c) => claimJson(kg, c, studies));
  return {
    query,
    match: page.match,
    total: page.total,
    ...w,
    claims,
    entity: null,
    referenceCount: page.referenceCount,
    references: page.references.slice(0, w.limit).map((r) => referenceJson(kg, r)),
    tried: [],
    suggestions: [],
  };
}
