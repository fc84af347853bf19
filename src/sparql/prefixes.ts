/**
 * The prefixes every SPARQL question has predeclared (claimgraph's vocabulary and knowledge
 * base), and IRIs shortened by them in a results table: one set for local files and a store.
 */
import { DEFAULT_BASE_IRI, kbPrefixes, PREFIXES } from "../rdf/vocab/namespaces.ts";

/** The prefixes declared before every query: claimgraph's vocabulary and knowledge base. */
export function predeclaredPrefixes(): Record<string, string> {
  return { ...PREFIXES, ...kbPrefixes(DEFAULT_BASE_IRI) };
}

/** The prefixes, the longest namespace first (a stable sort: ties keep their order). */
export function byLongestNamespace(
  prefixMap: Readonly<Record<string, string>>,
): Array<[string, string]> {
  return Object.entries(prefixMap).sort((a, b) => b[1].length - a[1].length);
}

/** Shortens an IRI by the longest namespace it starts with (`ent:desipramine`), else keeps it. */
export function compactor(prefixMap: Readonly<Record<string, string>>): (iri: string) => string {
  const namespaces = byLongestNamespace(prefixMap);
  return (iri) => {
    const hit = namespaces.find(([, ns]) => iri.startsWith(ns) && iri.length > ns.length);
    return hit ? `${hit[0]}:${iri.slice(hit[1].length)}` : iri;
  };
}
