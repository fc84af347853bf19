/**
 * The viewer's server: the viewer's built files, the knowledge base (as Turtle and as
 * read-only JSON answers), nothing else. It listens on 127.0.0.1 unless told
 * otherwise, answers GET and HEAD only, confines static paths to the viewer's folder
 * (encoded, double-encoded, backslash and absolute forms are refused), limits header
 * and URL sizes, and sends a Content-Security-Policy that allows no inline script.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { formatDiagnostic, InputError } from "../errors.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { project, type ViewModel } from "../view/projection.ts";
import { edgeClaims, neighbourhood, nodeDetails, pathBetween, search } from "./api.ts";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Longest URL accepted, in characters. */
export const MAX_URL_LENGTH = 4096;
/** Largest request header section accepted, in bytes (Node's own limit, set per server). */
export const MAX_HEADER_BYTES = 16 * 1024;

export interface ServeOptions {
  readonly kg: KnowledgeGraph;
  /** The built viewer (index.html and assets). */
  readonly viewerDir: string;
  /** Turtle text to offer for download, or a function that makes it on demand. */
  readonly turtle: () => string | Promise<string>;
  readonly host?: string;
  readonly port?: number;
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
  const viewJson = JSON.stringify(view);
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(req, res, { ...options, root, viewJson, view }).catch((error: unknown) => {
      // A knowledge-base file that no longer reads (edited since the server started) is the
      // download's problem, not the server's: say where it breaks.
      const broken = error instanceof InputError;
      send(
        res,
        broken ? 409 : 500,
        "text/plain; charset=utf-8",
        broken
          ? `the knowledge base files no longer read:\n${error.diagnostics.map((d) => formatDiagnostic(d)).join("\n")}\n`
          : `internal error: ${(error as Error).message}\n`,
        req.method === "HEAD",
      );
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => done());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}/`,
    view,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

interface Context extends ServeOptions {
  readonly root: string;
  readonly viewJson: string;
  readonly view: ViewModel;
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const head = req.method === "HEAD";
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    send(res, 405, "text/plain; charset=utf-8", "only GET and HEAD are allowed\n", false);
    return;
  }
  const raw = req.url ?? "/";
  if (raw.length > MAX_URL_LENGTH) {
    send(res, 414, "text/plain; charset=utf-8", "URL too long\n", head);
    return;
  }
  // The path is taken as sent: a URL parser would read "//host/…" as a host name.
  const queryAt = raw.indexOf("?");
  const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? "" : raw.slice(queryAt + 1));
  const q = (name: string) => params.get(name) ?? "";
  const json = (status: number, value: unknown) =>
    send(res, status, "application/json; charset=utf-8", JSON.stringify(value), head);
  switch (pathname) {
    case "/api/view":
      send(res, 200, "application/json; charset=utf-8", ctx.viewJson, head);
      return;
    case "/api/node": {
      const details = nodeDetails(ctx.kg, q("id"));
      json(details === undefined ? 404 : 200, details ?? { error: "no such node" });
      return;
    }
    case "/api/edge":
      json(200, { claims: edgeClaims(ctx.kg, q("source"), q("target")) });
      return;
    case "/api/search":
      json(200, { hits: search(ctx.kg, q("q").slice(0, 200)) });
      return;
    case "/api/path":
      json(200, pathBetween(ctx.kg, q("from"), q("to")));
      return;
    case "/api/neighbourhood": {
      const found = neighbourhood(ctx.kg, ctx.view, q("id"));
      json(found ? 200 : 404, found ?? { error: "no such node" });
      return;
    }
    case "/kb/kb.ttl":
      res.setHeader("Content-Disposition", 'attachment; filename="kb.ttl"');
      send(res, 200, "text/turtle; charset=utf-8", await ctx.turtle(), head);
      return;
  }
  const file = staticPath(ctx.root, raw);
  if (!file) {
    send(res, 404, "text/plain; charset=utf-8", "not found\n", head);
    return;
  }
  const type = TYPES[extname(file)] ?? "application/octet-stream";
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": type,
    "Content-Length": statSync(file).size,
    "Cache-Control": "no-cache",
  });
  if (head) {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/**
 * The file under `root` a request path names, or undefined. The path is decoded once;
 * anything still encoded, any `..` or `.` segment, backslash, NUL or empty segment is
 * refused rather than normalised, so no spelling reaches outside the folder.
 */
export function staticPath(root: string, rawUrl: string): string | undefined {
  const pathPart = rawUrl.split(/[?#]/, 1)[0] ?? "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith("/") || /[\\\0%]/.test(decoded)) return undefined;
  const relative = decoded === "/" ? "index.html" : decoded.slice(1);
  const segments = relative.split("/");
  if (segments.some((s) => s === "" || s === "." || s === ".." || s.startsWith(".")))
    return undefined;
  const file = resolve(root, ...segments);
  if (!file.startsWith(root + sep)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  head: boolean,
): void {
  const bytes = Buffer.from(body, "utf8");
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": type,
    "Content-Length": bytes.length,
    "Cache-Control": "no-store",
  });
  res.end(head ? undefined : bytes);
}
