// A fake SPARQL endpoint (a small node:http server) that keeps every request it gets — method,
// path, Authorization header, the form's `query` or `update` — and answers what `answer` says:
// by default an empty result in the format asked for (SPARQL JSON, or N-Triples for
// CONSTRUCT). Tests check what reached the store, and that nothing did.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly accept: string;
  /** The raw body's size in bytes. */
  readonly bytes: number;
  readonly query: string | null;
  readonly update: string | null;
}

export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface FakeSparql {
  /** http://127.0.0.1:PORT/sparql */
  readonly endpoint: string;
  readonly port: number;
  readonly requests: FakeRequest[];
  close(): Promise<void>;
}

const open: FakeSparql[] = [];

/** An answer with no rows (SELECT), false (ASK) or no triples (CONSTRUCT, by the Accept header). */
export function emptyAnswer(request: FakeRequest): FakeAnswer {
  if (request.accept.includes("n-triples"))
    return { status: 200, headers: { "content-type": "application/n-triples" }, body: "" };
  return {
    status: 200,
    headers: { "content-type": "application/sparql-results+json" },
    body: JSON.stringify({ head: { vars: ["x"] }, results: { bindings: [] } }),
  };
}

export async function fakeSparql(
  answer: (request: FakeRequest, n: number) => FakeAnswer = emptyAnswer,
): Promise<FakeSparql> {
  const requests: FakeRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const form = new URLSearchParams(body);
      const request: FakeRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        authorization: req.headers.authorization,
        accept: String(req.headers.accept ?? ""),
        bytes: Buffer.byteLength(body),
        query: form.get("query"),
        update: form.get("update"),
      };
      requests.push(request);
      const a = answer(request, requests.length - 1);
      res.writeHead(a.status, { "content-type": "text/plain", ...a.headers });
      res.end(a.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeSparql = {
    endpoint: `http://127.0.0.1:${port}/sparql`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(fake);
  return fake;
}

/** Closes every fake endpoint opened; call it from `afterEach`. */
export async function closeFakeSparql(): Promise<void> {
  for (const f of open.splice(0)) await f.close();
}
