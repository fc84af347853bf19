/**
 * The vocabulary table, part two: a claim as a nanopublication. The head graph names the
 * assertion, provenance and publication-info graphs; the assertion graph holds the plain
 * triple (written by `rdf/write/assertions.ts`: its predicate is data, not vocabulary) or one of the
 * n-ary statements below; the provenance graph holds the claim node, its quote and selectors.
 */

import {
  boolean,
  checked,
  classAmong,
  count,
  date,
  flag,
  individual,
  integer,
  iri,
  many,
  node,
  record,
  required,
  string,
  term,
} from "./fields.ts";
import { CITING } from "./records.ts";
import { CG, CITO, DCTERMS, NP, OA, PROV, RDF, RDFS, SCHEMA } from "./vocabulary.ts";

/** The class of each kind of claim (besides cg:Claim). */
export const CLAIM_CLASSES = {
  table: "TableCellClaim",
  prose: "ProseClaim",
  curated: "CuratedClaim",
  comparative: "ComparativeClaim",
  protocol: "ProtocolClaim",
  header: "HeaderClaim",
} as const satisfies Record<string, keyof typeof CG>;

/** How a claim was read, as its class says: the kinds of claim are the vocabulary's. */
export type ClaimKind = keyof typeof CLAIM_CLASSES;

export const NANOPUBLICATION = record({
  name: "Nanopublication",
  types: [NP.Nanopublication],
  graph: "head",
  fields: {
    assertion: iri(NP.hasAssertion),
    provenance: iri(NP.hasProvenance),
    pubinfo: iri(NP.hasPublicationInfo),
  },
});

/** claimgraph, the software that made the nanopublication: its name and version. */
export const SOFTWARE_AGENT = record({
  name: "SoftwareAgent",
  types: [PROV.SoftwareAgent],
  graph: "pubinfo",
  fields: {
    name: string(SCHEMA.name),
    version: string(SCHEMA.softwareVersion),
  },
});

/** Reading one document into claims: it used the document, claimgraph carried it out. */
export const BUILD_ACTIVITY = record({
  name: "Activity",
  types: [PROV.Activity],
  graph: "pubinfo",
  fields: {
    used: iri(PROV.used),
    agent: node(PROV.wasAssociatedWith, SOFTWARE_AGENT),
  },
});

/**
 * What the publication-info graph says of the nanopublication: the document it was read from,
 * when it was made (`dct:created`: `build --created`, else the document's date, else not
 * stated — never the clock), the software it is attributed to and the activity that made it.
 */
export const PUBLICATION_INFO = record({
  name: "PublicationInfo",
  types: [],
  graph: "pubinfo",
  fields: {
    document: iri(PROV.wasDerivedFrom),
    created: date(DCTERMS.created),
    attributedTo: iri(PROV.wasAttributedTo),
    activity: node(PROV.wasGeneratedBy, BUILD_ACTIVITY),
  },
});

/**
 * What the provenance graph says of the assertion graph: derived from the quote (which is
 * what was quoted from the document, see QUOTE) and the evidence the document cites for it.
 */
export const ASSERTION_PROVENANCE = record({
  name: "AssertionProvenance",
  types: [],
  graph: "provenance",
  fields: {
    quote: iri(PROV.wasDerivedFrom),
    citesAsEvidence: many(iri(CITO.citesAsEvidence)),
  },
});

export const TEXT_QUOTE_SELECTOR = record({
  name: "TextQuoteSelector",
  types: [OA.TextQuoteSelector],
  graph: "provenance",
  key: "exact",
  fields: {
    exact: checked(string(OA.exact)),
    prefix: checked(string(OA.prefix)),
    suffix: checked(string(OA.suffix)),
  },
});

export const TEXT_POSITION_SELECTOR = record({
  name: "TextPositionSelector",
  types: [OA.TextPositionSelector],
  graph: "provenance",
  key: "start",
  fields: {
    /** Code-point offsets of the quote in the document. */
    start: checked(count(OA.start)),
    end: checked(count(OA.end)),
  },
});

/** The quote: a span of the document, repeated word for word (prov:wasQuotedFrom the document). */
export const QUOTE = record({
  name: "SpecificResource",
  types: [OA.SpecificResource],
  graph: "provenance",
  fields: {
    source: iri(OA.hasSource),
    quotedFrom: iri(PROV.wasQuotedFrom),
    text: node(OA.hasSelector, TEXT_QUOTE_SELECTOR),
    position: node(OA.hasSelector, TEXT_POSITION_SELECTOR),
  },
});

/** A null cell: the claim keeps its quote, and the assertion says no value is given. */
export const UNSTATED_VALUE = record({
  name: "UnstatedValue",
  types: [CG.UnstatedValue],
  graph: "assertion",
  fields: {
    about: iri(CG.about),
    onProperty: iri(CG.onProperty),
    effect: iri(CG.effect),
    condition: iri(CG.condition),
    status: individual(CG.cellStatus),
  },
});

export const ADVERSE_EFFECT_STATEMENT = record({
  name: "AdverseEffectStatement",
  types: [CG.AdverseEffectStatement],
  graph: "assertion",
  fields: {
    drug: iri(CG.drug),
    effect: iri(CG.effect),
    frequency: individual(CG.frequency),
  },
});

/** An identifier the document gives for an entity: what the document states, not a fact. */
export const STATED_IDENTIFIER = record({
  name: "StatedIdentifier",
  types: [CG.StatedIdentifier],
  graph: "assertion",
  fields: {
    about: iri(CG.about),
    scheme: string(CG.scheme),
    value: string(CG.statedValue),
  },
});

const COMPARED = {
  armA: iri(CG.armA),
  armB: iri(CG.armB),
  condition: iri(CG.condition),
  outcome: iri(CG.outcome),
  direction: individual(CG.direction),
  favours: iri(CG.favours),
} as const;

export const COMPARISON_STATEMENT = record({
  name: "ComparisonStatement",
  types: [CG.ComparisonStatement],
  graph: "assertion",
  fields: COMPARED,
});

export const CLAIM = record({
  name: "Claim",
  types: [CG.Claim],
  graph: "provenance",
  fields: {
    claimType: classAmong(RDF.type, Object.values(CLAIM_CLASSES), "Claim"),
    subject: required(term(RDF.subject)),
    predicate: required(iri(RDF.predicate)),
    object: required(term(RDF.object)),
    label: string(CG.displayText),
    document: iri(PROV.wasDerivedFrom),
    quote: checked(node(CG.quote, QUOTE)),
    section: string(CG.inSection),
    line: checked(integer(CG.line)),
    column: checked(integer(CG.column)),
    endLine: checked(integer(CG.endLine)),
    endColumn: checked(integer(CG.endColumn)),
    uncited: boolean(CG.uncited),
    ...CITING,
    unnormalised: flag(CG.unnormalised),
    value: string(CG.value),
    qualifier: string(CG.qualifierText),
    mentions: many(iri(CG.mentions)),
    note: string(RDFS.comment),
    readBy: individual(CG.readBy),
    guesses: many(individual(CG.guess)),
    status: individual(CG.cellStatus),
    frequency: individual(CG.frequency),
    statement: node(
      CG.statementNode,
      UNSTATED_VALUE,
      ADVERSE_EFFECT_STATEMENT,
      STATED_IDENTIFIER,
      COMPARISON_STATEMENT,
    ),
    cue: string(CG.cue),
    curationReason: string(CG.curationReason),
    table: iri(CG.inTable),
    rowLabel: string(CG.rowLabel),
    rowIndex: integer(CG.rowIndex),
    columnLabel: string(CG.columnLabel),
    /** 1-based over all columns; the row label is column 1. */
    columnIndex: integer(CG.columnIndex),
    studies: many(iri(CG.study)),
    ...COMPARED,
    armResults: many(iri(CG.armResult)),
    evidence: iri(CG.evidence),
  },
});
