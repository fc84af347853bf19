/**
 * The vocabularies claimgraph writes, as named-node constants. This module mirrors
 * `ontology/claimgraph.ttl`: a test checks that every `cg:` term here is declared there,
 * so no IRI string is scattered through the code.
 */

import type { NamedNode } from "@rdfjs/types";
import { DataFactory } from "n3";
import { ENTITY_TYPES } from "../../lexicon/types.ts";
import { NAMESPACES } from "./namespaces.ts";

const { namedNode } = DataFactory;

function namespace<const T extends readonly string[]>(
  base: string,
  terms: T,
): { readonly [K in T[number]]: NamedNode } & { readonly iri: string } {
  const out: Record<string, NamedNode | string> = { iri: base };
  for (const term of terms) out[term] = namedNode(base + term);
  return out as { readonly [K in T[number]]: NamedNode } & { readonly iri: string };
}

export { CG_IRI, DEFAULT_BASE_IRI, PREFIXES } from "./namespaces.ts";

export const RDF = namespace(NAMESPACES.rdf, [
  "type",
  "Property",
  "subject",
  "predicate",
  "object",
  "value",
] as const);

export const RDFS = namespace(NAMESPACES.rdfs, [
  "label",
  "comment",
  "seeAlso",
  "subClassOf",
] as const);

export const XSD = namespace(NAMESPACES.xsd, [
  "string",
  "boolean",
  "integer",
  "nonNegativeInteger",
  "decimal",
  "gYearMonth",
  "anyURI",
  "date",
  "dateTime",
] as const);

export const SKOS = namespace(NAMESPACES.skos, [
  "prefLabel",
  "altLabel",
  "broader",
  "example",
] as const);

export const PROV = namespace(NAMESPACES.prov, [
  "Entity",
  "wasDerivedFrom",
  "wasQuotedFrom",
  "value",
  "Activity",
  "SoftwareAgent",
  "wasAttributedTo",
  "wasGeneratedBy",
  "wasAssociatedWith",
  "used",
] as const);

export const CITO = namespace(NAMESPACES.cito, ["citesAsEvidence"] as const);

export const FABIO = namespace(NAMESPACES.fabio, ["Work", "WebPage"] as const);

export const BIBO = namespace(NAMESPACES.bibo, ["pmid", "doi", "uri"] as const);

export const DCTERMS = namespace(NAMESPACES.dcterms, [
  "title",
  "creator",
  "publisher",
  "date",
  "identifier",
  "source",
  "isPartOf",
  "created",
  "issued",
] as const);

export const OA = namespace(NAMESPACES.oa, [
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

export const NP = namespace(NAMESPACES.np, [
  "Nanopublication",
  "hasAssertion",
  "hasProvenance",
  "hasPublicationInfo",
] as const);

/** W3C Representing Content in RDF: a document's text, kept so quotes can be shown in context. */
export const CNT = namespace(NAMESPACES.cnt, ["chars"] as const);

/** schema.org: the software agent's name and version. */
export const SCHEMA = namespace(NAMESPACES.schema, ["name", "softwareVersion"] as const);

export const SH = namespace(NAMESPACES.sh, ["conforms", "property"] as const);

/** claimgraph's own terms: structure and provenance. Domain predicates live in the lexicon. */
export const CG = namespace(NAMESPACES.cg, [
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
  // the entity types, as the lexicon lists them
  ...ENTITY_TYPES,
  "EvidenceType",
  "Genre",
  "Direction",
  "IdentifierSource",
  "AdverseEffectStatement",
  "ComparisonStatement",
  "StatedIdentifier",
  "UnstatedValue",
  "CellStatus",
  "Frequency",
  "ReadingRule",
  "Guess",
  // individuals
  "TertiaryReferenceWork",
  "ConsumerHealthPage",
  "PreclinicalStudy",
  "ClinicalStudy",
  "SystematicReview",
  "MetaAnalysis",
  "Review",
  "PrimaryResearch",
  "UnknownEvidence",
  "PublicRecord",
  "StatedByDocument",
  "VendorOverview",
  "UnknownGenre",
  "Favours",
  "Similar",
  "NotCompared",
  "Unclear",
  "NotStated",
  "NotTested",
  "VeryCommon",
  "Common",
  "Uncommon",
  "Rare",
  "VeryRare",
  "Possible",
  "LowRisk",
  "ModerateRisk",
  "HighRisk",
  "NoRisk",
  "DoseDependent",
  "Varies",
  "UnreadFrequency",
  "FeatureCellRule",
  "AdverseEffectCellRule",
  "ComparativeArmRule",
  "ComparativeRowRule",
  "ValueColumnRule",
  "NullCellRule",
  "HeaderFieldRule",
  "ProseSentenceRule",
  "ProseContrastRule",
  "ProsePronounRule",
  "ProsePreviousSentenceRule",
  "ProseSubjectPositionRule",
  "ProseCueRule",
  "ArmCellCueRule",
  "ProtocolBulletRule",
  "CurationRule",
  "MintedEntity",
  "MintedPredicate",
  "UnreadValue",
  "SubjectUnclear",
  "SubjectFromPreviousSentence",
  "CitationFromRowLabel",
  // how a claim was read, and its n-ary statement
  "cellStatus",
  "readBy",
  "guess",
  "frequency",
  "statementNode",
  "drug",
  "effect",
  "about",
  "onProperty",
  "statesIdentifier",
  // claim structure and location
  "quote",
  "displayText",
  "value",
  "qualifierText",
  "mentions",
  "uncited",
  "unnormalised",
  "cue",
  "curationReason",
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
  "locatorAsGiven",
  "refersTo",
  "viaReference",
  "unresolvedMarker",
  "inDocument",
  "evidenceType",
  "evidenceTypeRule",
  "identifier",
  "identifierSource",
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
  "followUp",
  "totalSampleSize",
  "doseMax",
  "doseApproximate",
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
  // works enriched from a bibliography (build --bibliography)
  "FieldSource",
  "fieldSource",
  "sourcedProperty",
  "bibliographyFile",
  "bibliographyEntry",
  "matchedBy",
  "authorList",
  "journalTitle",
  "bibliographyMatch",
  "bibliographyCandidate",
  "bibliographyConflict",
  // agreement across documents (#15): grouped assertions, their support, conflicts
  "GroupedAssertion",
  "Conflict",
  "ConflictRule",
  "FrequencyGapRule",
  "OppositeDirectionRule",
  "EffectVersusNoneRule",
  "PrimaryTargetDisagreesRule",
  "PublicRecordDisagreesRule",
  "groupsClaim",
  "groupsNanopublication",
  "assertionSubject",
  "assertionPredicate",
  "assertionObject",
  "assertionValue",
  "fromDocument",
  "restsOnWork",
  "inferredEvidenceWork",
  "groupingKey",
  "primarySources",
  "reviewSources",
  "tertiarySources",
  "consumerSources",
  "unknownSources",
  "guessedReading",
  "recordValue",
  "conflictRule",
  "conflictSide",
] as const);
