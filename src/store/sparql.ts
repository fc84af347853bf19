/**
 * `remoteQuery`: claimgraph's `query` against a remote SPARQL endpoint instead of the
 * embedded store, with the same predeclared prefixes and the same output (table, standard
 * JSON results, CSV; N-Triples for CONSTRUCT and DESCRIBE). The default graph is whatever
 * the store makes it; Virtuoso's is the union of all its graphs, its own system graphs
 * included, so count over claimgraph's classes rather than over every triple.
 */
import type { Quad } from "@rdfjs/types";
import { Writer } from "n3";
import type { QueryAnswer, QueryFormat } from "../sparql/answer.ts";
import { checkSparql } from "../sparql/form.ts";
import { compactor, predeclaredPrefixes } from "../sparql/prefixes.ts";
import type { Credentials } from "./http.ts";
import { resultsCsv, resultsJson, resultsTable } from "./results.ts";
import { type RemoteOptions, SparqlClient } from "./sparql-client.ts";

export interface RemoteQueryOptions extends RemoteOptions {
  /** Run a SPARQL update too (`--update`); without it an update is refused before it is sent. */
  readonly update?: boolean | undefined;
  /** A table's cells cut at this many columns; undefined: whole cells. */
  readonly maxCell?: number | undefined;
}

/**
 * Runs `sparql` at `endpoint`. The text is read with a SPARQL parser first: one that does not
 * parse, or an update without `options.update`, never reaches the store.
 */
export async function remoteQuery(
  endpoint: string,
  sparql: string,
  format: QueryFormat,
  auth?: Credentials,
  options: RemoteQueryOptions = {},
): Promise<QueryAnswer> {
  const prefixMap = predeclaredPrefixes();
  const read = checkSparql(sparql, prefixMap, "remote", options.update === true);
  // One line, so the store's line numbers in errors are the query's own plus one.
  const prologue = Object.entries(prefixMap)
    .map(([p, ns]) => `PREFIX ${p}: <${ns}>`)
    .join(" ");
  const client = new SparqlClient(endpoint, auth, options);
  const full = `${prologue}\n${sparql}`;
  if (read.kind === "update") {
    const status = await client.update(full);
    return {
      kind: "update",
      text: `the store ran the update (${read.operations.join(", ")}): HTTP ${status}`,
    };
  }
  if (read.form === "construct" || read.form === "describe") {
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
  return {
    kind: "select",
    text: resultsTable(results.vars, results.rows, compactor(prefixMap), {
      maxCell: options.maxCell,
    }),
  };
}

function ntriples(quads: readonly Quad[]): string {
  const writer = new Writer({ format: "N-Triples" });
  return quads
    .map((q) => writer.quadToString(q.subject, q.predicate, q.object).trimEnd())
    .join("\n");
}
