/**
 * `push`: writes a knowledge base into a triple store with the SPARQL 1.1 Graph Store HTTP
 * Protocol, one named graph per document plus the shared graph (see `graphs.ts`). A graph's
 * first request is a PUT (replace) and the rest POSTs (append), so pushing again replaces
 * and never duplicates. The data is read twice and never held whole: first to check it all
 * and learn where each graph ends (`graph-survey.ts`), before anything is sent; then to send
 * each graph as it goes by (`graph-stream.ts`, `graph-requests.ts`). `listGraphs`,
 * `countTriples` and `pushStatus` show what a store holds.
 */
import type { Quad } from "@rdfjs/types";
import { UsageError } from "../base/errors.ts";
import { redactUrl } from "./errors.ts";
import { type GraphReport, GraphRequests, type PushEvent } from "./graph-requests.ts";
import { streamGraphs } from "./graph-stream.ts";
import { type QuadPass, surveyGraphs } from "./graph-survey.ts";
import { quadsPass } from "./graphs.ts";
import { type Credentials, checkUrl, HttpClient } from "./http.ts";
import { filesPass } from "./source.ts";
import { type RemoteOptions, SparqlClient, sparqlIri } from "./sparql-client.ts";

export type { GraphReport, PushEvent } from "./graph-requests.ts";

/** Virtuoso's limit in practice: bigger request bodies hang. */
export const DEFAULT_MAX_BYTES = 10_000_000;

export interface PushOptions {
  /** The store's SPARQL endpoint, e.g. http://127.0.0.1:8890/sparql. */
  readonly endpoint: string;
  /** What to write: knowledge-base files (read twice, never whole), or quads in memory. */
  readonly files?: readonly string[] | undefined;
  readonly quads?: readonly Quad[] | undefined;
  /**
   * The Graph Store endpoint. Default: Virtuoso's next to the SPARQL endpoint,
   * `/sparql-graph-crud-auth` with credentials, `/sparql-graph-crud` without.
   */
  readonly graphStore?: string | undefined;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  /** The prefix of the graph names written (default: the data's own `<base>graph/`). */
  readonly baseGraph?: string | undefined;
  /** The largest request body, in bytes (default 10 MB). */
  readonly maxBytes?: number | undefined;
  /** Milliseconds a request may take (default 120 s). */
  readonly timeoutMs?: number | undefined;
  /** How many times a request is sent again after a failure that may pass (default 3). */
  readonly retries?: number | undefined;
  /**
   * How many graphs are written at once (default 1). Requests of one graph always go one
   * after another. Virtuoso 7 takes Graph Store writes one at a time: 2 or 4 at once were
   * no faster at 1,000 documents; other stores may take them side by side.
   */
  readonly parallel?: number | undefined;
  /** The wait before the first retry, doubled for each next one (default 500 ms). */
  readonly backoffMs?: number | undefined;
  /** Answer a Basic challenge over plain http, sending the password in clear (default no). */
  readonly allowInsecureBasic?: boolean | undefined;
  readonly onProgress?: ((event: PushEvent) => void) | undefined;
}

export interface PushReport {
  readonly graphStore: string;
  readonly graphs: readonly GraphReport[];
  readonly triples: number;
  readonly bytes: number;
  readonly requests: number;
  readonly ms: number;
}

export async function push(options: PushOptions): Promise<PushReport> {
  const started = performance.now();
  const auth = credentials(options.user, options.password);
  // Both addresses are checked before anything is read or sent: no user information in them.
  checkUrl(options.endpoint, "--endpoint");
  if (options.graphStore !== undefined) checkUrl(options.graphStore, "--graph-store");
  const graphStore = options.graphStore ?? defaultGraphStore(options.endpoint, auth !== undefined);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const pass: QuadPass = options.files ? filesPass(options.files) : quadsPass(options.quads ?? []);
  // Everything is read and checked before the first request.
  const survey = surveyGraphs(pass, { baseGraph: options.baseGraph, maxBytes, url: graphStore });
  options.onProgress?.({ kind: "plan", graphs: survey.graphs.size, quads: survey.quads });
  const http = new HttpClient({
    auth,
    timeoutMs: options.timeoutMs ?? 120_000,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 500,
    allowInsecureBasic: options.allowInsecureBasic,
  });
  const parallel = Math.max(1, options.parallel ?? 1);
  const requests = new GraphRequests(http, {
    urlOf: (graph) => graphUrl(graphStore, graph),
    parallel,
    queuedBytes: (parallel + 1) * maxBytes,
    onProgress: options.onProgress,
  });
  // The first request of a push learns the store's authentication challenge alone, so that
  // the requests running beside each other afterwards do not all meet it at once.
  const first = survey.graphs.keys().next();
  if (auth && first.done !== true) await http.prime(graphUrl(graphStore, first.value));
  requests.start();
  try {
    for (const _step of streamGraphs(pass, survey, requests, maxBytes)) await requests.room();
  } catch (error) {
    await requests.abort(error);
    throw error;
  }
  const reports = await requests.finish(survey.graphs.keys());
  return pushReport(graphStore, reports, started);
}

function pushReport(graphStore: string, reports: GraphReport[], started: number): PushReport {
  return {
    graphStore: redactUrl(graphStore),
    graphs: reports,
    triples: reports.reduce((n, r) => n + r.triples, 0),
    bytes: reports.reduce((n, r) => n + r.bytes, 0),
    requests: reports.reduce((n, r) => n + r.requests, 0),
    ms: Math.round(performance.now() - started),
  };
}

/** Virtuoso's Graph Store endpoint next to its SPARQL endpoint. */
export function defaultGraphStore(endpoint: string, authenticated: boolean): string {
  let origin: string;
  try {
    origin = new URL(endpoint).origin;
  } catch {
    throw new UsageError(
      `"${redactUrl(endpoint)}" is not an address`,
      "give the store's SPARQL endpoint, e.g. http://127.0.0.1:8890/sparql",
    );
  }
  return `${origin}/${authenticated ? "sparql-graph-crud-auth" : "sparql-graph-crud"}`;
}

/** The Graph Store address of one graph: `?graph=` (the standard's; Virtuoso takes it too). */
export function graphUrl(graphStore: string, graph: string): string {
  let url: URL;
  try {
    url = new URL(graphStore);
  } catch {
    throw new UsageError(
      `"${redactUrl(graphStore)}" is not an address`,
      "give the store's Graph Store endpoint, e.g. http://127.0.0.1:8890/sparql-graph-crud-auth",
    );
  }
  url.searchParams.set("graph", graph);
  return url.toString();
}

function credentials(user?: string, password?: string): Credentials | undefined {
  return user === undefined || user === "" ? undefined : { user, password: password ?? "" };
}

export interface StoreReadOptions extends RemoteOptions {
  readonly auth?: Credentials | undefined;
}

/** The named graphs a store holds, sorted; only those starting with `prefix` when given. */
export async function listGraphs(
  endpoint: string,
  options: StoreReadOptions & { readonly prefix?: string | undefined } = {},
): Promise<string[]> {
  const client = new SparqlClient(endpoint, options.auth, options);
  const rows = await client.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");
  return rows
    .map((r) => r.get("g"))
    .filter((g) => g?.termType === "NamedNode")
    .map((g) => (g as { value: string }).value)
    .filter((g) => options.prefix === undefined || g.startsWith(options.prefix))
    .sort();
}

/** The triples in `graph`, or in every named graph of the store when none is given. */
export async function countTriples(
  endpoint: string,
  graph?: string,
  options: StoreReadOptions = {},
): Promise<number> {
  const client = new SparqlClient(endpoint, options.auth, options);
  const pattern =
    graph === undefined ? "GRAPH ?g { ?s ?p ?o }" : `GRAPH ${sparqlIri(graph)} { ?s ?p ?o }`;
  const rows = await client.select(`SELECT (COUNT(*) AS ?n) WHERE { ${pattern} }`);
  return Number(rows[0]?.get("n")?.value ?? 0);
}

/** How a graph of the knowledge base stands in a store, by its number of triples. */
export type GraphState = "complete" | "partial" | "differs" | "missing";

export interface PushStatus {
  readonly endpoint: string;
  /** True when every graph is complete. */
  readonly complete: boolean;
  /** The graphs a push of this knowledge base writes, sorted. */
  readonly graphs: ReadonlyArray<{
    readonly graph: string;
    readonly state: GraphState;
    /** Distinct triples here, and in the store's graph of that name. */
    readonly local: number;
    readonly stored: number;
  }>;
  /** The store's other graphs under the same prefix (say, a document since removed here). */
  readonly extra: ReadonlyArray<{ readonly graph: string; readonly stored: number }>;
}

/**
 * What a store holds of the graphs `groups` would write: one query counts the triples of
 * every named graph. A graph is complete when it holds as many triples as here, partial
 * with fewer (a push stopped half-way), differs with more (another version's), missing
 * with none. Counts, not contents, are compared: a store normalises literals, so the same
 * data need not read back in the same form.
 */
export async function pushStatus(
  endpoint: string,
  groups: ReadonlyArray<{ readonly graph: string; readonly triples: number }>,
  options: StoreReadOptions = {},
): Promise<PushStatus> {
  const client = new SparqlClient(endpoint, options.auth, options);
  const rows = await client.select(
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
  );
  const stored = new Map<string, number>();
  for (const row of rows) {
    const g = row.get("g");
    if (g?.termType === "NamedNode") stored.set(g.value, Number(row.get("n")?.value ?? 0));
  }
  const graphs = groups.map((group) => {
    const local = group.triples;
    const n = stored.get(group.graph) ?? 0;
    const state: GraphState =
      n === 0 ? "missing" : n === local ? "complete" : n < local ? "partial" : "differs";
    return { graph: group.graph, state, local, stored: n };
  });
  const mine = new Set(groups.map((g) => g.graph));
  const prefixes = new Set(groups.map((g) => g.graph.slice(0, g.graph.lastIndexOf("/") + 1)));
  const extra = [...stored]
    .filter(([g]) => !mine.has(g) && [...prefixes].some((p) => p.length > 0 && g.startsWith(p)))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([graph, n]) => ({ graph, stored: n }));
  return {
    endpoint: redactUrl(endpoint),
    complete: graphs.every((g) => g.state === "complete"),
    graphs,
    extra,
  };
}
