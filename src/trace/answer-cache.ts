/**
 * Trace's answers kept with the graph they were made from: a map per kind of answer, filled
 * on first use, so a hub entity or a reference cited by every document is worked out once.
 */
import type { GraphIndex, KnowledgeGraph } from "../graph/knowledge-graph.ts";

/** A graph index of answers by key, each made on first use (see `cached`). */
export function keyed<T>(name: string): GraphIndex<Map<string, T>> {
  return { name, build: () => new Map() };
}

/** The answer kept under `key`, made by `make` the first time it is asked for. */
export function cached<T>(
  kg: KnowledgeGraph,
  kind: GraphIndex<Map<string, T>>,
  key: string,
  make: () => T,
): T {
  const map = kg.index(kind);
  if (!map.has(key)) map.set(key, make());
  return map.get(key) as T;
}
