/**
 * Trace's answer for a reference or a work: the references matched, each with the other
 * numbers its work is listed under in the same document, and every claim resting on them,
 * found by walking the graph back from each work (work ← reference ← claim), so a work listed
 * under two numbers gives every claim that rests on it.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { cached, keyed } from "./answer-cache.ts";
import { citationJson, claimJson, type StudyJson } from "./answers.ts";
import { sortClaims } from "./claim-order.ts";
import type { TraceResult, Window } from "./trace-result.ts";

export type ReferenceJson = TraceResult["references"][number];

interface ReferenceParts {
  readonly references: readonly ReferenceJson[];
  readonly all: readonly ClaimNode[];
}

/** Answers kept with the graph, by start of a walk and by references matched. */
const RESTING_ON = keyed<readonly ClaimNode[]>("trace's claims resting on a work or reference");
const REFERENCE_PARTS = keyed<ReferenceParts>("trace's references and the claims on them");

export function referenceTrace(
  kg: KnowledgeGraph,
  query: string,
  /** The references matched; called only when the answer is not cached yet. */
  refs: () => readonly string[],
  match: "reference" | "work",
  w: Window,
  cacheKey: string,
  /** The work the query names, when it names one (its claims rest on it, listed or not). */
  work?: string,
): TraceResult {
  // A reference number used by many documents ("[1]") or a work cited by many makes a long
  // list: it and the claims resting on it are built once per graph and kept.
  const { references, all } = cached(kg, REFERENCE_PARTS, cacheKey, () =>
    referenceParts(kg, refs(), work),
  );
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

/**
 * The references as the answer lists them, and the claims resting on any of them (and on
 * `work`, when the query names one: a work no reference lists, cited directly, has claims too).
 */
function referenceParts(
  kg: KnowledgeGraph,
  refIris: readonly string[],
  work: string | undefined,
): ReferenceParts {
  const references: ReferenceJson[] = [];
  const starts: string[] = work ? [work] : [];
  for (const refIri of refIris) {
    references.push(referenceJson(kg, refIri));
    // The walk starts at the work when it is known, so every number it is listed under counts.
    const work = kg.reference(refIri)?.work;
    starts.push(work && kg.has(work) ? work : refIri);
  }
  return { references, all: restingOnAny(kg, starts) };
}

/** One reference: its number, document and citation, and its work's other numbers there. */
export function referenceJson(kg: KnowledgeGraph, refIri: string): ReferenceJson {
  const ref = kg.reference(refIri);
  const work = ref?.work;
  const sameWork = work
    ? kg.referencesOf(work).filter((o) => o.iri !== refIri && o.document === ref?.document)
    : [];
  return {
    id: refIri,
    number: ref?.number ?? null,
    document: ref?.document ? { id: ref.document, label: kg.label(ref.document) } : null,
    citation: citationJson(kg, refIri),
    sameWork: sameWork.map((o) => ({ id: o.iri, number: o.number ?? null })),
  };
}

/** The claims resting on any of the walks' starts, in document order. */
function restingOnAny(kg: KnowledgeGraph, starts: readonly string[]): readonly ClaimNode[] {
  const unique = [...new Set(starts)].sort();
  if (unique.length === 1) return restingOn(kg, unique[0] as string);
  const found = new Set<ClaimNode>();
  for (const start of unique) for (const c of restingOn(kg, start)) found.add(c);
  return sortClaims([...found]);
}

/** Claims resting on a reference's work, found by walking inbound from the work (work ← reference ← claim). */
function restingOn(kg: KnowledgeGraph, start: string): readonly ClaimNode[] {
  return cached(kg, RESTING_ON, start, () => {
    const claims = new Set<string>();
    const seen = new Set([start]);
    let layer = [start];
    for (let depth = 0; depth <= 2; depth++) {
      const next: string[] = [];
      for (const node of layer) {
        if (kg.claim(node)) claims.add(node);
        if (depth === 2) continue;
        kg.forEachInEdge(node, (_, source) => {
          if (!seen.has(source)) next.push(source);
          seen.add(source);
        });
      }
      layer = next;
    }
    return sortClaims([...claims].map((c) => kg.claim(c) as ClaimNode));
  });
}
