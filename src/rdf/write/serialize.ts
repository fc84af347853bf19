/**
 * Serialisations of a dataset: Turtle (the knowledge base as readable graphs:
 * assertions, claims with provenance, documents, entities and works), TriG and N-Quads
 * (every named graph, nanopublications included) and JSON-LD, written by the streaming
 * writers of `writers.ts`. Graph names are always IRIs and TriG never uses the `GRAPH`
 * keyword, so Raptor, Serd and Virtuoso load every file.
 */
import type { Quad } from "@rdfjs/types";
import { DataFactory } from "n3";
import type { Format } from "../vocab/formats.ts";
import { PREFIXES } from "../vocab/namespaces.ts";
import { sortQuads } from "./quads.ts";
import { isBookkeepingGraph, turtleView, writeSections } from "./writers.ts";

export { EXTENSIONS, FORMATS, type Format } from "../vocab/formats.ts";

/** The Turtle view of a whole dataset: its triples outside the bookkeeping graphs, in the default graph. */
export function turtleTriples(quads: readonly Quad[]): Quad[] {
  return turtleView(quads.filter((q) => !isBookkeepingGraph(q.graph.value))).map((q) =>
    DataFactory.quad(q.subject, q.predicate, q.object),
  );
}

/** Serialises any dataset as one section (sorted first). */
export function serialize(
  quads: readonly Quad[],
  format: Format,
  prefixes: Record<string, string>,
): string {
  return writeSections([sortQuads(quads)], format, { ...PREFIXES, ...prefixes });
}

/** Serialises a dataset given as sorted sections (documents, then the shared graph). */
export function serializeSections(
  sections: readonly (readonly Quad[])[],
  format: Format,
  prefixes: Record<string, string>,
): string {
  return writeSections(sections, format, { ...PREFIXES, ...prefixes });
}
