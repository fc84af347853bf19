/**
 * The SPARQL endpoint's store, in a worker thread. oxigraph answers a query synchronously in
 * WebAssembly, so a query run on the server's own thread would stop every other request until
 * it ended; in a worker it stops nothing, and a query that outruns its time limit is ended by
 * terminating the worker (the only way to stop running WebAssembly). The next query starts a
 * new worker, which loads the knowledge base again. One query runs at a time; up to
 * `maxWaiting` wait their turn, in order, and more are refused (EndpointBusy).
 *
 * The worker's code is the small script below (plain JavaScript, run with `eval`), so it runs
 * the same from the sources, the tests and the CLI bundle: it loads oxigraph from the path the
 * server resolved, loads the knowledge base's texts, and answers one query per message —
 * counting its rows before it writes more than the limit.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { AnswerKind } from "./sparql-negotiation.ts";

/** The texts of the knowledge base and the media type oxigraph reads each one as. */
export interface StoreSource {
  readonly text: string;
  readonly format: string;
}

/** One query for the worker: the text as it runs, and the format of its answer. */
export interface QueryJob {
  readonly query: string;
  readonly kind: AnswerKind;
  readonly format: string;
  readonly limit: number;
}

/** The worker's answer: the written results and their row count, a count over the limit, or what the store refused. */
export type JobResult =
  | { readonly text: string; readonly rows: number }
  | { readonly over: number }
  | { readonly refused: string };

/** The query ran longer than its time limit and was stopped. */
export class QueryTimeout extends Error {
  override name = "QueryTimeout";
}

/** Too many queries wait already. */
export class EndpointBusy extends Error {
  override name = "EndpointBusy";
}

/** The store could not load the knowledge base, or the worker died (out of memory…). */
export class StoreFailure extends Error {
  override name = "StoreFailure";
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const ox = require(workerData.oxigraph);
const store = new ox.Store();
try {
  for (const s of workerData.sources) store.load(s.text, { format: s.format });
  parentPort.postMessage({ ready: true });
} catch (e) {
  parentPort.postMessage({ failed: String((e && e.message) || e) });
}
const union = { use_default_graph_as_union: true };
function rowsOf(text, format) {
  if (format === "json") return JSON.parse(text).results?.bindings?.length ?? 0;
  if (format === "xml") return text.split("<result>").length - 1;
  if (format === "tsv") return text.split("\\n").length - 2;
  let rows = -1, quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === "\\n" && !quoted) rows++;
  }
  return rows;
}
function answer(job) {
  if (job.kind === "graph") {
    const quads = store.query(job.query, union);
    if (quads.length > job.limit) return { over: quads.length };
    const text = new ox.Store(quads).dump({ format: job.format, from_graph_name: ox.defaultGraph() });
    return { text, rows: quads.length };
  }
  const text = store.query(job.query, { ...union, results_format: job.format });
  const rows = job.kind === "boolean" ? 1 : rowsOf(text, job.format);
  return rows > job.limit ? { over: rows } : { text, rows };
}
parentPort.on("message", (job) => {
  try {
    parentPort.postMessage(answer(job));
  } catch (e) {
    parentPort.postMessage({ refused: String((e && e.message) || e) });
  }
});
`;

export interface WorkerSettings {
  readonly timeoutMs: number;
  readonly maxWaiting: number;
  /** The heap a worker may use, in MiB; beyond it the worker dies and the query fails. */
  readonly heapMb: number;
}

export class SparqlWorker {
  private worker: Promise<Worker> | undefined;
  private waiting: Array<() => void> = [];
  private running = false;
  private closed = false;

  constructor(
    private readonly sources: () => readonly StoreSource[],
    private readonly settings: WorkerSettings,
  ) {}

  /** Runs `job` when its turn comes; throws QueryTimeout, EndpointBusy or StoreFailure. */
  async run(job: QueryJob): Promise<JobResult> {
    if (this.running && this.waiting.length >= this.settings.maxWaiting) throw new EndpointBusy();
    await this.turn();
    try {
      return await this.runNow(job);
    } finally {
      this.running = false;
      this.waiting.shift()?.();
    }
  }

  /** Stops the worker; queries still waiting fail. */
  close(): void {
    this.closed = true;
    void this.stop();
  }

  private turn(): Promise<void> {
    if (!this.running) {
      this.running = true;
      return Promise.resolve();
    }
    return new Promise((go) =>
      this.waiting.push(() => {
        this.running = true;
        go();
      }),
    );
  }

  private async runNow(job: QueryJob): Promise<JobResult> {
    if (this.closed) throw new StoreFailure("the server is closing");
    this.worker ??= this.start();
    const worker = await this.worker.catch((error: unknown) => {
      this.worker = undefined;
      throw error;
    });
    return new Promise<JobResult>((done, fail) => {
      const finish = (after: () => void) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("exit", onExit);
        after();
      };
      const onMessage = (result: JobResult) => finish(() => done(result));
      const onExit = () => {
        this.worker = undefined;
        finish(() => fail(new StoreFailure("the query's worker stopped (out of memory?)")));
      };
      const timer = setTimeout(() => {
        finish(() => fail(new QueryTimeout()));
        void this.stop();
      }, this.settings.timeoutMs);
      worker.on("message", onMessage);
      worker.once("exit", onExit);
      worker.postMessage(job);
    });
  }

  /** A new worker with the knowledge base loaded. */
  private start(): Promise<Worker> {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        oxigraph: createRequire(import.meta.url).resolve("oxigraph"),
        sources: this.sources(),
      },
      resourceLimits: { maxOldGenerationSizeMb: this.settings.heapMb },
    });
    worker.unref();
    // A worker's error (out of memory) ends it; its exit fails the query it was running.
    worker.on("error", () => {});
    return new Promise((done, fail) => {
      worker.once("message", (m: { ready?: boolean; failed?: string }) => {
        if (m.ready) done(worker);
        else {
          void worker.terminate();
          fail(new StoreFailure(`the store cannot load the knowledge base: ${m.failed}`));
        }
      });
      worker.once("error", (error) => fail(new StoreFailure(error.message)));
      worker.once("exit", () => fail(new StoreFailure("the store's worker stopped while loading")));
    });
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker.catch(() => undefined))?.terminate();
  }
}
