/**
 * Sending the graphs to a Graph Store as the second reading hands their bodies over
 * (`graph-stream.ts`): a graph's first body is a PUT (replacing the graph), the next ones
 * POSTs (adding to it), one after another; `parallel` graphs are written at once, the earliest
 * first. A request that fails in a way that may pass is sent again as it was (the HTTP
 * client's retries): a PUT again replaces, and a POST again adds triples the graph, a set,
 * already holds — a graph with blank nodes, which a second POST would duplicate, always goes
 * in one PUT. Bodies waiting to be sent are bounded (`room`), so the reading waits for the
 * store rather than holding the knowledge base.
 */
import type { GraphSink } from "./graph-stream.ts";
import { BODY_HEADER } from "./graph-survey.ts";
import type { HttpClient } from "./http.ts";

export interface GraphReport {
  readonly graph: string;
  /** Distinct triples written. */
  readonly triples: number;
  /** Bytes of the request bodies. */
  readonly bytes: number;
  readonly requests: number;
  /** 1, or the most attempts one of its requests took. */
  readonly attempts: number;
  /** From the graph's first request to its last answer. */
  readonly ms: number;
}

export type PushEvent =
  /** The first reading is done: what the push will write. */
  | { readonly kind: "plan"; readonly graphs: number; readonly quads: number }
  | {
      readonly kind: "request";
      readonly graph: string;
      readonly method: "PUT" | "POST";
      /** 1-based index of the request within the graph. */
      readonly index: number;
      readonly bytes: number;
    }
  | {
      readonly kind: "retry";
      readonly graph: string;
      /** The attempt about to start (2 for the first retry). */
      readonly attempt: number;
      readonly reason: string;
    }
  | { readonly kind: "graph"; readonly report: GraphReport };

export interface RequestSettings {
  /** The address of one graph in the store. */
  readonly urlOf: (graph: string) => string;
  readonly parallel: number;
  /** The most bytes of bodies waiting to be sent before the reading waits. */
  readonly queuedBytes: number;
  readonly onProgress?: ((event: PushEvent) => void) | undefined;
}

interface Request {
  readonly method: "PUT" | "POST";
  readonly body: string;
  readonly bytes: number;
}

interface PendingGraph {
  readonly graph: string;
  readonly requests: Request[];
  sent: number;
  bytes: number;
  attempts: number;
  busy: boolean;
  /** Set by `end`: then the graph is done once its requests are. */
  triples: number | undefined;
  started: number | undefined;
}

export class GraphRequests implements GraphSink {
  /** Graphs with requests to send or not yet ended, in the order they came. */
  private readonly pending: PendingGraph[] = [];
  private readonly reports = new Map<string, GraphReport>();
  private queued = 0;
  private closed = false;
  private failure: { readonly error: unknown } | undefined;
  private waiters: Array<() => void> = [];
  private workers: Promise<void>[] = [];

  constructor(
    private readonly http: HttpClient,
    private readonly settings: RequestSettings,
  ) {}

  /** Starts the senders. */
  start(): void {
    this.workers = Array.from({ length: Math.max(1, this.settings.parallel) }, () => this.work());
  }

  body(graph: string, lines: readonly string[], first: boolean): void {
    const body = BODY_HEADER + lines.join("");
    const bytes = Buffer.byteLength(body);
    let g = this.pending.find((p) => p.graph === graph);
    if (!g) {
      g = {
        graph,
        requests: [],
        sent: 0,
        bytes: 0,
        attempts: 1,
        busy: false,
        triples: undefined,
        started: undefined,
      };
      this.pending.push(g);
    }
    g.requests.push({ method: first ? "PUT" : "POST", body, bytes });
    this.queued += bytes;
    this.notify();
  }

  end(graph: string, triples: number): void {
    const g = this.pending.find((p) => p.graph === graph);
    if (!g) return;
    g.triples = triples;
    this.settle(g);
    this.notify();
  }

  /** Waits while more than `queuedBytes` wait to be sent; throws the first failure. */
  async room(): Promise<void> {
    while (!this.failure && this.queued > this.settings.queuedBytes) await this.changed();
    if (this.failure) throw this.failure.error;
  }

  /** Stops taking requests after `error` (the reading failed), once those under way end. */
  async abort(error: unknown): Promise<void> {
    this.failure ??= { error };
    this.notify();
    await Promise.allSettled(this.workers);
  }

  /** Waits for every request; the reports in `order`, or the first failure thrown. */
  async finish(order: Iterable<string>): Promise<GraphReport[]> {
    this.closed = true;
    this.notify();
    await Promise.allSettled(this.workers);
    if (this.failure) throw this.failure.error;
    return [...order].flatMap((graph) => {
      const report = this.reports.get(graph);
      return report ? [report] : [];
    });
  }

  /** One sender: takes the next request of the earliest graph no other sender is writing. */
  private async work(): Promise<void> {
    for (;;) {
      if (this.failure) return;
      const g = this.pending.find((p) => !p.busy && p.sent < p.requests.length);
      if (!g) {
        if (this.closed) return;
        await this.changed();
        continue;
      }
      g.busy = true;
      try {
        await this.send(g);
        g.busy = false;
        this.settle(g);
      } catch (error) {
        // The request's failure, or the progress callback's.
        this.failure ??= { error };
      } finally {
        g.busy = false;
        this.notify();
      }
    }
  }

  private async send(g: PendingGraph): Promise<void> {
    const index = g.sent + 1;
    const request = g.requests[g.sent] as Request;
    g.started ??= performance.now();
    const { method, bytes } = request;
    const onProgress = this.settings.onProgress;
    onProgress?.({ kind: "request", graph: g.graph, method, index, bytes });
    await this.http.send({
      method,
      url: this.settings.urlOf(g.graph),
      headers: { "content-type": "text/turtle; charset=utf-8" },
      body: request.body,
      what: `${method} of graph <${g.graph}> (request ${index})`,
      graph: g.graph,
      onRetry: (attempt, reason) => {
        g.attempts = Math.max(g.attempts, attempt);
        onProgress?.({ kind: "retry", graph: g.graph, attempt, reason });
      },
    });
    // The body is let go once sent; the request's place keeps the count.
    g.requests[g.sent] = { method, body: "", bytes };
    g.sent += 1;
    g.bytes += bytes;
    this.queued -= bytes;
  }

  /** A graph whose every request is answered, and that has ended, is reported and let go. */
  private settle(g: PendingGraph): void {
    if (g.busy || g.triples === undefined || g.sent < g.requests.length) return;
    const at = this.pending.indexOf(g);
    if (at === -1) return;
    this.pending.splice(at, 1);
    const report: GraphReport = {
      graph: g.graph,
      triples: g.triples,
      bytes: g.bytes,
      requests: g.sent,
      attempts: g.attempts,
      ms: Math.round(performance.now() - (g.started ?? performance.now())),
    };
    this.reports.set(g.graph, report);
    this.settings.onProgress?.({ kind: "graph", report });
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
