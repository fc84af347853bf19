/**
 * The vocabularies claimgraph writes, as named-node constants. This module mirrors
 * `ontology/claimgraph.ttl`: a test checks that every `cg:` term here is declared there,
 * so no IRI string is scattered through the code.
 */

import type { NamedNode } from "@rdfjs/types";
import { DataFactory } from "n3";

const { namedNode } = DataFactory;

function namespace<const T extends readonly string[]>(
  base: string,
  terms: T,
): { readonly [K in T[number]]: NamedNode } & { readonly iri: string } {
  const out: Record<string, NamedNode | string> = { iri: base };
  for (const term of terms) out[term] = namedNode(base + term);
  return out as { readonly [K in T[number]]: NamedNode } & { readonly iri: string };
}

export const CG_IRI = "https://w3id.org/claimgraph/vocab#";
export const DEFAULT_BASE_IRI = "https://w3id.org/claimgraph/kb/";

export const RDF = namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#", [
  "type",
  "Property",
  "subject",
  "predicate",
  "object",
  "value",
] as const);

export const RDFS = namespace("http://www.w3.org/2000/01/rdf-schema#", [
  "label",
  "comment",
  "seeAlso",
  "subClassOf",
] as const);

export const XSD = namespace("http://www.w3.org/2001/XMLSchema#", [
  "string",
  "boolean",
  "integer",
  "nonNegativeInteger",
  "decimal",
  "gYearMonth",
  "anyURI",
] as const);

export const SKOS = namespace("http://www.w3.org/2004/02/skos/core#", [
  "prefLabel",
  "altLabel",
  "broader",
  "example",
] as const);

export const PROV = namespace("http://www.w3.org/ns/prov#", [
  "Entity",
  "wasDerivedFrom",
  "wasQuotedFrom",
  "value",
] as const);

export const CITO = namespace("http://purl.org/spar/cito/", ["citesAsEvidence"] as const);

export const FABIO = namespace("http://purl.org/spar/fabio/", ["Work", "WebPage"] as const);

export const BIBO = namespace("http://purl.org/ontology/bibo/", ["pmid", "doi", "uri"] as const);

export const DCTERMS = namespace("http://purl.org/dc/terms/", [
  "title",
  "creator",
  "publisher",
  "date",
  "identifier",
  "source",
  "isPartOf",
] as const);

export const OA = namespace("http://www.w3.org/ns/oa#", [
  "SpecificResource",
  "TextQuoteSelector",
  "TextPositionSelector",
  "hasSource",
  "hasSelector",
  "exact",
  "prefix",
  "suffix",
  "start",
  "end",
] as const);

export const NP = namespace("http://www.nanopub.org/nschema#", [
  "Nanopublication",
  "hasAssertion",
  "hasProvenance",
  "hasPublicationInfo",
] as const);

export const SH = namespace("http://www.w3.org/ns/shacl#", ["conforms", "property"] as const);

/** claimgraph's own terms: structure and provenance. Domain predicates live in the lexicon. */
export const CG = namespace(CG_IRI, [
  // classes
  "Claim",
  "TableCellClaim",
  "ProseClaim",
  "CuratedClaim",
  "ComparativeClaim",
  "ProtocolClaim",
  "HeaderClaim",
  "SourceDocument",
  "Table",
  "Reference",
  "Study",
  "StudyArm",
  "Identifier",
  "Discrepancy",
  "Entity",
  "Drug",
  "DrugClass",
  "Target",
  "Mechanism",
  "Condition",
  "Outcome",
  "AdverseEffect",
  "EvidenceType",
  "Genre",
  "Direction",
  // individuals
  "TertiaryReferenceWork",
  "ConsumerHealthPage",
  "PreclinicalStudy",
  "ClinicalStudy",
  "UnknownEvidence",
  "VendorOverview",
  "UnknownGenre",
  "Favours",
  "Similar",
  "NotCompared",
  "Unclear",
  // claim structure and location
  "quote",
  "displayText",
  "value",
  "qualifierText",
  "mentions",
  "uncited",
  "unnormalised",
  "inSection",
  "inTable",
  "rowLabel",
  "rowIndex",
  "columnLabel",
  "columnIndex",
  "line",
  "column",
  "endLine",
  "endColumn",
  "study",
  // references and works
  "referenceNumber",
  "titleAsGiven",
  "titleTruncated",
  "host",
  "refersTo",
  "inDocument",
  "evidenceType",
  "identifier",
  "scheme",
  "localId",
  "confidence",
  "unverified",
  "recordSource",
  // documents
  "fileName",
  "sha256",
  "genre",
  "canonicalAddress",
  "compoundFocus",
  "catalogNumber",
  "tableIndex",
  "hasDiscrepancy",
  "aboutClaim",
  "statedValue",
  "publicRecordValue",
  // studies
  "design",
  "species",
  "strain",
  "sex",
  "cellLine",
  "model",
  "arm",
  "intervention",
  "sampleSize",
  "dose",
  "doseUnit",
  "route",
  "schedule",
  "duration",
  "timePoint",
  "measure",
  "supportsClaim",
  // comparative claims
  "armA",
  "armB",
  "condition",
  "outcome",
  "direction",
  "favours",
  "armResult",
  "evidence",
  // entities
  "memberOf",
  "exampleMember",
  "entityType",
  // publication info
  "generatedBy",
] as const);

export const PREFIXES: Readonly<Record<string, string>> = {
  rdf: RDF.iri,
  rdfs: RDFS.iri,
  xsd: XSD.iri,
  skos: SKOS.iri,
  prov: PROV.iri,
  cito: CITO.iri,
  fabio: FABIO.iri,
  bibo: BIBO.iri,
  dcterms: DCTERMS.iri,
  oa: OA.iri,
  np: NP.iri,
  cg: CG.iri,
};
