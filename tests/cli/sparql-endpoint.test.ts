// `claimgraph serve`'s /sparql through a standard SPARQL client (sparql-http-client): the
// compiled CLI serves the fresh build on a free port, the client sends SELECT (GET), ASK
// (POST form) and CONSTRUCT (POST application/sparql-query), and each answer equals what
// `claimgraph query` prints for the same text.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Quad, Term } from "@rdfjs/types";
import { Parser } from "n3";
import ParsingClient from "sparql-http-client/ParsingClient.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/build.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";

const BIN = join(ROOT, "bin", "claimgraph.js");
let scratch: string;
let serve: ChildProcess;
let endpoint: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "cg-sparql-cli-"));
  serve = spawn(process.execPath, [BIN, "serve", "--port", "0", "--kb", FRESH_KB], {
    cwd: ROOT,
    env: { ...process.env, CLAIMGRAPH_CACHE_DIR: join(scratch, "cache") },
  });
  endpoint = await new Promise<string>((done, fail) => {
    let out = "";
    serve.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const url = /SPARQL endpoint: (\S+)/.exec(out)?.[1];
      if (url) done(url);
    });
    serve.once("exit", (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
  });
});
afterAll(async () => {
  if (serve.exitCode === null) {
    const exited = new Promise((done) => serve.once("exit", done));
    serve.kill("SIGTERM");
    await exited;
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** What `claimgraph query --format json` (or csv) prints for `sparql`. */
function query(sparql: string, format = "json"): string {
  const r = spawnSync(
    process.execPath,
    [BIN, "query", "--kb", FRESH_KB, "--format", format, sparql],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CLAIMGRAPH_CACHE_DIR: join(scratch, "cache") },
    },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** A term as SPARQL JSON results write it, from an RDF/JS term. */
function resultTerm(term: Term): Record<string, string> {
  if (term.termType === "NamedNode") return { type: "uri", value: term.value };
  if (term.termType === "BlankNode") return { type: "bnode", value: term.value };
  if (term.termType !== "Literal") throw new Error(`unexpected ${term.termType}`);
  if (term.language) return { type: "literal", value: term.value, "xml:lang": term.language };
  const datatype = term.datatype.value;
  return datatype === "http://www.w3.org/2001/XMLSchema#string"
    ? { type: "literal", value: term.value }
    : { type: "literal", value: term.value, datatype };
}

function tripleKey(q: Quad): string {
  const o = q.object;
  const object =
    o.termType === "Literal" ? `"${o.value}"@${o.language}^^${o.datatype.value}` : `<${o.value}>`;
  return `<${q.subject.value}> <${q.predicate.value}> ${object}`;
}

describe("/sparql through sparql-http-client, against claimgraph query", () => {
  // One connection per request: node-fetch's pooled keep-alive socket may be reused just as the
  // server closes it after its idle timeout (5 s), a race the fresh-clone CI lost under load
  // ("socket hang up") that says nothing about the endpoint.
  const client = () =>
    new ParsingClient({ endpointUrl: endpoint, headers: { Connection: "close" } });

  it("SELECT (GET) gives claimgraph query's rows, in order", async () => {
    const text = `SELECT ?claim ?quote ?type WHERE {
      ?claim a ?type ; cg:quote/oa:hasSelector/oa:exact ?quote .
    } ORDER BY ?claim ?type LIMIT 40`;
    const rows = await client().query.select(text, { operation: "get" });
    const expected = JSON.parse(query(text)) as { results: { bindings: unknown[] } };
    expect(rows.length).toBeGreaterThan(10);
    expect(
      rows.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, t]) => [k, resultTerm(t)])),
      ),
    ).toEqual(expected.results.bindings);
  });

  it("SELECT as text/csv gives claimgraph query --format csv's bytes", async () => {
    const text =
      "SELECT ?claim ?quote WHERE { ?claim cg:quote/oa:hasSelector/oa:exact ?quote } ORDER BY ?claim LIMIT 25";
    const r = await fetch(`${endpoint}?${new URLSearchParams({ query: text })}`, {
      headers: { Accept: "text/csv" },
    });
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const csv = await r.text();
    expect(csv.split("\r\n").length).toBeGreaterThan(20);
    expect(csv).toBe(query(text, "csv"));
  });

  it("answers claimgraph query --endpoint as the local store answers claimgraph query", () => {
    const text = "SELECT ?claim ?type WHERE { ?claim a ?type } ORDER BY ?claim ?type LIMIT 12";
    const run = (where: string[]) =>
      spawnSync(process.execPath, [BIN, "query", ...where, "--format", "table", text], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CLAIMGRAPH_CACHE_DIR: join(scratch, "cache") },
      });
    const remote = run(["--endpoint", endpoint]);
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.stdout).toContain("12 rows");
    expect(remote.stdout).toBe(run(["--kb", FRESH_KB]).stdout);
  });

  it("ASK (POST form) gives claimgraph query's boolean, true and false", async () => {
    for (const text of [
      "ASK { ?c a cg:ProseClaim }",
      'ASK { ?c cg:quote/oa:hasSelector/oa:exact "no document says this" }',
    ]) {
      const answer = await client().query.ask(text, { operation: "postUrlencoded" });
      expect(answer, text).toBe((JSON.parse(query(text)) as { boolean: boolean }).boolean);
    }
  });

  it("CONSTRUCT (POST application/sparql-query) gives claimgraph query's triples", async () => {
    const text = `CONSTRUCT { ?claim rdfs:label ?quote } WHERE {
      ?claim a cg:ProseClaim ; cg:quote/oa:hasSelector/oa:exact ?quote .
    }`;
    const dataset = await client().query.construct(text, { operation: "postDirect" });
    const got = [...dataset].map(tripleKey).sort();
    const expected = new Parser({ format: "N-Triples" }).parse(query(text)).map(tripleKey).sort();
    expect(got.length).toBeGreaterThan(5);
    expect(got).toEqual(expected);
  });
});
