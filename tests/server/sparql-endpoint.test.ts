// /sparql by hand-made requests: the protocol's three ways in, updates refused by the grammar,
// syntax errors located in the text as sent, content negotiation (q-values, 406), the row limit
// in every results format, the time limit (a runaway query stopped while the server answers
// others), CORS off and on, forged Host headers, oversized and mistyped bodies, and the
// server's security headers on every answer.
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/server.ts";
import { MAX_QUERY_BYTES } from "../../src/server/sparql-request.ts";
import { type RawResponse, rawRequest, serveKb } from "../helpers/serve.ts";

const FORM = "application/x-www-form-urlencoded";
const ROWS_LIMIT = 5;
const RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

let server: RunningServer;
/** One with a short time limit, a small row limit and CORS for one origin. */
let strict: RunningServer;

beforeAll(async () => {
  server = await serveKb();
  strict = await serveKb(undefined, {
    sparql: { timeoutMs: 3000, limit: ROWS_LIMIT, cors: ["https://yasgui.example"] },
  });
});
afterAll(async () => {
  await server?.close();
  await strict?.close();
});

function get(query: string, headers: Record<string, string> = {}, on = server) {
  return rawRequest(on.url, `/sparql?query=${encodeURIComponent(query)}`, { headers });
}

function post(body: string, type: string, headers: Record<string, string> = {}, on = server) {
  return rawRequest(on.url, "/sparql", {
    method: "POST",
    headers: { "Content-Type": type, ...headers },
    body,
  });
}

function expectRefused(r: RawResponse, status: number, pattern: RegExp): void {
  expect(r.status, r.body).toBe(status);
  expect(r.body).toMatch(pattern);
  expect(r.headers["content-security-policy"]).toContain("default-src 'none'");
}

describe("the protocol's ways in", () => {
  const ask = "ASK { ?c a cg:ProseClaim }";

  it("answers GET ?query=, a POSTed form and a POSTed application/sparql-query alike", async () => {
    const answers = [
      await get(ask),
      await post(`query=${encodeURIComponent(ask)}`, FORM),
      await post(ask, "application/sparql-query"),
    ];
    for (const r of answers) {
      expect(r.status, r.body).toBe(200);
      expect(r.headers["content-type"]).toBe("application/sparql-results+json; charset=utf-8");
      expect(JSON.parse(r.body)).toEqual({ head: {}, boolean: true });
      expect(r.headers["content-security-policy"]).toContain("default-src 'none'");
      expect(r.headers.vary).toContain("Accept");
    }
  });

  it("refuses what carries no single query, with the reason", async () => {
    expectRefused(await rawRequest(server.url, "/sparql"), 400, /no query/);
    expectRefused(
      await rawRequest(server.url, `/sparql?query=${encodeURIComponent(ask)}&query=x`),
      400,
      /more than once/,
    );
    expectRefused(await post(ask, "text/plain"), 415, /application\/sparql-query/);
    const put = await rawRequest(server.url, "/sparql", { method: "PUT" });
    expectRefused(put, 405, /GET and POST/);
    expect(put.headers.allow).toBe("GET, POST, OPTIONS");
  });

  it("refuses default-graph-uri and named-graph-uri with 400, never ignoring them", async () => {
    for (const name of ["default-graph-uri", "named-graph-uri"]) {
      const path = `/sparql?query=${encodeURIComponent(ask)}&${name}=${encodeURIComponent("https://example.org/g")}`;
      expectRefused(
        await rawRequest(server.url, path),
        400,
        new RegExp(`${name} is not supported`),
      );
      const direct = await rawRequest(server.url, `/sparql?${name}=https%3A%2F%2Fexample.org%2Fg`, {
        method: "POST",
        headers: { "Content-Type": "application/sparql-query" },
        body: ask,
      });
      expectRefused(direct, 400, new RegExp(`${name} is not supported`));
    }
  });
});

describe("what the grammar says", () => {
  it("refuses updates however they are written, and only updates", async () => {
    const updates = [
      "INSERT DATA { <https://e.org/a> <https://e.org/b> <https://e.org/c> }",
      "# a comment\nprefix x: <https://e.org/>\ninsert data { x:a x:b x:c }",
      "DELETE WHERE { ?s ?p ?o }",
      "CLEAR ALL",
      "LOAD <https://e.org/kb.ttl>",
    ];
    for (const text of updates) {
      expectRefused(await get(text), 400, /is a SPARQL update .*not a query/);
      expectRefused(await post(text, "application/sparql-query"), 400, /SPARQL update/);
      expectRefused(await post(`query=${encodeURIComponent(text)}`, FORM), 400, /SPARQL update/);
    }
    expectRefused(
      await post(`update=${encodeURIComponent(updates[0] as string)}`, FORM),
      400,
      /queries only/,
    );
    // The word in a string is no update.
    const r = await get('SELECT * WHERE { ?s ?p "INSERT DATA { }" }');
    expect(r.status, r.body).toBe(200);
  });

  it("locates a syntax error at its line:column in the text as sent", async () => {
    const r = await post("SELECT ?x\nWHERE {\n  ?x ?y\n}", "application/sparql-query");
    expectRefused(r, 400, /does not parse at 4:1: unexpected "}"/);
    expectRefused(await get("SELECT ?x WHERE { ?x nope:p ?y }"), 400, /at 1:22: .*nope/);
  });
});

describe("content negotiation", () => {
  const select = "SELECT ?c WHERE { ?c a cg:ProseClaim } ORDER BY ?c LIMIT 3";

  it("writes SELECT results as the Accept header prefers, by q-value", async () => {
    const cases: Array<[string, string]> = [
      ["*/*", "application/sparql-results+json"],
      ["application/json", "application/json"],
      ["text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"],
      ["text/*;q=0.2, text/tab-separated-values", "text/tab-separated-values"],
      ["text/*", "text/csv"],
    ];
    for (const [accept, type] of cases) {
      const r = await get(select, { Accept: accept });
      expect(r.status, accept).toBe(200);
      expect(r.headers["content-type"], accept).toBe(`${type}; charset=utf-8`);
    }
    const csv = await get(select, { Accept: "text/csv" });
    expect(csv.body.split("\r\n").filter(Boolean)).toHaveLength(4);
  });

  it("writes CONSTRUCT and DESCRIBE as Turtle, N-Triples or JSON-LD", async () => {
    const construct = "CONSTRUCT WHERE { ?c a cg:ProseClaim }";
    const turtle = await get(construct);
    expect(turtle.headers["content-type"]).toBe("text/turtle; charset=utf-8");
    const triples = new Parser({ format: "Turtle" }).parse(turtle.body);
    expect(triples.length).toBeGreaterThan(5);
    const nt = await get(construct, { Accept: "application/n-triples" });
    expect(new Parser({ format: "N-Triples" }).parse(nt.body)).toHaveLength(triples.length);
    const jsonld = await get(construct, { Accept: "application/ld+json" });
    expect(JSON.parse(jsonld.body)).toHaveLength(triples.length);
    const describe = await get("DESCRIBE ent:desipramine", { Accept: "application/n-triples" });
    expect(describe.status, describe.body).toBe(200);
    expect(describe.body).toContain("<https://w3id.org/claimgraph/kb/entity/desipramine>");
  });

  it("answers 406, naming what it offers, when nothing acceptable fits", async () => {
    expectRefused(await get(select, { Accept: "text/html" }), 406, /offered: .*text\/csv/);
    expectRefused(
      await get(select, { Accept: "application/sparql-results+json;q=0, text/html" }),
      406,
      /offered/,
    );
    expectRefused(await get("ASK {}", { Accept: "text/turtle" }), 406, /offered/);
    expectRefused(await get("CONSTRUCT WHERE { ?s ?p ?o }", { Accept: "text/csv" }), 406, /turtle/);
  });
});

describe("the row limit", () => {
  const claims = (limit: number) =>
    `SELECT ?c ?q WHERE { ?c cg:quote/oa:hasSelector/oa:exact ?q } ORDER BY ?c LIMIT ${limit}`;

  it("answers up to the limit and refuses more in every results format", async () => {
    for (const accept of [
      "application/sparql-results+json",
      "application/sparql-results+xml",
      "text/csv",
      "text/tab-separated-values",
    ]) {
      const fits = await get(claims(ROWS_LIMIT), { Accept: accept }, strict);
      expect(fits.status, `${accept}: ${fits.body}`).toBe(200);
      const over = await get(claims(ROWS_LIMIT + 1), { Accept: accept }, strict);
      expectRefused(over, 400, /has 6 rows, more than this endpoint's limit of 5: add LIMIT 5/);
    }
    const json = await get(claims(ROWS_LIMIT), {}, strict);
    expect(JSON.parse(json.body).results.bindings).toHaveLength(ROWS_LIMIT);
  });

  it("counts a graph's triples", async () => {
    const over = await get("CONSTRUCT WHERE { ?c a cg:ProseClaim }", {}, strict);
    expectRefused(over, 400, /triples, more than this endpoint's limit of 5/);
    const fits = await get("CONSTRUCT WHERE { ?c a cg:ProseClaim } LIMIT 5", {}, strict);
    expect(fits.status).toBe(200);
  });
});

describe("a Turtle file too long for one string", () => {
  it("is served by the viewer, and /sparql answers 501 saying to use the N-Quads file", async () => {
    const saved = process.env.CLAIMGRAPH_KB_PIECE_BYTES;
    // Read in pieces of 1000 bytes, the seed's Turtle is as a file over 512 MiB would be.
    process.env.CLAIMGRAPH_KB_PIECE_BYTES = "1000";
    let pieces: RunningServer | undefined;
    try {
      pieces = await serveKb();
      const answer = await get("ASK {}", {}, pieces);
      expectRefused(answer, 501, /too long \(\d+ characters\) for the local SPARQL store/);
      expect(answer.body).toContain("hint: use the N-Quads file");
      const page = await rawRequest(pieces.url, "/");
      expect(page.status).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.CLAIMGRAPH_KB_PIECE_BYTES;
      else process.env.CLAIMGRAPH_KB_PIECE_BYTES = saved;
      await pieces?.close();
    }
  });
});

describe("the time limit", () => {
  it("stops a runaway query with 503 while the server answers other requests", async () => {
    let settled = false;
    const runaway = get(RUNAWAY, {}, strict).finally(() => {
      settled = true;
    });
    const view = await rawRequest(strict.url, "/api/view");
    expect(view.status).toBe(200);
    expect(settled).toBe(false);
    expectRefused(await runaway, 503, /ran longer than 3000 ms and was stopped/);
    // A new store answers the next query.
    const next = await get("ASK { ?c a cg:ProseClaim }", {}, strict);
    expect(JSON.parse(next.body)).toEqual({ head: {}, boolean: true });
  });
});

describe("CORS", () => {
  const ask = "ASK {}";

  it("is off by default: no Access-Control header, and preflights are refused", async () => {
    const r = await get(ask, { Origin: "https://yasgui.example" });
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await rawRequest(server.url, "/sparql", {
      method: "OPTIONS",
      headers: { Origin: "https://yasgui.example", "Access-Control-Request-Method": "POST" },
    });
    expectRefused(preflight, 405, /--cors/);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows exactly the origins given, with a preflight for them", async () => {
    const allowed = await get(ask, { Origin: "https://yasgui.example" }, strict);
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://yasgui.example");
    for (const origin of [
      "https://yasgui.example.attacker.example",
      "http://yasgui.example",
      "https://yasgui.example:8443",
      "null",
    ]) {
      const r = await get(ask, { Origin: origin }, strict);
      expect(r.headers["access-control-allow-origin"], origin).toBeUndefined();
    }
    const preflight = (origin: string) =>
      rawRequest(strict.url, "/sparql", {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
    const ok = await preflight("https://yasgui.example");
    expect(ok.status).toBe(204);
    expect(ok.headers["access-control-allow-origin"]).toBe("https://yasgui.example");
    expect(ok.headers["access-control-allow-methods"]).toBe("GET, POST, OPTIONS");
    expect(ok.headers["access-control-allow-headers"]).toContain("Content-Type");
    expect(ok.headers["access-control-allow-private-network"]).toBeUndefined();
    const pna = await rawRequest(strict.url, "/sparql", {
      method: "OPTIONS",
      headers: {
        Origin: "https://yasgui.example",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Private-Network": "true",
      },
    });
    expect(pna.headers["access-control-allow-private-network"]).toBe("true");
    expectRefused(await preflight("https://attacker.example"), 403, /origin/);
    // Only /sparql answers cross-origin.
    const view = await rawRequest(strict.url, "/api/view", {
      headers: { Origin: "https://yasgui.example" },
    });
    expect(view.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows any origin only when * itself was given", async () => {
    const open = await serveKb(undefined, {
      sparql: { timeoutMs: 10_000, limit: 10_000, cors: ["*"] },
    });
    try {
      const r = await get(ask, { Origin: "https://anywhere.example" }, open);
      expect(r.headers["access-control-allow-origin"]).toBe("*");
    } finally {
      await open.close();
    }
  });
});

describe("the server's guards on /sparql", () => {
  it("answers a forged Host with 421 on every method, and runs nothing", async () => {
    const ask = "ASK { ?c a cg:ProseClaim }";
    for (const host of ["attacker.example", `attacker.example:${new URL(server.url).port}`]) {
      const answers = [
        await get(ask, { Host: host }),
        await post(ask, "application/sparql-query", { Host: host }),
        await rawRequest(server.url, "/sparql", { method: "OPTIONS", headers: { Host: host } }),
      ];
      for (const r of answers) {
        expect(r.status, host).toBe(421);
        expect(r.body).not.toContain("boolean");
      }
    }
  });

  it("refuses a body over MAX_QUERY_BYTES with 413, announced or streamed", async () => {
    const big = `ASK { ?c a cg:ProseClaim } # ${"x".repeat(MAX_QUERY_BYTES)}`;
    const announced = await post(big, "application/sparql-query", {
      "Content-Length": String(Buffer.byteLength(big)),
    });
    expectRefused(announced, 413, new RegExp(`larger than ${MAX_QUERY_BYTES} bytes`));
    // Without Content-Length the body comes chunked, and is refused once it passes the limit.
    const streamed = await post(`query=${encodeURIComponent(big)}`, FORM, {
      "Transfer-Encoding": "chunked",
    });
    expectRefused(streamed, 413, /larger than/);
    // Just under the limit is a query like any other.
    const fits = `ASK { ?c a cg:ProseClaim } # ${"x".repeat(MAX_QUERY_BYTES - 100)}`;
    expect((await post(fits, "application/sparql-query")).status).toBe(200);
  });
});
