/**
 * The second of a push's readings of the knowledge base: each graph of the store is cut into
 * request bodies as its quads go by, and handed to a sink (the requests, or a count). A graph
 * is forgotten once its last quad, known from the first reading (`graph-survey.ts`), has gone
 * by: what is held is the graphs open at that point of the file, not the knowledge base. The
 * agreement graph, which names the claims of the others, is handed over only once every other
 * graph has ended (held until then when a file puts it earlier).
 */

import type { Quad } from "@rdfjs/types";
import { UsageError } from "../base/errors.ts";
import { ownString } from "../base/own-string.ts";
import type { Route } from "./graph-routes.ts";
import {
  BODY_HEADER,
  type GraphSurvey,
  type QuadPass,
  type SurveyedGraph,
  TripleLines,
} from "./graph-survey.ts";

/** Where the graphs go, body after body. */
export interface GraphSink {
  /**
   * Distinct N-Triples lines of `graph`, of at most maxBytes with the body's header; the
   * first body of a graph replaces it in the store, the next ones add to it.
   */
  body(graph: string, lines: readonly string[], first: boolean): void;
  /** The graph is complete: `triples` distinct triples went in its bodies. */
  end(graph: string, triples: number): void;
}

interface OpenGraph {
  /** The lines already given, so that each goes once. */
  readonly seen: Set<string>;
  lines: string[];
  size: number;
  bodies: number;
  /** Blank nodes: the graph goes in one body (the survey checked that it fits). */
  readonly whole: boolean;
  /** Held until the other graphs have ended. */
  readonly agreement: boolean;
}

/** Reads the data again and hands every graph to `sink`, yielding between the pass's steps. */
export function* streamGraphs(
  pass: QuadPass,
  survey: GraphSurvey,
  sink: GraphSink,
  maxBytes: number,
): Generator<void, void, undefined> {
  const cutter = new GraphCutter(survey, sink, maxBytes);
  yield* pass((q, given) => cutter.take(q, given));
  cutter.finish();
}

/** The second reading's state: the graphs open, and the agreement's bodies held back. */
class GraphCutter {
  private readonly lines = new TripleLines();
  private readonly header = Buffer.byteLength(BODY_HEADER);
  private readonly open = new Map<string, OpenGraph>();
  /** The index of the last quad of any graph but the agreement graphs. */
  private readonly othersEnd: number;
  private readonly held: Array<() => void> = [];
  private index = 0;
  private route: Route | undefined;
  private name = "";

  constructor(
    private readonly survey: GraphSurvey,
    private readonly sink: GraphSink,
    private readonly maxBytes: number,
  ) {
    let end = -1;
    for (const g of survey.graphs.values()) if (!g.agreement) end = Math.max(end, g.last);
    this.othersEnd = end;
  }

  take(q: Quad, given: string | undefined): void {
    const route = this.survey.router.route(q);
    if (route !== this.route) {
      this.route = route;
      this.name = this.survey.router.target(route);
    }
    const name = this.name;
    const extent = this.survey.graphs.get(name);
    if (!extent) throw changedBetweenReadings(`graph <${name}> was not in it on the first reading`);
    // Past its end, the graph would be replaced by a PUT of what comes now.
    if (this.index > extent.last)
      throw changedBetweenReadings(`graph <${name}> runs on past where it ended before`);
    const g = this.graph(name, extent);
    const line = this.lines.of(q, given);
    if (!g.seen.has(line)) {
      // A line cut from the file's text is copied: kept, it would keep the text alive.
      const kept = given === undefined ? line : ownString(line);
      g.seen.add(kept);
      const bytes = Buffer.byteLength(kept);
      this.check(name, g, q, bytes);
      if (!g.whole && g.size + bytes > this.maxBytes && g.lines.length > 0) this.cut(name, g);
      g.lines.push(kept);
      g.size += bytes;
    }
    if (this.index === extent.last) {
      if (g.lines.length > 0) this.cut(name, g);
      this.emit(g, () => this.sink.end(name, g.seen.size));
      this.open.delete(name);
    }
    if (this.index === this.othersEnd) for (const event of this.held.splice(0)) event();
    this.index += 1;
  }

  /** Throws when the second reading did not meet what the first did. */
  finish(): void {
    if (this.index !== this.survey.quads || this.open.size > 0)
      throw changedBetweenReadings(
        `${this.survey.quads} quads on the first reading, ${this.index} on the second`,
      );
  }

  /**
   * What the first reading checked holds for this quad too: a graph cut into several bodies
   * has no blank node, and no body grows over the limit.
   */
  private check(name: string, g: OpenGraph, q: Quad, bytes: number): void {
    const blank = q.subject.termType === "BlankNode" || q.object.termType === "BlankNode";
    if (blank && !g.whole)
      throw changedBetweenReadings(`graph <${name}> holds a blank node it did not hold before`);
    if ((g.whole ? g.size : this.header) + bytes > this.maxBytes)
      throw changedBetweenReadings(`graph <${name}> holds more than one request carries`);
  }

  private graph(name: string, extent: SurveyedGraph): OpenGraph {
    let g = this.open.get(name);
    if (!g) {
      g = {
        seen: new Set(),
        lines: [],
        size: this.header,
        bodies: 0,
        whole: extent.blankNodes,
        agreement: extent.agreement,
      };
      this.open.set(name, g);
    }
    return g;
  }

  private cut(name: string, g: OpenGraph): void {
    const body = g.lines;
    const first = g.bodies === 0;
    g.bodies += 1;
    g.lines = [];
    g.size = this.header;
    this.emit(g, () => this.sink.body(name, body, first));
  }

  /** Hands an event over, or holds it when it is the agreement's and other graphs are to come. */
  private emit(g: OpenGraph, event: () => void): void {
    if (g.agreement && this.index <= this.othersEnd) this.held.push(event);
    else event();
  }
}

/** The data read the second time is not what was read the first time. */
function changedBetweenReadings(detail: string): Error {
  return new UsageError(
    `the knowledge base changed while it was being pushed: ${detail}`,
    "push again once nothing writes the files (a build, say); `claimgraph pushed` shows what the store holds now",
  );
}
