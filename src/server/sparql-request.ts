/**
 * The query a SPARQL 1.1 Protocol request carries (https://www.w3.org/TR/sparql11-protocol/
 * §2.1): `GET /sparql?query=…`, `POST` with `application/x-www-form-urlencoded` (`query=…`),
 * or `POST` with `application/sparql-query` (the body is the query). A body is read up to
 * MAX_QUERY_BYTES (413 beyond, the rest dropped). The dataset is fixed — the union of the
 * knowledge base's graphs, as `claimgraph query` reads it — so `default-graph-uri` and
 * `named-graph-uri` are refused with 400 rather than ignored, and so is an `update`.
 */
import type { IncomingMessage } from "node:http";

/** The largest POST body read, in bytes. */
export const MAX_QUERY_BYTES = 256 * 1024;

/** A request that carries no query the endpoint runs: its status and what to tell. */
export interface Refusal {
  readonly status: number;
  readonly message: string;
  /** Headers the refusal needs (Allow). */
  readonly headers?: Readonly<Record<string, string>>;
}

export type ProtocolRequest = { readonly query: string } | Refusal;

const FORM = "application/x-www-form-urlencoded";
const SPARQL_QUERY = "application/sparql-query";

/** The query of `req`, whose URL's query string is `search`. */
export async function readProtocolRequest(
  req: IncomingMessage,
  search: string,
): Promise<ProtocolRequest> {
  const inUrl = new URLSearchParams(search);
  if (req.method === "GET") return queryOf(inUrl);
  if (req.method !== "POST")
    return {
      status: 405,
      message: "the SPARQL endpoint takes GET and POST\n",
      headers: { Allow: "GET, POST, OPTIONS" },
    };
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== FORM && type !== SPARQL_QUERY)
    return {
      status: 415,
      message: `a POST to the SPARQL endpoint is ${FORM} (query=…) or ${SPARQL_QUERY}, not "${type}"\n`,
    };
  const body = await readBody(req);
  if (typeof body !== "string") return body;
  if (type === SPARQL_QUERY) {
    const refused = datasetRefusal(inUrl) ?? (inUrl.has("query") ? twice("query") : undefined);
    return refused ?? { query: body };
  }
  for (const name of inUrl.keys())
    if (name === "query" || name === "update")
      return { status: 400, message: `with ${FORM}, "${name}" goes in the body, not the URL\n` };
  return queryOf(new URLSearchParams(body));
}

function queryOf(params: URLSearchParams): ProtocolRequest {
  if (params.has("update"))
    return {
      status: 400,
      message: "this endpoint answers queries only: the knowledge base cannot be updated here\n",
    };
  const refused = datasetRefusal(params);
  if (refused) return refused;
  const queries = params.getAll("query");
  if (queries.length === 0)
    return {
      status: 400,
      message:
        "no query: send ?query=… (GET), a form with query=… or an application/sparql-query body (POST)\n",
    };
  if (queries.length > 1) return twice("query");
  return { query: queries[0] as string };
}

function datasetRefusal(params: URLSearchParams): Refusal | undefined {
  for (const name of ["default-graph-uri", "named-graph-uri"])
    if (params.has(name))
      return {
        status: 400,
        message: `${name} is not supported: the dataset is the union of the knowledge base's graphs; name a graph in the query with GRAPH <…> { … } instead\n`,
      };
  return undefined;
}

function twice(name: string): Refusal {
  return { status: 400, message: `"${name}" is given more than once\n` };
}

/** The body as UTF-8 text, or a 413 once it passes MAX_QUERY_BYTES (nothing more is read). */
function readBody(req: IncomingMessage): Promise<string | Refusal> {
  const tooLarge: Refusal = {
    status: 413,
    message: `the request body is larger than ${MAX_QUERY_BYTES} bytes\n`,
  };
  if (Number(req.headers["content-length"] ?? 0) > MAX_QUERY_BYTES) {
    req.resume();
    return Promise.resolve(tooLarge);
  }
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_QUERY_BYTES) chunks.push(chunk);
      else {
        // The rest is read and dropped (the server's requestTimeout bounds it), so the client,
        // still sending, gets the 413 rather than a reset connection.
        req.off("data", onData);
        req.resume();
        done(tooLarge);
      }
    };
    req.on("data", onData);
    req.once("end", () => done(Buffer.concat(chunks).toString("utf8")));
    req.once("error", fail);
  });
}
