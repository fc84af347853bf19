/**
 * The vocabulary table, part one: the records of a document's description graph and of the
 * shared graph (entities, works, identifiers, minted predicates). Each record says its classes
 * and named graph; each field its predicate, term kind and cardinality. The field names are the
 * names the knowledge graph's nodes use (graph/types.ts), in the order they give them.
 * Claims and their nanopublications are in `claim-records.ts`.
 */
import { ENTITY_TYPES } from "../../lexicon/types.ts";
import {
  boolean,
  classAmong,
  decimal,
  flag,
  individual,
  integer,
  iri,
  many,
  node,
  record,
  string,
} from "./fields.ts";
import { BIBO, CG, CITO, CNT, DCTERMS, FABIO, PROV, RDF, RDFS, SKOS } from "./vocabulary.ts";

/** An identifier of an entity or a work: a record row's, or one a document states. */
export const IDENTIFIER = record({
  name: "Identifier",
  types: [CG.Identifier],
  graph: "shared",
  fields: {
    scheme: string(CG.scheme),
    id: string(CG.localId),
    curie: string(DCTERMS.identifier),
    confidence: string(CG.confidence),
    unverified: boolean(CG.unverified),
    source: string(CG.recordSource),
    /** PublicRecord (identifiers.tsv), StatedByDocument (a reference entry), or both. */
    sources: many(individual(CG.identifierSource)),
    seeAlso: iri(RDFS.seeAlso),
  },
});

export const ENTITY = record({
  name: "Entity",
  types: [CG.Entity],
  graph: "shared",
  fields: {
    label: string(RDFS.label),
    type: classAmong(RDF.type, ENTITY_TYPES, "Entity"),
    synonyms: many(string(SKOS.altLabel)),
    unnormalised: flag(CG.unnormalised),
    identifiers: many(node(CG.identifier, IDENTIFIER)),
    memberOf: many(iri(CG.memberOf)),
  },
});

/** A class membership or example read from a table header, stated of the member. */
export const MEMBERSHIP = record({
  name: "Membership",
  types: [],
  graph: "shared",
  fields: {
    memberOf: many(iri(CG.memberOf)),
    exampleMember: many(iri(CG.exampleMember)),
  },
});

/**
 * Where a field of a work came from when a bibliography filled it, after Wikidata's
 * references: the property it sourced, the value, the file ("stated in") and its entry.
 */
export const FIELD_SOURCE = record({
  name: "FieldSource",
  types: [CG.FieldSource],
  graph: "shared",
  fields: {
    property: iri(CG.sourcedProperty),
    value: string(PROV.value),
    file: string(CG.bibliographyFile),
    entry: string(CG.bibliographyEntry),
    matchedBy: string(CG.matchedBy),
  },
});

export const WORK = record({
  name: "Work",
  types: [FABIO.Work],
  graph: "shared",
  fields: {
    title: string(DCTERMS.title),
    evidenceType: individual(CG.evidenceType),
    evidenceRule: string(CG.evidenceTypeRule),
    identifiers: many(node(CG.identifier, IDENTIFIER)),
    pmid: many(string(BIBO.pmid)),
    doi: many(string(BIBO.doi)),
    creators: many(string(DCTERMS.creator)),
    /** The authors in the bibliography's order, "Family, Given; …" (dcterms:creator has none). */
    authorList: string(CG.authorList),
    issued: string(DCTERMS.issued),
    journal: string(CG.journalTitle),
    /** With --bibliography: "matched", "ambiguous" or "unmatched", and the entries that matched. */
    bibliographyMatch: string(CG.bibliographyMatch),
    bibliographyCandidates: many(string(CG.bibliographyCandidate)),
    /** An identifier the matched entry gives that differs from the work's: reported, not taken. */
    bibliographyConflicts: many(string(CG.bibliographyConflict)),
    fieldSources: many(node(CG.fieldSource, FIELD_SOURCE)),
  },
});

/** A predicate minted from a name the lexicon does not know. */
export const PREDICATE = record({
  name: "Property",
  types: [RDF.Property],
  graph: "shared",
  fields: {
    label: string(RDFS.label),
    unnormalised: flag(CG.unnormalised),
  },
});

export const DISCREPANCY = record({
  name: "Discrepancy",
  types: [CG.Discrepancy],
  graph: "document",
  fields: {
    claim: iri(CG.aboutClaim),
    statedValue: string(CG.statedValue),
    publicValues: many(string(CG.publicRecordValue)),
    sources: many(string(CG.recordSource)),
    comment: string(RDFS.comment),
  },
});

export const DOCUMENT = record({
  name: "SourceDocument",
  types: [CG.SourceDocument, PROV.Entity],
  graph: "document",
  fields: {
    title: string(DCTERMS.title),
    fileName: string(CG.fileName),
    creator: string(DCTERMS.creator),
    date: string(DCTERMS.date),
    publisher: string(DCTERMS.publisher),
    address: iri(CG.canonicalAddress),
    genre: individual(CG.genre),
    sha256: string(CG.sha256),
    text: string(CNT.chars),
    discrepancies: many(node(CG.hasDiscrepancy, DISCREPANCY)),
    focus: iri(CG.compoundFocus),
    catalogNumber: string(CG.catalogNumber),
  },
});

export const REFERENCE = record({
  name: "Reference",
  types: [CG.Reference],
  graph: "document",
  fields: {
    label: string(RDFS.label),
    number: integer(CG.referenceNumber),
    title: string(CG.titleAsGiven),
    truncated: boolean(CG.titleTruncated),
    host: string(CG.host),
    locator: string(CG.locatorAsGiven),
    work: iri(CG.refersTo),
    document: iri(CG.inDocument),
    line: integer(CG.line),
  },
});

export const TABLE = record({
  name: "Table",
  types: [CG.Table],
  graph: "document",
  fields: {
    index: integer(CG.tableIndex),
    label: string(RDFS.label),
    document: iri(PROV.wasDerivedFrom),
    section: string(CG.inSection),
    line: integer(CG.line),
  },
});

export const STUDY_ARM = record({
  name: "StudyArm",
  types: [CG.StudyArm],
  graph: "document",
  fields: {
    label: string(RDFS.label),
    intervention: iri(CG.intervention),
    sampleSize: integer(CG.sampleSize),
    /** A range's lower bound, or the dose; `doseMax` its upper bound ("up to 20" has only it). */
    dose: decimal(CG.dose),
    doseMax: decimal(CG.doseMax),
    doseApproximate: flag(CG.doseApproximate),
    doseUnit: string(CG.doseUnit),
    route: string(CG.route),
    schedule: string(CG.schedule),
  },
});

/**
 * A claim or a study cites works as evidence, through the document's reference entries; a
 * marker whose number the list lacks is kept as that number.
 */
export const CITING = {
  citesAsEvidence: many(iri(CITO.citesAsEvidence)),
  viaReference: many(iri(CG.viaReference)),
  unresolvedMarker: many(integer(CG.unresolvedMarker)),
} as const;

export const STUDY = record({
  name: "Study",
  types: [CG.Study],
  graph: "document",
  fields: {
    label: string(RDFS.label),
    document: iri(PROV.wasDerivedFrom),
    line: integer(CG.line),
    ...CITING,
    design: many(string(CG.design)),
    species: many(string(CG.species)),
    strain: many(string(CG.strain)),
    sex: many(string(CG.sex)),
    cellLine: many(string(CG.cellLine)),
    duration: string(CG.duration),
    followUp: string(CG.followUp),
    totalSampleSize: integer(CG.totalSampleSize),
    timePoint: many(string(CG.timePoint)),
    measure: many(string(CG.measure)),
    model: many(iri(CG.model)),
    arms: many(node(CG.arm, STUDY_ARM)),
    supports: many(iri(CG.supportsClaim)),
  },
});
