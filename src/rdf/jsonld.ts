/**
 * JSON-LD output in flattened form: one `@context` with the prefixes, one `@graph`
 * entry per named graph, each node with its properties in sorted order. Written by
 * hand so that it is deterministic and needs no network; `jsonld` reads it back in
 * the tests and in `claimgraph validate`.
 */
import type { Quad, Quad_Object } from "@rdfjs/types";
import { RDF, XSD } from "./vocabulary.ts";

type JsonValue = { "@id": string } | { "@value": string; "@type"?: string; "@language"?: string };

export function toJsonLd(quads: readonly Quad[], prefixes: Record<string, string>): string {
  const entries = Object.entries(prefixes).sort((a, b) => b[1].length - a[1].length);
  const compact = (iri: string): string => {
    for (const [prefix, ns] of entries) {
      if (iri.startsWith(ns) && iri.length > ns.length && !iri.slice(ns.length).includes(":")) {
        return `${prefix}:${iri.slice(ns.length)}`;
      }
    }
    return iri;
  };
  const graphs = new Map<string, Map<string, Map<string, JsonValue[]>>>();
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
    const key = q.predicate.value === RDF.type.value ? "@type" : compact(q.predicate.value);
    const list = props.get(key) ?? [];
    list.push(
      q.predicate.value === RDF.type.value
        ? { "@id": compact(q.object.value) }
        : value(q.object, compact),
    );
    props.set(key, list);
  }
  const nodeObjects = (nodes: Map<string, Map<string, JsonValue[]>>) =>
    [...nodes.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([id, props]) => {
        const node: Record<string, unknown> = { "@id": compact(id) };
        for (const [key, values] of [...props.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
          node[key] = key === "@type" ? values.map((v) => (v as { "@id": string })["@id"]) : values;
        }
        return node;
      });
  const top: unknown[] = [];
  for (const [name, nodes] of [...graphs.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (name === "") top.push(...nodeObjects(nodes));
    else top.push({ "@id": compact(name), "@graph": nodeObjects(nodes) });
  }
  const context = Object.fromEntries(
    Object.entries(prefixes).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  );
  return `${JSON.stringify({ "@context": context, "@graph": top }, null, 1)}\n`;
}

function value(o: Quad_Object, compact: (iri: string) => string): JsonValue {
  if (o.termType !== "Literal")
    return { "@id": o.termType === "BlankNode" ? `_:${o.value}` : compact(o.value) };
  if (o.language) return { "@value": o.value, "@language": o.language };
  if (o.datatype.value === XSD.string.value) return { "@value": o.value };
  return { "@value": o.value, "@type": compact(o.datatype.value) };
}
