/**
 * A section's quads as JSON-LD, the way `writers.ts` writes them: per graph (the default
 * graph's nodes at the top level, each named graph an `@graph` object), one node object per
 * subject with its properties in order, and every name compacted with the prefixes. Sorted
 * throughout, so the same section always gives the same text.
 */
import type { Quad, Term } from "@rdfjs/types";
import { RDF, XSD } from "../vocab/vocabulary.ts";

const XSD_STRING = XSD.string.value;
const RDF_TYPE = RDF.type.value;

/** An IRI compacted with the prefixes (longest namespace first), or the IRI itself. */
export type Compact = (iri: string) => string;

/** Property → values of one subject, subject → properties of one graph, graph → subjects. */
type Graphs = Map<string, Map<string, Map<string, unknown[]>>>;

/** The `@context` object: the prefixes in name order. */
export function jsonLdContext(prefixes: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(prefixes).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/**
 * `iri` compacted with the first of `byLength` (namespaces longest first) it starts with,
 * when what follows is not empty and holds no ":" (which would read as another prefix).
 */
export function compactIri(
  byLength: ReadonlyArray<readonly [string, string]>,
  iri: string,
): string {
  for (const [prefix, ns] of byLength) {
    if (iri.startsWith(ns) && iri.length > ns.length && !iri.slice(ns.length).includes(":")) {
      return `${prefix}:${iri.slice(ns.length)}`;
    }
  }
  return iri;
}

/**
 * A section's graphs sorted by name ("" the default graph first), each with its node objects
 * as JSON text, sorted by subject: a named graph is written `{"@id": …, "@graph": [those]}`,
 * the default graph's objects stand at the top level.
 */
export function jsonLdGraphs(quads: readonly Quad[], compact: Compact): Array<[string, string[]]> {
  const graphs = groupByGraph(quads, compact);
  return [...graphs.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([name, nodes]) => [name, nodeObjects(nodes, compact).map((o) => JSON.stringify(o))]);
}

/** Each quad's object as a value of its subject's property, by graph ("" the default). */
function groupByGraph(quads: readonly Quad[], compact: Compact): Graphs {
  const graphs: Graphs = new Map();
  for (const q of quads) {
    const g = q.graph.termType === "DefaultGraph" ? "" : q.graph.value;
    let nodes = graphs.get(g);
    if (!nodes) {
      nodes = new Map();
      graphs.set(g, nodes);
    }
    let props = nodes.get(q.subject.value);
    if (!props) {
      props = new Map();
      nodes.set(q.subject.value, props);
    }
    const isType = q.predicate.value === RDF_TYPE;
    const key = isType ? "@type" : compact(q.predicate.value);
    const list = props.get(key) ?? [];
    list.push(isType ? compact(q.object.value) : jsonLdValue(q.object, compact));
    props.set(key, list);
  }
  return graphs;
}

/** One node object per subject, subjects and their properties sorted. */
function nodeObjects(
  nodes: ReadonlyMap<string, ReadonlyMap<string, unknown[]>>,
  compact: Compact,
): Record<string, unknown>[] {
  return [...nodes.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, props]) => {
      const node: Record<string, unknown> = { "@id": compact(id) };
      for (const [k, v] of [...props.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) node[k] = v;
      return node;
    });
}

/** An object as JSON-LD writes it: a node reference, or a value with its language or type. */
function jsonLdValue(o: Term, compact: Compact): unknown {
  if (o.termType !== "Literal")
    return { "@id": o.termType === "BlankNode" ? `_:${o.value}` : compact(o.value) };
  if (o.language) return { "@value": o.value, "@language": o.language };
  if (o.datatype.value === XSD_STRING) return { "@value": o.value };
  return { "@value": o.value, "@type": compact(o.datatype.value) };
}
