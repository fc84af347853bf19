/** Reading RDF back: every export format into quads, for validation and the tests. */
import type { Quad } from "@rdfjs/types";
import jsonld from "jsonld";
import type { Format } from "../write/serialize.ts";
import { parseRdf } from "./guarded-parser.ts";

const N3_FORMATS = { turtle: "Turtle", trig: "TriG", nquads: "N-Quads" } as const;

/**
 * Parses one export with the guarded parser (its limits and IRI checks); throws its error
 * (with its line) on bad input.
 */
export async function parseExport(text: string, format: Format): Promise<Quad[]> {
  const quads: Quad[] = [];
  if (format === "jsonld") {
    const nquads = (await jsonld.toRDF(JSON.parse(text), {
      format: "application/n-quads",
    })) as unknown as string;
    parseRdf(nquads, "N-Quads", (q) => quads.push(q));
  } else parseRdf(text, N3_FORMATS[format], (q) => quads.push(q));
  return quads;
}

/** A canonical line per quad (no blank nodes are ever written, so sets compare as graphs). */
export function quadLine(q: Quad): string {
  const term = (t: Quad["object"] | Quad["graph"]): string => {
    if (t.termType === "DefaultGraph") return "";
    if (t.termType === "Literal") {
      const escaped = JSON.stringify(t.value);
      return t.language ? `${escaped}@${t.language}` : `${escaped}^^<${t.datatype.value}>`;
    }
    if (t.termType === "BlankNode") return `_:${t.value}`;
    return `<${t.value}>`;
  };
  return `${term(q.subject)} ${term(q.predicate)} ${term(q.object)} ${term(q.graph)}`.trimEnd();
}

export function quadSet(quads: Iterable<Quad>): Set<string> {
  return new Set([...quads].map(quadLine));
}
