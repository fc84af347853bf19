/**
 * How a knowledge base is laid out in a triple store: one named graph per document, holding
 * the document's own graph and every graph of its claims' nanopublications, and the shared
 * graph (entities, works). A store then holds a handful of graphs, not four per claim, and
 * replacing a document replaces all of it. Each graph is written as sorted, distinct
 * N-Triples lines cut into request bodies of bounded size.
 */
import type { Quad } from "@rdfjs/types";
import { Writer } from "n3";
import { DEFAULT_BASE_IRI, PROV, RDF } from "../rdf/vocabulary.ts";
import { StoreError } from "./errors.ts";

export interface GraphGroup {
  /** The graph's name in the store. */
  readonly graph: string;
  /** Distinct N-Triples lines (each ending in "\n"), sorted. */
  readonly lines: readonly string[];
  /** Whether some line holds a blank node (those cannot be split across requests). */
  readonly blankNodes: boolean;
}

const NANOPUB_GRAPH = /^(.+\/)np\/([^/]+)\.(?:head|assertion|provenance|pubinfo)$/;
const KB_GRAPH = /^(.+\/)graph\/([^/]+)$/;

/**
 * Groups `quads` into the graphs to write. `baseGraph` is the prefix of their names
 * (default: the data's own `<base>graph/`). Nanopublication graphs go to their document's
 * graph; other named graphs under `<base>graph/` keep their local name; any other named
 * graph keeps its name; triples in the default graph go to `<baseGraph>default`.
 */
export function groupGraphs(quads: readonly Quad[], baseGraph?: string): GraphGroup[] {
  const documentOf = nanopubDocuments(quads);
  const writer = new Writer({ format: "N-Triples" });
  const groups = new Map<string, { lines: Set<string>; blankNodes: boolean }>();
  let defaultBase: string | undefined;
  const targetOf = (graph: Quad["graph"]): string => {
    if (graph.termType !== "NamedNode")
      return `${baseGraph ?? defaultBase ?? `${DEFAULT_BASE_IRI}graph/`}default`;
    const np = NANOPUB_GRAPH.exec(graph.value);
    if (np) {
      const base = np[1] as string;
      const claim = np[2] as string;
      const doc = documentOf.get(`${base}np/${claim}`) ?? claim.split(".")[0] ?? claim;
      return `${baseGraph ?? `${base}graph/`}${doc}`;
    }
    const kb = KB_GRAPH.exec(graph.value);
    if (kb) return `${baseGraph ?? `${kb[1]}graph/`}${kb[2]}`;
    return graph.value;
  };
  for (const q of quads) {
    if (!defaultBase && q.graph.termType === "NamedNode") {
      const m = NANOPUB_GRAPH.exec(q.graph.value) ?? KB_GRAPH.exec(q.graph.value);
      if (m) defaultBase = `${m[1]}graph/`;
    }
  }
  for (const q of quads) {
    const target = targetOf(q.graph);
    let group = groups.get(target);
    if (!group) {
      group = { lines: new Set(), blankNodes: false };
      groups.set(target, group);
    }
    group.lines.add(writer.quadToString(q.subject, q.predicate, q.object));
    if (q.subject.termType === "BlankNode" || q.object.termType === "BlankNode")
      group.blankNodes = true;
  }
  return [...groups]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([graph, g]) => ({ graph, lines: [...g.lines].sort(), blankNodes: g.blankNodes }));
}

/**
 * The document of each nanopublication (`<base>np/<claim>` → document id), from its
 * publication info (`np prov:wasDerivedFrom <base>doc/<id>`) or, failing that, its claim's
 * provenance (`<base>claim/<claim> prov:wasDerivedFrom <base>doc/<id>`).
 */
function nanopubDocuments(quads: readonly Quad[]): Map<string, string> {
  const out = new Map<string, string>();
  const fromClaims = new Map<string, string>();
  for (const q of quads) {
    if (q.predicate.value !== PROV.wasDerivedFrom.value || q.object.termType !== "NamedNode")
      continue;
    const np = NANOPUB_GRAPH.exec(q.graph.value);
    if (!np) continue;
    const base = np[1] as string;
    const doc = q.object.value.startsWith(`${base}doc/`)
      ? q.object.value.slice(base.length + 4)
      : undefined;
    if (!doc || doc.includes("/") || doc.includes(".")) continue;
    const node = `${base}np/${np[2]}`;
    if (q.subject.value === node) out.set(node, doc);
    else if (q.subject.value === `${base}claim/${np[2]}`) fromClaims.set(node, doc);
  }
  for (const [node, doc] of fromClaims) if (!out.has(node)) out.set(node, doc);
  return out;
}

/**
 * The first line of every body: it makes the body Turtle (N-Triples lines are Turtle) and
 * lets Virtuoso, which sniffs a body's start, tell it from plain text.
 */
export const BODY_HEADER = `@prefix rdf: <${RDF.iri}> .\n`;

/** Cuts a graph's lines into bodies of at most `maxBytes` bytes, each starting with the header. */
export function chunkLines(group: GraphGroup, maxBytes: number, url: string): string[] {
  const header = Buffer.byteLength(BODY_HEADER);
  const bodies: string[] = [];
  let current: string[] = [];
  let size = header;
  for (const line of group.lines) {
    const bytes = Buffer.byteLength(line);
    if (header + bytes > maxBytes) {
      throw new StoreError(
        `graph <${group.graph}> holds a triple of ${bytes} bytes, more than the ${maxBytes} bytes a request may carry`,
        { url, graph: group.graph, hint: "raise the request size limit (maxBytes)" },
      );
    }
    if (size + bytes > maxBytes && current.length > 0) {
      bodies.push(BODY_HEADER + current.join(""));
      current = [];
      size = header;
    }
    current.push(line);
    size += bytes;
  }
  if (current.length > 0) bodies.push(BODY_HEADER + current.join(""));
  if (bodies.length > 1 && group.blankNodes) {
    throw new StoreError(
      `graph <${group.graph}> holds blank nodes and needs ${bodies.length} requests: a blank node split across requests would become several`,
      {
        url,
        graph: group.graph,
        hint: "raise maxBytes so the graph goes in one request, or name the nodes with IRIs",
      },
    );
  }
  return bodies;
}
