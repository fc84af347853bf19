/**
 * The viewer's server: the viewer's built files, the knowledge base (its files for download,
 * read-only JSON answers and a read-only SPARQL endpoint at /sparql), nothing else. It listens
 * on 127.0.0.1 unless told otherwise, answers only requests whose Host names it (421
 * otherwise), GET and HEAD only (and POST and OPTIONS for /sparql), confines
 * static paths to the viewer's folder, streams the download from a private file made once
 * per version of the knowledge base, limits header and URL sizes, and sends a
 * Content-Security-Policy that allows no inline script.
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import type { Duplex } from "node:stream";
import { formatDiagnostic, InputError } from "../base/errors.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { project, type ViewModel } from "../projection/projection.ts";
import { groupPage } from "../trace/group-page.ts";
import { conflictOf, edgeClaims, neighbourhood, nodeDetails, pathBetween, search } from "./api.ts";
import { claimsCsv, sendClaimsCsv } from "./claims-csv.ts";
import { claimQuery, claimRowsOf, claimsAnswer, matrixAnswer } from "./claims-query.ts";
import { onClientError } from "./client-error.ts";
import { documentText } from "./document-answer.ts";
import type { KbDownload } from "./download.ts";
import type { Serialise } from "./download-cache.ts";
import { send, TEXT } from "./headers.ts";
import { allowedHostNames, hostAllowed } from "./host-check.ts";
import { kbDownloads } from "./kb-formats.ts";
import {
  DEFAULT_ENDPOINT,
  type EndpointSettings,
  SPARQL_PATH,
  SparqlEndpoint,
} from "./sparql-endpoint.ts";
import { sendStatic, staticPath } from "./static-files.ts";

export { CONTENT_SECURITY_POLICY } from "./headers.ts";
export { staticPath } from "./static-files.ts";

/** Longest URL accepted, in characters. */
export const MAX_URL_LENGTH = 4096;
/** Largest request header section accepted, in bytes (Node's own limit, set per server). */
export const MAX_HEADER_BYTES = 16 * 1024;

export interface ServeOptions {
  readonly kg: KnowledgeGraph;
  /** The built viewer (index.html and assets). */
  readonly viewerDir: string;
  /** The knowledge-base files offered for download, as one Turtle file. */
  readonly kbFiles: readonly string[];
  /** Makes that Turtle file (once per version of the files); by default `serialiseFiles`. */
  readonly serialise?: Serialise;
  readonly host?: string;
  readonly port?: number;
  /** Host names answered besides the address listened on (and loopback names for loopback). */
  readonly allowHosts?: readonly string[];
  /** Downloads at once (503 beyond); by default MAX_DOWNLOADS. */
  readonly maxDownloads?: number;
  /** A download that sends nothing for this long is dropped; by default DOWNLOAD_IDLE_MS. */
  readonly downloadIdleMs?: number;
  /** The SPARQL endpoint's limits and CORS origins; by default DEFAULT_ENDPOINT. */
  readonly sparql?: EndpointSettings;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly view: ViewModel;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const root = resolve(options.viewerDir);
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(
      `the viewer is not built: ${join(root, "index.html")} is missing (run npm run build:viewer)`,
    );
  }
  const view = project(options.kg);
  const downloads = kbDownloads(options.kbFiles, options);
  const sparql = new SparqlEndpoint(options.kbFiles, options.sparql ?? DEFAULT_ENDPOINT);
  const ctx: Context = {
    kg: options.kg,
    root,
    view,
    viewJson: JSON.stringify(view),
    downloads: downloads.byPath,
    sparql,
    hosts: new Set(),
    port: 0,
  };
  const answering = new WeakSet<Duplex>();
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    answering.add(req.socket);
    res.once("close", () => answering.delete(req.socket));
    handle(req, res, ctx).catch((error: unknown) => failed(req, res, error));
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) =>
    onClientError(error, socket, (s) => answering.has(s)),
  );
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  const address = await listen(server, options.port ?? 0, options.host ?? "127.0.0.1");
  ctx.port = address.port;
  ctx.hosts = allowedHostNames(address.address, options.host, options.allowHosts ?? []);
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}/`,
    view,
    close: () =>
      new Promise<void>((done) => {
        for (const cache of downloads.caches) cache.close();
        sparql.close();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => done(server.address() as AddressInfo));
  });
}

interface Context {
  readonly kg: KnowledgeGraph;
  readonly root: string;
  readonly view: ViewModel;
  readonly viewJson: string;
  readonly downloads: ReadonlyMap<string, KbDownload>;
  readonly sparql: SparqlEndpoint;
  hosts: ReadonlySet<string>;
  port: number;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const head = req.method === "HEAD";
  if (!hostAllowed(req.headers.host, ctx.hosts, ctx.port)) {
    const hint = "use the address claimgraph serve printed, or start it with --allow-host NAME";
    send(res, 421, TEXT, `this server does not answer for that host name: ${hint}\n`, head);
    return;
  }
  const raw = req.url ?? "/";
  const queryAt = raw.indexOf("?");
  // The path is taken as sent: a URL parser would read "//host/…" as a host name.
  const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
  if (pathname === SPARQL_PATH && raw.length <= MAX_URL_LENGTH)
    return ctx.sparql.answer(req, res, queryAt === -1 ? "" : raw.slice(queryAt + 1));
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    send(res, 405, TEXT, "only GET and HEAD are allowed\n", false);
    return;
  }
  if (raw.length > MAX_URL_LENGTH) {
    send(res, 414, TEXT, "URL too long\n", head);
    return;
  }
  const download = ctx.downloads.get(pathname);
  if (download) return download.answer(req, res, head);
  const params = new URLSearchParams(queryAt === -1 ? "" : raw.slice(queryAt + 1));
  const q = (name: string) => params.get(name) ?? "";
  if (pathname === "/api/claims.csv") {
    return sendClaimsCsv(res, claimsCsv(claimRowsOf(ctx.kg), claimQuery(q)), head);
  }
  const answer = apiAnswer(ctx, pathname, q);
  if (answer) {
    const body = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
    send(res, answer.status, "application/json; charset=utf-8", body, head);
    return;
  }
  const file = staticPath(ctx.root, raw);
  if (file) sendStatic(res, file, head);
  else send(res, 404, TEXT, "not found\n", head);
}

/** The JSON answer of an API path (a body that is a string is sent as it is), or undefined. */
function apiAnswer(
  ctx: Context,
  pathname: string,
  q: (name: string) => string,
): { status: number; body: unknown } | undefined {
  switch (pathname) {
    case "/api/view":
      return { status: 200, body: ctx.viewJson };
    case "/api/node":
      return found(nodeDetails(ctx.kg, q("id")), "node");
    case "/api/edge":
      return { status: 200, body: { claims: edgeClaims(ctx.kg, q("source"), q("target")) } };
    case "/api/search":
      return { status: 200, body: { hits: search(ctx.kg, q("q").slice(0, 200)) } };
    case "/api/path":
      return { status: 200, body: pathBetween(ctx.kg, q("from"), q("to")) };
    case "/api/group":
      return found(
        groupPage(ctx.kg, q("id"), q("role"), q("predicate"), Number(q("offset")) || 0),
        "group",
      );
    case "/api/neighbourhood":
      return found(neighbourhood(ctx.kg, ctx.view, q("id")), "node");
    case "/api/claims":
      return { status: 200, body: claimsAnswer(ctx.kg, claimQuery(q)) };
    case "/api/matrix":
      return { status: 200, body: matrixAnswer(ctx.kg) };
    case "/api/conflict":
      return found(conflictOf(ctx.kg, q("id")), "conflict");
    case "/api/document": {
      const id = q("id");
      return found(documentText(ctx.kg, id === "" ? ctx.view.documents[0]?.id : id), "document");
    }
  }
  return undefined;
}

/** 200 with `body`, or 404 saying there is no such `what`. */
function found(body: unknown, what: string): { status: number; body: unknown } {
  return body === undefined || body === null
    ? { status: 404, body: { error: `no such ${what}` } }
    : { status: 200, body };
}

/** An answer that failed: 409 when the knowledge-base files no longer read, else 500. */
function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // A knowledge-base file that no longer reads (edited since the server started) is the
  // download's problem, not the server's: say where it breaks.
  const broken = error instanceof InputError;
  const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
  send(
    res,
    broken || missing ? 409 : 500,
    TEXT,
    broken
      ? `the knowledge base files no longer read:\n${error.diagnostics.map((d) => formatDiagnostic(d)).join("\n")}\n`
      : missing
        ? `the knowledge base files no longer read: ${(error as Error).message}\n`
        : `internal error: ${(error as Error).message}\n`,
    req.method === "HEAD",
  );
}
