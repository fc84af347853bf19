/**
 * Reading the documents on a pool of worker threads (`build --jobs N`): each worker reads one
 * document at a time (extract-worker.ts), two queued at most, and the readings are put back in
 * document order, so what is built from them is byte for byte what one thread builds. A
 * worker that throws or dies stops the pool and fails the build (`WorkerFailure`), before
 * anything is written.
 *
 * Like the SPARQL endpoint's worker (server/sparql-worker.ts), a worker starts from a small
 * script run with `eval`, which imports the worker's entry: dist/extract-worker.js in the CLI
 * bundle, or extract-worker.ts from the sources (tests, tsx), loaded through tsx.
 */
import { existsSync } from "node:fs";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { WorkerFailure } from "../base/errors.ts";
import type { CurationRows } from "../curation/claims.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";
import type { DocumentReading, SourceFile } from "./document-reading.ts";
import type { ReadJob, ReadReply, Thrown, WorkerSetup } from "./extract-protocol.ts";
import { deserializedReading } from "./reading-piece.ts";

export interface PoolInput {
  readonly sources: readonly SourceFile[];
  readonly lexicon: Lexicon;
  readonly curation: CurationRows;
}

/** Documents queued at a worker at once: it starts the next while its last reading crosses. */
const QUEUED = 2;

const BOOT = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.boot.tsx) (await import(workerData.boot.tsx)).register();
  await import(workerData.boot.entry);
})();
`;

/** Where a worker's code is, and the loader it needs for TypeScript. */
interface Boot {
  readonly entry: string;
  readonly tsx: string | undefined;
}

/** Every document's reading, in the order of `input.sources`, read by `jobs` workers. */
export async function readInWorkers(input: PoolInput, jobs: number): Promise<DocumentReading[]> {
  return (await readPiecesInWorkers(input, jobs)).readings;
}

/** Each document's reading and its serialized bytes (reading-piece.ts), as `readInWorkers`. */
export function readPiecesInWorkers(input: PoolInput, jobs: number): Promise<PoolReadings> {
  if (input.sources.length === 0) return Promise.resolve({ readings: [], pieces: [] });
  const setup: WorkerSetup = { lexicon: input.lexicon.parts, curation: input.curation };
  return new ReadingPool(input.sources, { boot: workerBoot(), setup }).run(jobs);
}

export interface PoolReadings {
  readonly readings: DocumentReading[];
  readonly pieces: Uint8Array[];
}

/** The worker's entry beside this module: the bundle's (here or one folder up) or the source. */
export function workerBoot(here: string = import.meta.url): Boot {
  if (here.endsWith(".ts")) {
    return { entry: new URL("./extract-worker.ts", here).href, tsx: tsxLoader() };
  }
  // In a bundle this code sits in the entry file or in chunks/ below it, the worker beside the entry.
  const name = `extract-worker${extname(fileURLToPath(here))}`;
  const found = [`./${name}`, `../${name}`]
    .map((p) => new URL(p, here))
    .find((url) => existsSync(fileURLToPath(url)));
  if (!found) {
    throw new WorkerFailure(
      undefined,
      `its script ${name} is not beside ${fileURLToPath(here)}`,
      "rebuild the command line (npm run build:cli), or build with --jobs 1",
    );
  }
  return { entry: found.href, tsx: undefined };
}

function tsxLoader(): string {
  return import.meta.resolve("tsx/esm/api");
}

/** One run of the pool: its workers, the documents each holds, the readings received. */
class ReadingPool {
  private readonly readings: (DocumentReading | undefined)[];
  private readonly pieces: Uint8Array[];
  /** Each worker's documents, sent and not yet answered, in the order sent. */
  private readonly workers = new Map<Worker, number[]>();
  /** The workers that made their lexicon: a failure before that is no document's. */
  private readonly ready = new Set<Worker>();
  private next = 0;
  private received = 0;
  private settled = false;
  private done: (readings: PoolReadings) => void = () => {};
  private failed: (error: unknown) => void = () => {};

  constructor(
    private readonly sources: readonly SourceFile[],
    private readonly start: { readonly boot: Boot; readonly setup: WorkerSetup },
  ) {
    this.readings = new Array(sources.length);
    this.pieces = new Array(sources.length);
  }

  run(jobs: number): Promise<PoolReadings> {
    const promise = new Promise<PoolReadings>((done, failed) => {
      this.done = done;
      this.failed = failed;
    });
    const size = Math.max(1, Math.min(jobs, this.sources.length));
    for (let i = 0; i < size && !this.settled; i++) this.startWorker();
    return promise;
  }

  private startWorker(): void {
    const worker = new Worker(BOOT, { eval: true, workerData: this.start });
    this.workers.set(worker, []);
    worker.on("message", (reply: ReadReply) => this.onReply(worker, reply));
    worker.on("error", (error) => this.crashed(worker, error.message, error));
    worker.on("exit", (code) => this.crashed(worker, `it stopped (exit code ${code})`));
    for (let i = 0; i < QUEUED; i++) this.feed(worker);
  }

  /** Sends `worker` the next document, if any is left. */
  private feed(worker: Worker): void {
    if (this.next >= this.sources.length) return;
    const index = this.next++;
    this.workers.get(worker)?.push(index);
    worker.postMessage({ index, source: this.sources[index] as SourceFile } satisfies ReadJob);
  }

  private onReply(worker: Worker, reply: ReadReply): void {
    if (this.settled) return;
    if ("ready" in reply) {
      this.ready.add(worker);
      return;
    }
    this.workers.get(worker)?.shift();
    if ("thrown" in reply) {
      void this.fail(threw(this.fileOf(reply.index), reply.thrown));
      return;
    }
    this.pieces[reply.index] = reply.piece;
    this.readings[reply.index] = deserializedReading(reply.piece);
    this.received++;
    if (this.received === this.sources.length) void this.finish();
    else this.feed(worker);
  }

  /** A worker's error or exit before the pool was through: the build fails. */
  private crashed(worker: Worker, problem: string, cause?: unknown): void {
    if (this.settled) return;
    const index = this.ready.has(worker) ? this.workers.get(worker)?.[0] : undefined;
    const hint =
      "a worker out of memory stops so: build with fewer --jobs; otherwise build with --jobs 1, and please report it";
    void this.fail(new WorkerFailure(this.fileOf(index), problem, hint, cause));
  }

  private fileOf(index: number | undefined): string | undefined {
    return index === undefined ? undefined : this.sources[index]?.file;
  }

  private async finish(): Promise<void> {
    this.settled = true;
    await this.stopAll();
    this.done({ readings: this.readings as DocumentReading[], pieces: this.pieces });
  }

  private async fail(error: unknown): Promise<void> {
    this.settled = true;
    await this.stopAll();
    this.failed(error);
  }

  private async stopAll(): Promise<void> {
    await Promise.all([...this.workers.keys()].map((w) => w.terminate()));
  }
}

/** What a worker threw on a document: a bug, its stack kept as the cause. */
function threw(file: string | undefined, thrown: Thrown): WorkerFailure {
  const cause = Object.assign(new Error(thrown.message), thrown);
  return new WorkerFailure(
    file,
    `${thrown.name}: ${thrown.message}`,
    "this is a bug in claimgraph: build with --jobs 1 to see where, and please report it",
    cause,
  );
}
