/**
 * The namespaces claimgraph writes, as plain strings: what the vocabulary module builds
 * its terms from, and what code that only shows IRIs needs (without loading an RDF library).
 */

export const CG_IRI = "https://w3id.org/claimgraph/vocab#";
export const DEFAULT_BASE_IRI = "https://w3id.org/claimgraph/kb/";
/** claimgraph as a software agent: one IRI per version (`…/software/claimgraph-0.1.0`). */
export const SOFTWARE_IRI = "https://w3id.org/claimgraph/software/";

export const NAMESPACES = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  prov: "http://www.w3.org/ns/prov#",
  cito: "http://purl.org/spar/cito/",
  fabio: "http://purl.org/spar/fabio/",
  bibo: "http://purl.org/ontology/bibo/",
  dcterms: "http://purl.org/dc/terms/",
  oa: "http://www.w3.org/ns/oa#",
  np: "http://www.nanopub.org/nschema#",
  cnt: "http://www.w3.org/2011/content#",
  sh: "http://www.w3.org/ns/shacl#",
  cg: CG_IRI,
  schema: "http://schema.org/",
} as const;

/** The prefixes written in Turtle and TriG, in writing order (no `sh:`: it is never written). */
export const PREFIXES: Readonly<Record<string, string>> = {
  rdf: NAMESPACES.rdf,
  rdfs: NAMESPACES.rdfs,
  xsd: NAMESPACES.xsd,
  skos: NAMESPACES.skos,
  prov: NAMESPACES.prov,
  cito: NAMESPACES.cito,
  fabio: NAMESPACES.fabio,
  bibo: NAMESPACES.bibo,
  dcterms: NAMESPACES.dcterms,
  oa: NAMESPACES.oa,
  np: NAMESPACES.np,
  cnt: NAMESPACES.cnt,
  cg: NAMESPACES.cg,
  schema: NAMESPACES.schema,
};

/** The prefixes of the knowledge base's own IRIs under `base`, in writing order. */
export function kbPrefixes(base: string): Record<string, string> {
  return {
    doc: `${base}doc/`,
    claim: `${base}claim/`,
    ent: `${base}entity/`,
    work: `${base}work/`,
    study: `${base}study/`,
    pred: `${base}predicate/`,
    pub: `${base}np/`,
    graph: `${base}graph/`,
  };
}
