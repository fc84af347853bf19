/**
 * `push`: writes a knowledge base into a triple store with the SPARQL 1.1 Graph Store HTTP
 * Protocol, one named graph per document plus the shared graph (see `graphs.ts`). A graph's
 * first request is a PUT (replace) and the rest POSTs (append), so pushing again replaces
 * and never duplicates; when any request of a graph fails in a way that may pass, the whole
 * graph is written again from its PUT. `listGraphs` and `countTriples` show what a store holds.
 */
import type { Quad } from "@rdfjs/types";
import { UsageError } from "../base/errors.ts";
import { redactUrl } from "./errors.ts";
import { chunkLines, type GraphGroup, groupGraphs } from "./graphs.ts";
import { type Credentials, checkUrl, HttpClient } from "./http.ts";
import { type RemoteOptions, SparqlClient, sparqlIri } from "./sparql-client.ts";
import { type GraphReport, type PushEvent, writeWithRetries } from "./write-graph.ts";

export type { GraphReport, PushEvent } from "./write-graph.ts";

/** Virtuoso's limit in practice: bigger request bodies hang. */
export const DEFAULT_MAX_BYTES = 10_000_000;

export interface PushOptions {
  /** The store's SPARQL endpoint, e.g. http://127.0.0.1:8890/sparql. */
  readonly endpoint: string;
  /** What to write: quads, or graphs already grouped (`readGraphGroups`, `groupGraphs`). */
  readonly quads?: Iterable<Quad> | undefined;
  readonly groups?: readonly GraphGroup[] | undefined;
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
  /** How many times a graph is written again after a failure that may pass (default 3). */
  readonly retries?: number | undefined;
  /**
   * How many graphs are written at once (default 1). Requests of one graph always go one
   * after another. Virtuoso 7 takes Graph Store writes one at a time: 2 or 4 at once were
   * no faster at 1,000 documents; other stores may take them side by side.
   */
  readonly parallel?: number | undefined;
  /** The wait before the first rewrite, doubled for each next one (default 500 ms). */
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
  const http = new HttpClient({
    auth,
    timeoutMs: options.timeoutMs ?? 120_000,
    retries: 0,
    allowInsecureBasic: options.allowInsecureBasic,
  });
  const groups = options.groups ?? groupGraphs(options.quads ?? [], options.baseGraph);
  const plan = planWrites(groups, graphStore, options.maxBytes ?? DEFAULT_MAX_BYTES);
  // The first request of a push learns the store's authentication challenge alone, so that
  // the requests running beside each other afterwards do not all meet it at once.
  if (auth && plan.length > 0) await http.prime(plan[0]?.url as string);
  const settings = {
    graphStore,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 500,
    onProgress: options.onProgress,
  };
  const reports = await inParallel(plan, Math.max(1, options.parallel ?? 1), (write) =>
    writeWithRetries(http, write.url, write.group, write.bodies, settings),
  );
  return pushReport(graphStore, reports, started);
}

interface GraphWrite {
  readonly group: GraphGroup;
  readonly url: string;
  readonly bodies: readonly string[];
}

/** Each graph's address and request bodies. */
function planWrites(
  groups: readonly GraphGroup[],
  graphStore: string,
  maxBytes: number,
): GraphWrite[] {
  // Every body is cut before anything is written, so a triple too big fails the push at once.
  return groups.map((group) => ({
    group,
    url: graphUrl(graphStore, group.graph),
    bodies: chunkLines(group, maxBytes, graphStore),
  }));
}

/**
 * Writes every graph, `parallel` at a time, the reports in the plan's order. The first
 * failure stops the workers from taking more graphs, and is thrown once they are done.
 */
async function inParallel(
  plan: readonly GraphWrite[],
  parallel: number,
  write: (graph: GraphWrite) => Promise<GraphReport>,
): Promise<GraphReport[]> {
  const reports: GraphReport[] = new Array(plan.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < plan.length) {
      const index = next++;
      try {
        reports[index] = await write(plan[index] as GraphWrite);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.min(parallel, plan.length) }, worker),
  );
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (rejected) throw rejected.reason;
  return reports;
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
  groups: readonly GraphGroup[],
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
    const local = group.lines.length;
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
