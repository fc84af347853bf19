/**
 * How a knowledge base is laid out in a triple store: one named graph per document, holding
 * the document's own graph and every graph of its claims' nanopublications, and the shared
 * graph (entities, works), and the agreement graph (assertions and conflicts across documents,
 * #15) last, after the claims it names. A store then holds a handful of graphs, not four per
 * claim, and replacing a document replaces all of it. Each graph is written as distinct
 * N-Triples lines, in the order first read. Where each graph goes is `graph-routes.ts`; a push
 * reads the data twice (`graph-survey.ts`, `graph-stream.ts`) so as never to hold all of it.
 * Here, the same layout held in memory: for data that is in memory already, and for `pushed`.
 */
import type { Quad } from "@rdfjs/types";
import { type GraphSink, streamGraphs } from "./graph-stream.ts";
import { drain, type QuadPass, surveyGraphs } from "./graph-survey.ts";

export interface GraphGroup {
  /** The graph's name in the store. */
  readonly graph: string;
  /** Distinct N-Triples lines (each ending in "\n"), in the order first read. */
  readonly lines: readonly string[];
  /** Whether some line holds a blank node (those cannot be split across requests). */
  readonly blankNodes: boolean;
}

/** How many steps of quads in memory are read between two waits. */
const QUADS_PER_STEP = 65_536;

/** Quads in memory as a pass (`QuadPass`): read again on each reading. */
export function quadsPass(quads: readonly Quad[]): QuadPass {
  return function* (onQuad) {
    for (const [i, q] of quads.entries()) {
      onQuad(q, undefined);
      if ((i + 1) % QUADS_PER_STEP === 0) yield;
    }
  };
}

/**
 * Groups `quads` into the graphs to write, sorted by name, the agreement graph last.
 * `baseGraph` is the prefix of their names (default: the data's own `<base>graph/`).
 * Nanopublication graphs go to their document's graph; other named graphs under `<base>graph/`
 * keep their local name; any other named graph keeps its name; triples in the default graph go
 * to `<baseGraph>default`.
 */
export function groupGraphs(quads: readonly Quad[], baseGraph?: string): GraphGroup[] {
  return collectGraphs(quadsPass(quads), baseGraph);
}

/** A pass's graphs, each with all of its lines: the whole knowledge base in memory. */
export function collectGraphs(pass: QuadPass, baseGraph?: string): GraphGroup[] {
  const survey = surveyGraphs(pass, { baseGraph, maxBytes: Number.POSITIVE_INFINITY, url: "" });
  const lines = new Map<string, string[]>();
  const sink: GraphSink = {
    body: (graph, body) => {
      const into = lines.get(graph);
      if (into) for (const line of body) into.push(line);
      else lines.set(graph, [...body]);
    },
    end: () => {},
  };
  drain(streamGraphs(pass, survey, sink, Number.POSITIVE_INFINITY));
  return [...survey.graphs].map(([graph, g]) => ({
    graph,
    lines: lines.get(graph) ?? [],
    blankNodes: g.blankNodes,
  }));
}

/** Each graph's distinct triples, sorted as `groupGraphs` sorts them. */
export function countGraphs(
  pass: QuadPass,
  baseGraph?: string,
): Array<{ readonly graph: string; readonly triples: number }> {
  const survey = surveyGraphs(pass, { baseGraph, maxBytes: Number.POSITIVE_INFINITY, url: "" });
  const counts = new Map<string, number>();
  const sink: GraphSink = { body: () => {}, end: (graph, triples) => counts.set(graph, triples) };
  // Not cut into bodies: a graph's lines are held while it is open in any case (to count
  // each once), and the bodies are dropped.
  drain(streamGraphs(pass, survey, sink, Number.POSITIVE_INFINITY));
  return [...survey.graphs.keys()].map((graph) => ({ graph, triples: counts.get(graph) ?? 0 }));
}
