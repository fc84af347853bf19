/**
 * The graph and the answer of one page of `trace`: from the source's page read when it has one
 * (a store reads the page of claims about an entity, or resting on a work or references, and
 * counts the rest: `graphForTrace`), else trace on the graph the source reads for the query.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { QuestionSource, TraceGraph, TraceWindow } from "../sparql/questions.ts";
import type { TraceResult } from "../trace/trace-result.ts";

export interface TracedPage {
  readonly kg: KnowledgeGraph;
  readonly result: TraceResult;
}

export async function tracePage(
  source: QuestionSource,
  query: string,
  window: TraceWindow,
): Promise<TracedPage> {
  // As trace reads a page: whole claims, at least one.
  const w = {
    offset: Math.max(0, Math.floor(window.offset)),
    limit: Math.max(1, Math.floor(window.limit)),
  };
  const [read, { trace }, { entityPageTrace }, { referencePageTrace }] = await Promise.all([
    source.graphForTrace
      ? source.graphForTrace(query, w)
      : source.graphFor(query).then((kg): TraceGraph => ({ kg })),
    import("../trace/trace.ts"),
    import("../trace/entity-page.ts"),
    import("../trace/reference-page.ts"),
  ]);
  const { kg, entityPage, restingPage } = read;
  const result = entityPage
    ? entityPageTrace(kg, query, entityPage, w)
    : restingPage
      ? referencePageTrace(kg, query, restingPage, w)
      : trace(kg, query, w);
  return { kg, result };
}
