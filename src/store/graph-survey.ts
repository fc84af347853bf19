/**
 * The first of a push's two readings of the knowledge base: it checks everything before a
 * byte is sent (the files parse, no triple is bigger than a request, no graph with blank nodes
 * needs two requests) and learns where each graph of the store ends in the data, so that the
 * second reading (`graph-stream.ts`) can send a graph and forget it as soon as its last quad
 * has gone by. Nothing of the quads is kept but a few numbers per graph.
 */
import type { Quad } from "@rdfjs/types";
import { Writer } from "n3";
import { ownString } from "../base/own-string.ts";
import { RDF } from "../rdf/vocab/vocabulary.ts";
import { StoreError } from "./errors.ts";
import { GraphRouter, type Route, routeKey } from "./graph-routes.ts";

/**
 * The first line of every request body: it makes the body Turtle (N-Triples lines are Turtle)
 * and lets Virtuoso, which sniffs a body's start, tell it from plain text.
 */
export const BODY_HEADER = `@prefix rdf: <${RDF.iri}> .\n`;

/** One reading of the knowledge base: each quad, with its N-Triples line when the reader has it. */
export type QuadPass = (onQuad: (quad: Quad, line: string | undefined) => void) => Iterable<void>;

/** Reads a pass to its end without waiting between its steps. */
export function drain(steps: Iterable<void>): void {
  const it = steps[Symbol.iterator]();
  while (it.next().done !== true);
}

/** What the first reading learnt of one graph of the store. */
export interface SurveyedGraph {
  /** The index, in reading order, of the graph's last quad. */
  readonly last: number;
  /** Whether some triple holds a blank node (the graph then goes in one request). */
  readonly blankNodes: boolean;
  /** Bytes of its N-Triples lines, a repeated triple counted each time. */
  readonly bytes: number;
  /** The agreement graph, which names the others' claims, is written after all of them. */
  readonly agreement: boolean;
}

export interface GraphSurvey {
  /** The router that read the data, which now knows every nanopublication's document. */
  readonly router: GraphRouter;
  /** The store's graphs by name, sorted, the agreement graph last. */
  readonly graphs: ReadonlyMap<string, SurveyedGraph>;
  readonly quads: number;
}

/** The N-Triples line of a quad's triple, as a request body carries it. */
export class TripleLines {
  private readonly writer = new Writer({ format: "N-Triples" });

  of(q: Quad, line: string | undefined): string {
    return line ?? `${this.writer.quadToString(q.subject, q.predicate, q.object).trimEnd()}\n`;
  }
}

interface Tally {
  last: number;
  bytes: number;
  blankNodes: boolean;
  readonly route: Route;
}

/**
 * Reads the data once (throwing the files' errors, and a StoreError for a triple or a graph
 * that no request could carry) and tells each graph's extent. The router is then frozen: the
 * second reading sends each quad where the first one counted it.
 */
export function surveyGraphs(
  pass: QuadPass,
  options: {
    readonly baseGraph?: string | undefined;
    readonly maxBytes: number;
    readonly url: string;
  },
): GraphSurvey {
  const router = new GraphRouter(options.baseGraph);
  const header = Buffer.byteLength(BODY_HEADER);
  const { tallies, quads, biggest } = tallyQuads(pass, router);
  if (biggest && header + biggest.bytes > options.maxBytes)
    throw tooBig(router.target(biggest.route), biggest.bytes, options);
  const graphs = graphsOf(tallies, router);
  for (const [graph, g] of graphs)
    if (g.blankNodes && header + g.bytes > options.maxBytes)
      throw splitBlankNodes(graph, g, options);
  router.freeze();
  return { router, graphs: sortGraphs(graphs), quads };
}

/**
 * Each route's last quad, bytes and blank nodes, counted by the route's key (a
 * nanopublication's document is not known until the data's end), and the biggest triple.
 */
function tallyQuads(pass: QuadPass, router: GraphRouter) {
  const lines = new TripleLines();
  const tallies = new Map<string, Tally>();
  let biggest: { bytes: number; route: Route } | undefined;
  let index = 0;
  drain(
    pass((q, given) => {
      const route = router.route(q);
      const bytes = Buffer.byteLength(lines.of(q, given));
      if (bytes > (biggest?.bytes ?? 0)) biggest = { bytes, route };
      const key = routeKey(route);
      let tally = tallies.get(key);
      if (!tally) {
        tally = { last: index, bytes: 0, blankNodes: false, route };
        tallies.set(key, tally);
      }
      tally.last = index++;
      tally.bytes += bytes;
      if (q.subject.termType === "BlankNode" || q.object.termType === "BlankNode")
        tally.blankNodes = true;
    }),
  );
  return { tallies, quads: index, biggest };
}

/** The routes' tallies gathered by the graph of the store each goes to. */
function graphsOf(tallies: Map<string, Tally>, router: GraphRouter): Map<string, SurveyedGraph> {
  const graphs = new Map<string, SurveyedGraph>();
  for (const tally of tallies.values()) {
    const name = ownString(router.target(tally.route));
    const seen = graphs.get(name);
    graphs.set(name, {
      last: Math.max(seen?.last ?? -1, tally.last),
      bytes: (seen?.bytes ?? 0) + tally.bytes,
      blankNodes: (seen?.blankNodes ?? false) || tally.blankNodes,
      agreement: (seen?.agreement ?? false) || router.isAgreement(tally.route),
    });
  }
  return graphs;
}

/** By name, the agreement graphs last (they name the claims of the others). */
function sortGraphs(graphs: Map<string, SurveyedGraph>): Map<string, SurveyedGraph> {
  const last = (g: SurveyedGraph) => (g.agreement ? 1 : 0);
  return new Map(
    [...graphs].sort((a, b) => last(a[1]) - last(b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
}

function tooBig(graph: string, bytes: number, options: { maxBytes: number; url: string }) {
  return new StoreError(
    `graph <${graph}> holds a triple of ${bytes} bytes, more than the ${options.maxBytes} bytes a request may carry`,
    { url: options.url, graph, hint: "raise the request size limit (--max-bytes)" },
  );
}

function splitBlankNodes(
  graph: string,
  g: SurveyedGraph,
  options: { maxBytes: number; url: string },
): StoreError {
  return new StoreError(
    `graph <${graph}> holds blank nodes and ${g.bytes} bytes of triples (a repeated triple counted each time), more than one request of ${options.maxBytes} bytes carries: a blank node split across requests would become several`,
    {
      url: options.url,
      graph,
      hint: "raise --max-bytes so the graph goes in one request, or name the nodes with IRIs",
    },
  );
}
