/**
 * `toSections`: the knowledge base as an RDF dataset. Each claim is a nanopublication
 * (head, assertion, provenance and publication-info graphs); each document's
 * description (the document, its references, tables and studies) is a graph of its
 * own; entities, works and minted predicates share one graph. Each section comes out
 * sorted and without duplicates, so serialisations are byte-identical for identical input.
 */
import type { Literal, NamedNode, Quad, Quad_Object } from "@rdfjs/types";
import { DataFactory } from "n3";
import type {
  Claim,
  DocumentClaims,
  EntityTerm,
  KnowledgeBase,
  PredicateTerm,
  Study,
  Term,
  Work,
} from "../claims/types.ts";
import { identifierKey } from "../document/locator.ts";
import type { IdentifierRecord } from "../lexicon/types.ts";
import { VERSION } from "../version.ts";
import { writeAssertion, writeReading } from "./assertions.ts";
import { toIri } from "./iri-syntax.ts";
import type { Iris } from "./iris.ts";
import {
  BIBO,
  CG,
  CITO,
  CNT,
  DCTERMS,
  FABIO,
  NP,
  OA,
  PROV,
  RDF,
  RDFS,
  SKOS,
  XSD,
} from "./vocabulary.ts";

const { quad, literal } = DataFactory;

export const GENERATOR = `claimgraph ${VERSION}`;

const CLAIM_CLASS: Readonly<Record<Claim["kind"], NamedNode>> = {
  table: CG.TableCellClaim,
  prose: CG.ProseClaim,
  curated: CG.CuratedClaim,
  comparative: CG.ComparativeClaim,
  protocol: CG.ProtocolClaim,
  header: CG.HeaderClaim,
};

/** How much context a text-quote selector keeps on either side of the quote. */
const CONTEXT = 32;

class GraphWriter {
  readonly quads: Quad[] = [];
  constructor(private graph: NamedNode) {}

  in(graph: NamedNode): this {
    this.graph = graph;
    return this;
  }

  add(s: NamedNode, p: NamedNode, o: Quad_Object | string | number | boolean | undefined): void {
    if (o === undefined) return;
    this.quads.push(quad(s, p, toObject(o), this.graph));
  }

  addAll(s: NamedNode, p: NamedNode, list: Iterable<Quad_Object | string>): void {
    for (const o of list) this.add(s, p, o);
  }
}

function toObject(o: Quad_Object | string | number | boolean): Quad_Object {
  if (typeof o === "string") return literal(o);
  if (typeof o === "number") return literal(String(o), XSD.integer);
  if (typeof o === "boolean") return literal(String(o), XSD.boolean);
  return o;
}

const nonNegative = (n: number): Literal => literal(String(n), XSD.nonNegativeInteger);

/** What the shared graph describes: the entities, memberships, works and minted predicates used. */
export interface SharedData {
  readonly entities: ReadonlyMap<string, EntityTerm>;
  readonly lexiconEntities: KnowledgeBase["lexiconEntities"];
  readonly memberships: KnowledgeBase["memberships"];
  readonly works: readonly Work[];
  /** Minted (unnormalised) predicates, by name. */
  readonly predicates: ReadonlyMap<string, PredicateTerm>;
}

/**
 * The dataset in sections: one per document (its description graph and its claims'
 * nanopublications), in document order, then the shared graph. Each section is sorted,
 * so a writer can stream them one after another and the output is still deterministic.
 */
export function toSections(kb: KnowledgeBase, iris: Iris): Quad[][] {
  return [
    ...kb.documents.map((doc) => documentQuads(doc, iris)),
    sharedQuads(sharedData(kb), iris),
  ];
}

export function sharedData(kb: KnowledgeBase): SharedData {
  const predicates = new Map<string, PredicateTerm>();
  for (const doc of kb.documents) {
    for (const claim of doc.claims)
      if (claim.predicate.unnormalised) predicates.set(claim.predicate.name, claim.predicate);
  }
  return {
    entities: kb.entities,
    lexiconEntities: kb.lexiconEntities,
    memberships: kb.memberships,
    works: kb.works,
    predicates,
  };
}

/** A document's section: its description graph and the nanopublications of its claims. */
export function documentQuads(doc: DocumentClaims, iris: Iris): Quad[] {
  const w = new GraphWriter(iris.graph(doc.document.id));
  writeDocument(w, doc, iris);
  for (const claim of doc.claims) writeClaim(w, doc, claim, iris);
  return sortQuads(w.quads);
}

export function sharedQuads(shared: SharedData, iris: Iris): Quad[] {
  const w = new GraphWriter(iris.graph("shared"));
  writeShared(w, shared, iris);
  return sortQuads(w.quads);
}

function term(iris: Iris, t: Term): Quad_Object {
  return t.kind === "literal" ? literal(t.value) : iris.node(t);
}

function writeShared(w: GraphWriter, shared: SharedData, iris: Iris): void {
  for (const entity of shared.entities.values()) writeEntity(w, entity, iris, shared);
  for (const m of shared.memberships) {
    w.add(
      iris.entity(m.member.id),
      m.relation === "memberOf" ? CG.memberOf : CG.exampleMember,
      iris.entity(m.group.id),
    );
  }
  for (const work of shared.works) writeWork(w, work, iris);
  for (const predicate of shared.predicates.values()) {
    const p = iris.predicate(predicate);
    w.add(p, RDF.type, RDF.Property);
    w.add(p, RDFS.label, predicate.label);
    w.add(p, CG.unnormalised, true);
  }
}

function writeEntity(w: GraphWriter, entity: EntityTerm, iris: Iris, shared: SharedData): void {
  const node = iris.entity(entity.id);
  w.add(node, RDF.type, CG.Entity);
  w.add(node, RDF.type, CG[entity.type]);
  w.add(node, RDFS.label, entity.label);
  if (entity.unnormalised) w.add(node, CG.unnormalised, true);
  const record = shared.lexiconEntities.get(entity.id);
  if (!record) return;
  w.addAll(node, SKOS.altLabel, record.synonyms);
  if (record.broader) w.add(node, CG.memberOf, iris.entity(record.broader));
  writeIdentifiers(w, node, record.identifiers, iris);
}

/** An identifier as written: a record row's, or one a document states (confidence "stated"). */
type WrittenIdentifier = Omit<IdentifierRecord, "confidence"> & {
  readonly confidence: IdentifierRecord["confidence"] | "stated";
};

/**
 * Identifier nodes: a record row's (`identifiers.tsv`, cg:PublicRecord) and those a document
 * states (cg:StatedByDocument, confidence "stated", unverified); one node when both give it.
 */
function writeIdentifiers(
  w: GraphWriter,
  owner: NamedNode,
  list: readonly WrittenIdentifier[],
  iris: Iris,
  stated: ReadonlySet<string> = new Set(),
): void {
  for (const id of list) {
    const node = iris.identifier(owner, id.scheme, id.id);
    w.add(owner, CG.identifier, node);
    w.add(node, RDF.type, CG.Identifier);
    w.add(node, CG.scheme, id.scheme);
    w.add(node, CG.localId, id.id);
    w.add(
      node,
      DCTERMS.identifier,
      id.id.toLowerCase().startsWith(`${id.scheme.toLowerCase()}:`)
        ? id.id
        : `${id.scheme}:${id.id}`,
    );
    w.add(node, CG.confidence, id.confidence);
    w.add(node, CG.unverified, id.confidence !== "confirmed");
    if (id.confidence !== "stated") {
      w.add(node, CG.identifierSource, CG.PublicRecord);
      w.add(node, CG.recordSource, id.source === "" ? undefined : id.source);
    }
    if (stated.has(identifierKey(id))) w.add(node, CG.identifierSource, CG.StatedByDocument);
    const seeAlso = id.scheme === "url" && /^https?:\/\//.test(id.id) ? toIri(id.id) : undefined;
    if (seeAlso) w.add(node, RDFS.seeAlso, DataFactory.namedNode(seeAlso));
  }
}

function writeWork(w: GraphWriter, work: Work, iris: Iris): void {
  const node = iris.work(work.key);
  w.add(node, RDF.type, FABIO.Work);
  w.add(node, DCTERMS.title, work.title);
  w.add(node, CG.evidenceType, CG[work.evidenceType]);
  w.add(node, CG.evidenceTypeRule, work.evidenceRule);
  const checked = work.identifiers.filter((i) => i.scheme !== "title");
  const known = new Set(checked.map(identifierKey));
  // What the document states and no record gives is kept as stated: unverified, no source.
  const statedOnly = work.statedIdentifiers
    .filter((i) => !known.has(identifierKey(i)))
    .map((i) => ({ scheme: i.scheme, id: i.id, confidence: "stated" as const, source: "" }));
  const all = [...checked, ...statedOnly];
  writeIdentifiers(w, node, all, iris, new Set(work.statedIdentifiers.map(identifierKey)));
  // bibo:pmid and bibo:doi name what a record confirms or the document states; a "likely"
  // row, read nowhere, does not.
  for (const id of all) {
    if (id.confidence === "likely") continue;
    if (id.scheme === "pmid") w.add(node, BIBO.pmid, id.id);
    if (id.scheme === "doi") w.add(node, BIBO.doi, id.id);
  }
}

function writeDocument(w: GraphWriter, doc: DocumentClaims, iris: Iris): void {
  const { document } = doc;
  const node = iris.document(document.id);
  const h = document.header;
  w.add(node, RDF.type, CG.SourceDocument);
  w.add(node, RDF.type, PROV.Entity);
  w.add(node, DCTERMS.title, h.title?.value ?? document.id);
  w.add(node, DCTERMS.creator, h.author?.value);
  w.add(node, DCTERMS.date, h.date?.value);
  w.add(node, DCTERMS.publisher, h.publisher?.value);
  w.add(node, CG.fileName, document.source.file.split(/[\\/]/).at(-1));
  w.add(node, CG.sha256, document.sha256);
  w.add(node, CNT.chars, document.source.text);
  w.add(node, CG.genre, CG[doc.genre]);
  // The address as a document wrote it may hold characters no IRI may (quotes, braces, bidi
  // controls): they are percent-encoded, so every reader takes the exports.
  const address = h.address ? toIri(h.address.value) : undefined;
  if (address) w.add(node, CG.canonicalAddress, DataFactory.namedNode(address));
  if (doc.focus) w.add(node, CG.compoundFocus, iris.entity(doc.focus.id));
  w.add(node, CG.catalogNumber, h.catalogNumber?.value);

  for (const ref of doc.references) {
    const r = iris.reference(document.id, ref.number);
    w.add(r, RDF.type, CG.Reference);
    w.add(r, RDFS.label, `[${ref.number}] ${ref.titleAsGiven}`);
    w.add(r, CG.referenceNumber, ref.number);
    w.add(r, CG.titleAsGiven, ref.titleAsGiven);
    w.add(r, CG.titleTruncated, ref.truncated);
    w.add(r, CG.host, ref.host);
    if (ref.locator !== undefined && ref.locator !== ref.host)
      w.add(r, CG.locatorAsGiven, ref.locator);
    w.add(r, CG.refersTo, iris.work(ref.workKey));
    w.add(r, CG.inDocument, node);
    w.add(r, CG.line, document.source.position(ref.span.start).line);
  }
  for (const table of document.tables) {
    const t = iris.table(document.id, table.index);
    w.add(t, RDF.type, CG.Table);
    w.add(t, CG.tableIndex, table.index);
    w.add(
      t,
      RDFS.label,
      `Table ${table.index}: ${table.header.map((c) => c.display.text).join(" | ")}`,
    );
    w.add(t, PROV.wasDerivedFrom, node);
    w.add(t, CG.inSection, table.section?.title);
    w.add(t, CG.line, document.source.position(table.span.start).line);
  }
  for (const study of doc.studies) writeStudy(w, doc, study, iris);
  for (const d of doc.discrepancies) {
    const n = iris.discrepancy(document.id, d.scheme);
    w.add(node, CG.hasDiscrepancy, n);
    w.add(n, RDF.type, CG.Discrepancy);
    w.add(n, CG.aboutClaim, iris.claim(d.claimId));
    w.add(n, CG.statedValue, d.statedValue);
    w.addAll(n, CG.publicRecordValue, d.publicValues);
    w.addAll(n, CG.recordSource, d.sources);
    w.add(
      n,
      RDFS.comment,
      `The document gives ${d.scheme.toUpperCase()} ${d.statedValue}; public records give ${d.publicValues.join(", ")}.`,
    );
  }
}

function writeStudy(w: GraphWriter, doc: DocumentClaims, study: Study, iris: Iris): void {
  const s = iris.study(study.id);
  const source = doc.document.source;
  w.add(s, RDF.type, CG.Study);
  w.add(s, RDFS.label, study.label);
  w.add(s, PROV.wasDerivedFrom, iris.document(study.documentId));
  w.add(s, CG.line, source.position(study.quote.start).line);
  writeCitations(w, s, study.citations, doc, iris);
  w.addAll(s, CG.design, study.design);
  w.addAll(s, CG.species, study.species);
  w.addAll(s, CG.strain, study.strain);
  w.addAll(s, CG.sex, study.sex);
  w.addAll(s, CG.cellLine, study.cellLines);
  w.addAll(
    s,
    CG.model,
    study.models.map((m) => iris.entity(m.id)),
  );
  w.add(s, CG.duration, study.duration);
  w.add(s, CG.followUp, study.followUp);
  w.add(s, CG.totalSampleSize, study.totalSampleSize);
  w.addAll(s, CG.timePoint, study.timePoints);
  w.addAll(s, CG.measure, study.measures);
  w.addAll(
    s,
    CG.supportsClaim,
    study.supports.map((id) => iris.claim(id)),
  );
  for (const arm of study.arms) {
    const a = iris.arm(study.id, arm.label);
    w.add(s, CG.arm, a);
    w.add(a, RDF.type, CG.StudyArm);
    w.add(a, RDFS.label, arm.label);
    if (arm.intervention) w.add(a, CG.intervention, iris.entity(arm.intervention.id));
    w.add(a, CG.sampleSize, arm.sampleSize);
    if (arm.dose) w.add(a, CG.dose, literal(arm.dose, XSD.decimal));
    if (arm.doseMax) w.add(a, CG.doseMax, literal(arm.doseMax, XSD.decimal));
    if (arm.doseApproximate) w.add(a, CG.doseApproximate, true);
    w.add(a, CG.doseUnit, arm.doseUnit);
    w.add(a, CG.route, arm.route);
    w.add(a, CG.schedule, arm.schedule);
  }
}

function writeClaim(w: GraphWriter, doc: DocumentClaims, claim: Claim, iris: Iris): void {
  const { document } = doc;
  const source = document.source;
  const np = iris.nanopub(claim.id);
  const assertion = iris.nanopub(claim.id, "assertion");
  const provenance = iris.nanopub(claim.id, "provenance");
  const pubinfo = iris.nanopub(claim.id, "pubinfo");
  const docNode = iris.document(document.id);
  const c = iris.claim(claim.id);
  const quoteNode = iris.claim(claim.id, "quote");

  w.in(iris.nanopub(claim.id, "head"));
  w.add(np, RDF.type, NP.Nanopublication);
  w.add(np, NP.hasAssertion, assertion);
  w.add(np, NP.hasProvenance, provenance);
  w.add(np, NP.hasPublicationInfo, pubinfo);

  w.in(assertion);
  writeAssertion(w, claim, iris);

  w.in(provenance);
  w.add(assertion, PROV.wasDerivedFrom, quoteNode);
  w.add(assertion, PROV.wasQuotedFrom, docNode);
  w.addAll(assertion, CITO.citesAsEvidence, citedWorks(claim.citations, doc, iris));
  w.add(c, RDF.type, CG.Claim);
  w.add(c, RDF.type, CLAIM_CLASS[claim.kind]);
  w.add(c, RDF.subject, term(iris, claim.subject));
  w.add(c, RDF.predicate, iris.predicate(claim.predicate));
  w.add(c, RDF.object, term(iris, claim.object));
  w.add(c, CG.displayText, claim.text);
  w.add(c, PROV.wasDerivedFrom, docNode);
  w.add(c, CG.quote, quoteNode);
  w.add(c, CG.inSection, claim.section);
  const start = source.position(claim.quote.start);
  const end = source.position(claim.quote.end);
  w.add(c, CG.line, start.line);
  w.add(c, CG.column, start.column);
  w.add(c, CG.endLine, end.line);
  w.add(c, CG.endColumn, end.column);
  w.add(c, CG.uncited, claim.citations.length === 0);
  writeCitations(w, c, claim.citations, doc, iris);
  const unnormalised =
    claim.predicate.unnormalised ||
    [claim.subject, claim.object].some((t) => t.kind === "entity" && t.unnormalised);
  if (unnormalised) w.add(c, CG.unnormalised, true);
  w.add(c, CG.value, claim.value);
  w.add(c, CG.qualifierText, claim.qualifier);
  w.addAll(
    c,
    CG.mentions,
    claim.mentions.map((m) => iris.entity(m.id)),
  );
  w.add(c, RDFS.comment, claim.note);
  writeReading(w, c, claim, iris);
  w.add(c, CG.cue, claim.cue);
  w.add(c, CG.curationReason, claim.curationReason);
  if (claim.table) {
    w.add(c, CG.inTable, iris.table(document.id, claim.table.table));
    w.add(c, CG.rowLabel, claim.table.rowLabel);
    w.add(c, CG.rowIndex, claim.table.rowIndex);
    w.add(c, CG.columnLabel, claim.table.columnLabel);
    w.add(c, CG.columnIndex, claim.table.columnIndex);
  }
  for (const study of doc.studies)
    if (study.supports.includes(claim.id)) w.add(c, CG.study, iris.study(study.id));
  const cmp = claim.comparison;
  if (cmp) {
    w.add(c, CG.armA, iris.entity(cmp.armA.id));
    w.add(c, CG.armB, iris.entity(cmp.armB.id));
    w.add(c, CG.condition, iris.entity(cmp.condition.id));
    if (cmp.outcome) w.add(c, CG.outcome, iris.entity(cmp.outcome.id));
    w.add(c, CG.direction, CG[cmp.direction]);
    if (cmp.favours) w.add(c, CG.favours, iris.entity(cmp.favours.id));
    w.addAll(
      c,
      CG.armResult,
      cmp.armResults.map((id) => iris.claim(id)),
    );
    if (cmp.evidence) w.add(c, CG.evidence, iris.claim(cmp.evidence));
  }

  const text = source.text;
  const tqs = iris.claim(claim.id, "tqs");
  const tps = iris.claim(claim.id, "tps");
  w.add(quoteNode, RDF.type, OA.SpecificResource);
  w.add(quoteNode, OA.hasSource, docNode);
  w.add(quoteNode, OA.hasSelector, tqs);
  w.add(quoteNode, OA.hasSelector, tps);
  w.add(tqs, RDF.type, OA.TextQuoteSelector);
  w.add(tqs, OA.exact, text.slice(claim.quote.start, claim.quote.end));
  w.add(tqs, OA.prefix, text.slice(Math.max(0, claim.quote.start - CONTEXT), claim.quote.start));
  w.add(tqs, OA.suffix, text.slice(claim.quote.end, claim.quote.end + CONTEXT));
  w.add(tps, RDF.type, OA.TextPositionSelector);
  w.add(tps, OA.start, nonNegative(source.codePointOffset(claim.quote.start)));
  w.add(tps, OA.end, nonNegative(source.codePointOffset(claim.quote.end)));

  w.in(pubinfo);
  w.add(np, PROV.wasDerivedFrom, docNode);
  w.add(np, CG.generatedBy, GENERATOR);
  w.in(iris.graph("shared"));
}

/**
 * A claim or study cites the works (cito:citesAsEvidence) its markers point to, through the
 * document's reference entries (cg:viaReference): `[4] [5]`, one work listed twice, cite it once.
 */
function writeCitations(
  w: GraphWriter,
  node: NamedNode,
  numbers: readonly number[],
  doc: DocumentClaims,
  iris: Iris,
): void {
  w.addAll(node, CITO.citesAsEvidence, citedWorks(numbers, doc, iris));
  w.addAll(
    node,
    CG.viaReference,
    numbers.map((n) => iris.reference(doc.document.id, n)),
  );
}

function citedWorks(numbers: readonly number[], doc: DocumentClaims, iris: Iris): NamedNode[] {
  const keys = new Set<string>();
  for (const n of numbers) {
    const key = doc.references.find((r) => r.number === n)?.workKey;
    if (key !== undefined) keys.add(key);
  }
  return [...keys].map((k) => iris.work(k));
}

/** Sorts quads by graph, subject, predicate and object (N-Quads order) and drops duplicates. */
export function sortQuads(quads: readonly Quad[]): Quad[] {
  const keyed = quads.map((q) => [quadKey(q), q] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Quad[] = [];
  let last = "";
  for (const [key, q] of keyed) {
    if (key === last) continue;
    out.push(q);
    last = key;
  }
  return out;
}

function quadKey(q: Quad): string {
  return `${termKey(q.graph)}\u0001${termKey(q.subject)}\u0001${termKey(q.predicate)}\u0001${termKey(q.object)}`;
}

function termKey(t: Quad["object"] | Quad["graph"]): string {
  if (t.termType === "Literal") return `"${t.value}"^^${t.datatype.value}@${t.language}`;
  return t.value;
}
