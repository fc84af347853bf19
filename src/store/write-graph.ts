/**
 * Writing one graph of a push: a PUT of its first body (replacing the graph) and POSTs of the
 * rest, one after another; after a failure that may pass, the whole graph again from its PUT.
 */
import { StoreUnavailableError } from "./errors.ts";
import type { GraphGroup } from "./graphs.ts";
import type { HttpClient } from "./http.ts";

export interface GraphReport {
  readonly graph: string;
  /** Distinct triples written. */
  readonly triples: number;
  /** Bytes of the request bodies of the successful attempt. */
  readonly bytes: number;
  readonly requests: number;
  /** 1, or more when the graph had to be written again. */
  readonly attempts: number;
  readonly ms: number;
}

export type PushEvent =
  | {
      readonly kind: "request";
      readonly graph: string;
      readonly method: "PUT" | "POST";
      /** 1-based index of the request within the graph, and how many the graph needs. */
      readonly index: number;
      readonly of: number;
      readonly bytes: number;
    }
  | {
      readonly kind: "retry";
      readonly graph: string;
      /** The attempt about to start (2 for the first rewrite). */
      readonly attempt: number;
      readonly reason: string;
    }
  | { readonly kind: "graph"; readonly report: GraphReport };

/** Writes one graph, again from its replacing PUT after a failure that may pass. */
export async function writeWithRetries(
  http: HttpClient,
  url: string,
  group: GraphGroup,
  bodies: readonly string[],
  options: {
    readonly graphStore: string;
    readonly retries: number;
    readonly backoffMs: number;
    readonly onProgress: ((event: PushEvent) => void) | undefined;
  },
): Promise<GraphReport> {
  const t0 = performance.now();
  let attempt = 1;
  for (;;) {
    try {
      await writeGraph(http, url, group.graph, bodies, options.onProgress);
      break;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      if (attempt > options.retries) {
        throw new StoreUnavailableError(
          `could not write graph <${group.graph}> to ${options.graphStore}: ${error.reason} (${attempt} attempts, each writing the graph from its first request)`,
          {
            url: options.graphStore,
            graph: group.graph,
            reason: error.reason,
            hint: error.hint,
          },
        );
      }
      attempt += 1;
      options.onProgress?.({ kind: "retry", graph: group.graph, attempt, reason: error.reason });
      await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** (attempt - 2)));
    }
  }
  const report: GraphReport = {
    graph: group.graph,
    triples: group.lines.length,
    bytes: bodies.reduce((n, b) => n + Buffer.byteLength(b), 0),
    requests: bodies.length,
    attempts: attempt,
    ms: Math.round(performance.now() - t0),
  };
  options.onProgress?.({ kind: "graph", report });
  return report;
}

/** One attempt at a graph: a PUT of the first body (replacing the graph), POSTs of the rest. */
async function writeGraph(
  http: HttpClient,
  url: string,
  graph: string,
  bodies: readonly string[],
  onProgress: ((event: PushEvent) => void) | undefined,
): Promise<void> {
  for (const [i, body] of bodies.entries()) {
    const method = i === 0 ? "PUT" : "POST";
    const bytes = Buffer.byteLength(body);
    onProgress?.({ kind: "request", graph, method, index: i + 1, of: bodies.length, bytes });
    await http.send({
      method,
      url,
      headers: { "content-type": "text/turtle; charset=utf-8" },
      body,
      what: `${method} of graph <${graph}> (request ${i + 1} of ${bodies.length})`,
      graph,
    });
  }
}
