/**
 * Serialisations of a sorted dataset: Turtle (the knowledge base as one readable
 * graph: assertions, claims with provenance, documents, entities and works), TriG and
 * N-Quads (every named graph, nanopublications included) and JSON-LD. Graph names
 * are always IRIs and TriG never uses the `GRAPH` keyword, so Raptor, Serd and
 * Virtuoso load every file.
 */
import type { Quad } from "@rdfjs/types";
import { DataFactory, Writer } from "n3";
import type { Format } from "./formats.ts";
import { toJsonLd } from "./jsonld.ts";
import { PREFIXES, RDF } from "./vocabulary.ts";

export { EXTENSIONS, FORMATS, type Format } from "./formats.ts";

const N3_FORMATS = { turtle: "Turtle", trig: "TriG", nquads: "N-Quads" } as const;

/** Graphs whose triples are nanopublication bookkeeping, left out of the Turtle view. */
export function isBookkeepingGraph(name: string): boolean {
  return name.endsWith(".head") || name.endsWith(".pubinfo");
}

/** The Turtle view: the union of the knowledge graphs, in the default graph, sorted. */
export function turtleTriples(quads: readonly Quad[]): Quad[] {
  const seen = new Set<string>();
  const out: Quad[] = [];
  for (const q of quads) {
    if (isBookkeepingGraph(q.graph.value)) continue;
    const t = DataFactory.quad(q.subject, q.predicate, q.object);
    const key = `${t.subject.value} ${t.predicate.value} ${t.object.termType}:${t.object.value}:${t.object.termType === "Literal" ? t.object.datatype.value : ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out.sort((a, b) => compareTriples(a, b));
}

/** Subject, then predicate with `rdf:type` first (it reads as `a`), then object. */
function compareTriples(a: Quad, b: Quad): number {
  const key = (q: Quad) =>
    `${q.subject.value}\u0001${q.predicate.value === RDF.type.value ? "" : q.predicate.value}\u0001${q.object.value}`;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function serialize(
  quads: readonly Quad[],
  format: Format,
  prefixes: Record<string, string>,
): string {
  if (format === "jsonld") return toJsonLd(quads, { ...PREFIXES, ...prefixes });
  const data = format === "turtle" ? turtleTriples(quads) : quads;
  const writer = new Writer({
    format: N3_FORMATS[format],
    prefixes: format === "nquads" ? {} : { ...PREFIXES, ...prefixes },
  });
  writer.addQuads([...data]);
  let out = "";
  writer.end((error, result) => {
    if (error) throw error;
    out = result;
  });
  return out.endsWith("\n") ? out : `${out}\n`;
}
