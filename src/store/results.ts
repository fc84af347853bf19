/**
 * SPARQL results: reading the JSON results format as stores write it (Virtuoso's
 * "typed-literal", bare numbers and `__ASK_RETVAL` included) into RDF/JS terms, and writing
 * them back out as claimgraph's `query` command does — standard JSON, CSV and the table.
 */
import type { Term } from "@rdfjs/types";
import { DataFactory } from "n3";
import { XSD } from "../rdf/vocab/vocabulary.ts";

const { namedNode, blankNode, literal } = DataFactory;

export type Row = Map<string, Term>;

export type Results =
  | { readonly kind: "select"; readonly vars: readonly string[]; readonly rows: readonly Row[] }
  | { readonly kind: "ask"; readonly boolean: boolean };

interface JsonTerm {
  readonly type?: string;
  readonly value?: unknown;
  readonly datatype?: string;
  readonly "xml:lang"?: string;
}

/** Reads a SPARQL JSON results document; throws on text that is not one. */
export function parseResults(text: string): Results {
  const doc = JSON.parse(text) as {
    head?: { vars?: string[] };
    boolean?: boolean;
    results?: { bindings?: Array<Record<string, JsonTerm>> };
  };
  if (typeof doc.boolean === "boolean") return { kind: "ask", boolean: doc.boolean };
  const vars = doc.head?.vars ?? [];
  const bindings = doc.results?.bindings ?? [];
  // Virtuoso answers ASK in JSON as a one-cell table.
  if (vars.length === 1 && vars[0] === "__ASK_RETVAL") {
    const v = bindings[0]?.__ASK_RETVAL?.value;
    return { kind: "ask", boolean: v === true || v === 1 || v === "1" || v === "true" };
  }
  if (!doc.results) throw new Error("not a SPARQL JSON results document");
  const rows = bindings.map((b) => {
    const row: Row = new Map();
    for (const [name, t] of Object.entries(b)) row.set(name, toTerm(t));
    return row;
  });
  return { kind: "select", vars, rows };
}

function toTerm(t: JsonTerm): Term {
  const value = String(t.value ?? "");
  if (t.type === "uri") return namedNode(value);
  if (t.type === "bnode") return blankNode(value);
  const lang = t["xml:lang"];
  if (lang) return literal(value, lang);
  return t.datatype ? literal(value, namedNode(t.datatype)) : literal(value);
}

/** The standard JSON results format, in the key order claimgraph's local query writes. */
export function resultsJson(results: Results): string {
  if (results.kind === "ask") return JSON.stringify({ head: {}, boolean: results.boolean });
  const bindings = results.rows.map((row) => {
    const out: Record<string, Record<string, string>> = {};
    for (const [name, t] of row) out[name] = jsonTerm(t);
    return out;
  });
  return JSON.stringify({ head: { vars: results.vars }, results: { bindings } });
}

function jsonTerm(t: Term): Record<string, string> {
  if (t.termType === "NamedNode") return { type: "uri", value: t.value };
  if (t.termType === "BlankNode") return { type: "bnode", value: t.value };
  if (t.termType !== "Literal") return { type: "literal", value: t.value };
  if (t.language) return { type: "literal", value: t.value, "xml:lang": t.language };
  if (t.datatype.value === XSD.string.value) return { type: "literal", value: t.value };
  return { type: "literal", value: t.value, datatype: t.datatype.value };
}

/** SPARQL 1.1 CSV: a header of names, IRIs and values bare, quoted only when they must be. */
export function resultsCsv(results: Results): string {
  if (results.kind === "ask") return String(results.boolean);
  const cell = (t: Term | undefined) => {
    if (t === undefined) return "";
    const v = t.termType === "BlankNode" ? `_:${t.value}` : t.value;
    return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [results.vars.join(",")];
  for (const row of results.rows) lines.push(results.vars.map((v) => cell(row.get(v))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export { resultsTable } from "../sparql/table.ts";
