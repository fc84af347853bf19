/**
 * `/sparql`: a SPARQL 1.1 Protocol endpoint over the knowledge base the viewer shows, through
 * the embedded store as `claimgraph query` runs it — the same prefixes predeclared, the
 * default graph the union of all graphs — so the same text gets the same answer. The text is
 * read with the SPARQL parser first (sparql/form.ts): one that does not parse is refused with
 * 400 and its line:column in the text as sent, an update with 400 (the grammar decides, not
 * its first word). Answers are negotiated by `Accept` (sparql-negotiation.ts) and run in a
 * worker thread with a time limit and a row limit (sparql-worker.ts): a query over either is
 * refused whole, never cut short. CORS only for the origins `serve --cors` names.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { UsageError } from "../base/errors.ts";
import { formatOf, readKnowledgeBaseSources } from "../graph/load.ts";
import { storeTexts } from "../graph/store-texts.ts";
import { MEDIA } from "../query/sparql.ts";
import { type QueryForm, readSparql } from "../sparql/form.ts";
import { predeclaredPrefixes } from "../sparql/prefixes.ts";
import { corsHeaders, originAllowed, preflightHeaders } from "./cors.ts";
import { send, TEXT } from "./headers.ts";
import { type AnswerKind, negotiate, offered } from "./sparql-negotiation.ts";
import { type Refusal, readProtocolRequest } from "./sparql-request.ts";
import {
  EndpointBusy,
  type JobResult,
  QueryTimeout,
  SparqlWorker,
  type StoreSource,
} from "./sparql-worker.ts";

export const SPARQL_PATH = "/sparql";
/** A query's time limit by default, in milliseconds. */
export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;
/** A query's row limit by default (solutions, or triples of a graph). */
export const DEFAULT_QUERY_LIMIT = 10_000;
/** Queries waiting for the running one, at most (503 beyond). */
export const MAX_WAITING_QUERIES = 8;
/** The heap of the store's worker, in MiB. */
export const WORKER_HEAP_MB = 1024;

export interface EndpointSettings {
  readonly timeoutMs: number;
  readonly limit: number;
  /** Origins allowed to query from other sites (`*` only when given as such). */
  readonly cors: readonly string[];
}

export const DEFAULT_ENDPOINT: EndpointSettings = {
  timeoutMs: DEFAULT_QUERY_TIMEOUT_MS,
  limit: DEFAULT_QUERY_LIMIT,
  cors: [],
};

const KINDS: Readonly<Record<QueryForm, AnswerKind>> = {
  select: "solutions",
  ask: "boolean",
  construct: "graph",
  describe: "graph",
};

export class SparqlEndpoint {
  private readonly worker: SparqlWorker;
  private readonly prefixes = predeclaredPrefixes();
  private readonly declared: string;
  /** Why the endpoint does not answer, when the store could not be given the files. */
  private readonly unavailable: Refusal | undefined;

  constructor(
    files: readonly string[],
    private readonly settings: EndpointSettings = DEFAULT_ENDPOINT,
  ) {
    // Read now: the endpoint answers over the files the viewer was opened from. A Turtle or
    // TriG file too long for one string cannot be loaded into the store: the viewer still
    // serves its graph, and /sparql says why it does not answer.
    let sources: StoreSource[] = [];
    try {
      sources = storeSources(files);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      this.unavailable = { status: 501, message: `${error.message}\nhint: ${error.hint}\n` };
    }
    this.worker = new SparqlWorker(() => sources, {
      timeoutMs: settings.timeoutMs,
      maxWaiting: MAX_WAITING_QUERIES,
      heapMb: WORKER_HEAP_MB,
    });
    this.declared = Object.entries(this.prefixes)
      .map(([p, ns]) => `PREFIX ${p}: <${ns}>`)
      .join("\n");
  }

  close(): void {
    this.worker.close();
  }

  /** Answers a request for /sparql whose URL's query string is `search`. */
  async answer(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const origin = header(req.headers.origin);
    res.setHeader("Vary", "Accept, Origin");
    for (const [name, value] of Object.entries(corsHeaders(this.settings.cors, origin)))
      res.setHeader(name, value);
    if (req.method === "OPTIONS")
      return this.preflight(res, origin, req.headers["access-control-request-private-network"]);
    if (this.unavailable) return refuse(res, this.unavailable);
    const request = await readProtocolRequest(req, search);
    if (!("query" in request)) return refuse(res, request);
    const kind = this.kindOf(request.query);
    if (typeof kind !== "string") return refuse(res, kind);
    const offer = negotiate(header(req.headers.accept), kind);
    if (!offer)
      return refuse(res, {
        status: 406,
        message: `none of the media types in Accept can hold this answer; offered: ${offered(kind)}\n`,
      });
    const result = await this.run(`${this.declared}\n${request.query}`, kind, offer.format);
    if ("text" in result) {
      send(res, 200, `${offer.mediaType}; charset=utf-8`, result.text, false);
      return;
    }
    refuse(res, result);
  }

  /** A preflight: allowed for the origins of `--cors`, else 403 (or 405 when CORS is off). */
  private preflight(
    res: ServerResponse,
    origin: string | undefined,
    privateNetwork: string | string[] | undefined,
  ): void {
    if (this.settings.cors.length === 0) {
      refuse(res, {
        status: 405,
        message: "cross-origin requests are off: start serve with --cors ORIGIN\n",
        headers: { Allow: "GET, POST" },
      });
      return;
    }
    if (origin === undefined || !originAllowed(this.settings.cors, origin)) {
      refuse(res, { status: 403, message: "this origin may not query the endpoint\n" });
      return;
    }
    res.writeHead(204, preflightHeaders(this.settings.cors, origin, privateNetwork === "true"));
    res.end();
  }

  /** What the text asks for, read by the SPARQL grammar; a refusal when it is not a query. */
  private kindOf(text: string): AnswerKind | Refusal {
    let read: ReturnType<typeof readSparql>;
    try {
      read = readSparql(text, this.prefixes);
    } catch (error) {
      // A SparqlSyntaxError says where, as line:column of the text as sent.
      if (!(error instanceof UsageError)) throw error;
      return { status: 400, message: `${error.message}\nhint: ${error.hint}\n` };
    }
    if (read.kind === "query") return KINDS[read.form];
    return {
      status: 400,
      message:
        read.operations.length === 0
          ? "the text holds no query (only blanks, comments or PREFIX and BASE lines)\n"
          : `the text is a SPARQL update (${read.operations.join(", ")}), not a query: this endpoint only reads the knowledge base\n`,
    };
  }

  /** The query run in the worker; a refusal for its limits and for what the store refused. */
  private async run(
    query: string,
    kind: AnswerKind,
    format: string,
  ): Promise<{ text: string } | Refusal> {
    const { limit, timeoutMs } = this.settings;
    let result: JobResult;
    try {
      result = await this.worker.run({ query, kind, format, limit });
    } catch (error) {
      return failure(error, timeoutMs);
    }
    if ("over" in result)
      return {
        status: 400,
        message: `the answer has ${result.over} ${kind === "graph" ? "triples" : "rows"}, more than this endpoint's limit of ${limit}: add LIMIT ${limit} (and OFFSET to page) to the query, or start serve with a larger --query-limit\n`,
      };
    if ("refused" in result)
      return { status: 400, message: `the store refused the query: ${result.refused}\n` };
    return result;
  }
}

/** The refusal for a query that timed out, found the endpoint busy, or lost its worker. */
function failure(error: unknown, timeoutMs: number): Refusal {
  if (error instanceof QueryTimeout)
    return {
      status: 503,
      message: `the query ran longer than ${timeoutMs} ms and was stopped: narrow it (LIMIT, more specific patterns), or start serve with a larger --query-timeout\n`,
    };
  if (error instanceof EndpointBusy)
    return {
      status: 503,
      message: "too many queries are waiting; try again shortly\n",
      headers: { "Retry-After": "5" },
    };
  return { status: 500, message: `the query failed: ${(error as Error).message}\n` };
}

function refuse(res: ServerResponse, refusal: Refusal): void {
  for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
  // A body left unread (413) must not be read as the next request.
  if (refusal.status === 413) res.setHeader("Connection", "close");
  send(res, refusal.status, TEXT, refusal.message, false);
}

/** The knowledge-base files' texts, each with the media type oxigraph reads it as. */
function storeSources(files: readonly string[]): StoreSource[] {
  const texts = readKnowledgeBaseSources(files);
  return files.flatMap((file, i) => {
    const format = MEDIA[formatOf(file) as string] as string;
    return storeTexts(file, texts[i] ?? "").map((text) => ({ text, format }));
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}
