/**
 * `remoteQuery`: claimgraph's `query` against a remote SPARQL endpoint instead of the
 * embedded store, with the same predeclared prefixes and the same output (table, standard
 * JSON results, CSV; N-Triples for CONSTRUCT and DESCRIBE). The default graph is whatever
 * the store makes it; Virtuoso's is the union of all its graphs, its own system graphs
 * included, so count over claimgraph's classes rather than over every triple.
 */
import type { Quad } from "@rdfjs/types";
import { Writer } from "n3";
import { UsageError } from "../errors.ts";
import type { QueryAnswer, QueryFormat } from "../query/sparql.ts";
import { DEFAULT_BASE_IRI, kbPrefixes, PREFIXES } from "../rdf/namespaces.ts";
import type { Credentials } from "./http.ts";
import { resultsCsv, resultsJson, resultsTable } from "./results.ts";
import { type RemoteOptions, SparqlClient } from "./sparql-client.ts";

export type QueryForm = "select" | "ask" | "construct" | "describe";

/** The prefixes declared before every query: claimgraph's vocabulary and knowledge base. */
export function predeclaredPrefixes(): Record<string, string> {
  return { ...PREFIXES, ...kbPrefixes(DEFAULT_BASE_IRI) };
}

export async function remoteQuery(
  endpoint: string,
  sparql: string,
  format: QueryFormat,
  auth?: Credentials,
  options: RemoteOptions = {},
): Promise<QueryAnswer> {
  const prefixMap = predeclaredPrefixes();
  const form = queryForm(sparql);
  if (!form)
    throw new UsageError(
      "the query is not a SELECT, ASK, CONSTRUCT or DESCRIBE query",
      "claimgraph only reads from a store; updates are not sent",
    );
  // One line, so the store's line numbers in errors are the query's own plus one.
  const prologue = Object.entries(prefixMap)
    .map(([p, ns]) => `PREFIX ${p}: <${ns}>`)
    .join(" ");
  const client = new SparqlClient(endpoint, auth, options);
  const full = `${prologue}\n${sparql}`;
  if (form === "construct" || form === "describe") {
    const triples = await client.triples(full);
    return { kind: "graph", text: ntriples(triples) };
  }
  const results = await client.results(full);
  if (results.kind === "ask")
    return {
      kind: "ask",
      text: format === "json" ? resultsJson(results) : String(results.boolean),
    };
  if (format === "json") return { kind: "select", text: resultsJson(results) };
  if (format === "csv") return { kind: "select", text: resultsCsv(results) };
  const namespaces = Object.entries(prefixMap).sort((a, b) => b[1].length - a[1].length);
  const compact = (iri: string) => {
    const hit = namespaces.find(([, ns]) => iri.startsWith(ns) && iri.length > ns.length);
    return hit ? `${hit[0]}:${iri.slice(hit[1].length)}` : iri;
  };
  return { kind: "select", text: resultsTable(results.vars, results.rows, compact) };
}

/** The query's form, read past comments, BASE and PREFIX declarations; undefined for updates. */
export function queryForm(sparql: string): QueryForm | undefined {
  let rest = stripComments(sparql);
  const prologue = /^\s*(?:BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)/i;
  for (let m = prologue.exec(rest); m; m = prologue.exec(rest)) rest = rest.slice(m[0].length);
  const word = /^\s*([A-Za-z]+)/.exec(rest)?.[1]?.toLowerCase();
  return word === "select" || word === "ask" || word === "construct" || word === "describe"
    ? word
    : undefined;
}

/** Removes `#` comments, leaving `#` inside IRIs and strings alone. */
function stripComments(text: string): string {
  let out = "";
  let inIri = false;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      out += c;
      if (c === "\\") out += text[++i] ?? "";
      else if (c === quote) quote = "";
    } else if (inIri) {
      out += c;
      if (c === ">") inIri = false;
    } else if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      out += "\n";
    } else {
      if (c === '"' || c === "'") quote = c;
      else if (c === "<" && /^<[^\s<>"{}|^`\\]*>/.test(text.slice(i))) inIri = true;
      out += c;
    }
  }
  return out;
}

function ntriples(quads: readonly Quad[]): string {
  const writer = new Writer({ format: "N-Triples" });
  return quads
    .map((q) => writer.quadToString(q.subject, q.predicate, q.object).trimEnd())
    .join("\n");
}
