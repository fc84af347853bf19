/**
 * `remoteGraph`: the part of a remote store's knowledge base one trace query needs, as a
 * `KnowledgeGraph`, so `trace(kg, query)` answers on it as it would on the whole knowledge
 * base loaded locally.
 *
 * It follows trace's own order of resolution (`resolve` in src/graph/resolve.ts): first it
 * reads every node that could answer before free text — the query as an IRI, the references
 * with its number, the owners of a matching identifier, the entities a matching name may
 * belong to (a superset: the exact, accent- and punctuation-blind match runs locally) — and
 * lets `resolve` decide on them. Then it reads what that answer shows: the claims about an
 * entity or mentioning it; the claims resting on a reference's work (trace walks two links
 * back from the work, and so does the read); a claim, a study's or a document's claims; or,
 * for free text, every claim whose subject, predicate or object may hold all the words.
 * Each node is read with what it links to (quote, selectors, citations, references, works,
 * identifiers, studies, arms, documents with their text, predicate labels). Nodes written
 * as blank nodes are not followed: claimgraph never writes them.
 *
 * Every query stays small whatever is traced: a trace query over a store is at most
 * MAX_REMOTE_QUERY characters long; name and free-text reads filter on at most
 * MAX_SEARCH_WORDS of its words (the longest), each cut to MAX_SEARCH_WORD characters, and
 * identifiers on its first MAX_IDENTIFIER characters. That reads a superset of what the
 * whole query matches, and trace, run locally on what was read, keeps exactly the claims,
 * names and identifiers that match it.
 */

import { UsageError } from "../base/errors.ts";
import { normaliseLabel } from "../base/slug.ts";
import { graphFromQuads } from "../graph/from-quads.ts";
import { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { REFERENCE, type Resolved, resolve } from "../graph/resolve.ts";
import { ENTITY_TYPES } from "../lexicon/types.ts";
import { DEFAULT_BASE_IRI, kbPrefixes } from "../rdf/vocab/namespaces.ts";
import {
  BIBO,
  CG,
  CITO,
  DCTERMS,
  OA,
  PREFIXES,
  PROV,
  RDF,
  RDFS,
  SKOS,
} from "../rdf/vocab/vocabulary.ts";
import type { Credentials } from "./http.ts";
import { type ReaderLimits, RemoteReader } from "./remote-reader.ts";
import {
  isQueryableIri,
  type RemoteOptions,
  SparqlClient,
  sparqlIri,
  sparqlString,
} from "./sparql-client.ts";

export interface RemoteGraphOptions extends RemoteOptions, ReaderLimits {}

/** The longest text `trace --endpoint` takes (a name, an identifier, an IRI, a paragraph). */
export const MAX_REMOTE_QUERY = 8192;
/** The characters of the text an identifier read compares (the rest is compared locally). */
const MAX_IDENTIFIER = 256;
/** The most words, and the longest piece of one, a name or free-text read filters on. */
export const MAX_SEARCH_WORDS = 8;
export const MAX_SEARCH_WORD = 64;

/** The entity-typed `?x`. */
const IS_ENTITY = `?x a ?type . VALUES ?type { ${["Entity" as const, ...ENTITY_TYPES].map((t) => sparqlIri(CG[t].value)).join(" ")} }`;

/** The properties a node's name (its label in trace's answers and search) is read from. */
const NAME_PROPERTIES = [
  RDFS.label,
  SKOS.altLabel,
  DCTERMS.title,
  CG.displayText,
  CG.titleAsGiven,
  CG.referenceNumber,
]
  .map((t) => sparqlIri(t.value))
  .join("|");

/** The links trace's graph has from a node into another (see graphFromQuads). */
const INBOUND_LINKS = [
  RDF.subject,
  RDF.object,
  CITO.citesAsEvidence,
  CG.viaReference,
  CG.mentions,
  CG.study,
  PROV.wasDerivedFrom,
  CG.refersTo,
  CG.inDocument,
  CG.supportsClaim,
  CG.memberOf,
]
  .map((t) => sparqlIri(t.value))
  .join(" ");

/** The claims a study supports, a document's claims, and the claims about an entity (`?t`). */
const SUPPORTED_BY = `?t ${sparqlIri(CG.supportsClaim.value)} ?x .`;
const CLAIMS_OF_DOCUMENT = `?x a ${sparqlIri(CG.Claim.value)} . { ?x ${sparqlIri(PROV.wasDerivedFrom.value)} ?t } UNION { ?x ${sparqlIri(CG.quote.value)}/${sparqlIri(OA.hasSource.value)} ?t }`;
const CLAIMS_ABOUT = `?x a ${sparqlIri(CG.Claim.value)} . { ?x ${sparqlIri(RDF.subject.value)} ?t } UNION { ?x ${sparqlIri(RDF.object.value)} ?t } UNION { ?x ${sparqlIri(CG.mentions.value)} ?t }`;

export async function remoteGraph(
  endpoint: string,
  query: string,
  auth?: Credentials,
  options: RemoteGraphOptions = {},
): Promise<KnowledgeGraph> {
  if ([...query].length > MAX_REMOTE_QUERY)
    throw new UsageError(
      `the text to trace is ${[...query].length} characters long; over a store, trace takes at most ${MAX_REMOTE_QUERY}`,
      "trace a name, an identifier, an IRI or a few words; or trace the whole text on the knowledge-base files (--kb)",
    );
  const reader = new RemoteReader(new SparqlClient(endpoint, auth, options), options);
  const iri = iriOf(query);
  // Everything that could answer before free text, then trace's own choice among it.
  await reader.describe(await answerCandidates(reader, query));
  const kg = graphOf(reader);
  await readAnswer(reader, resolve(kg, query), kg.node(iri)?.kind, iri, query);
  return graphOf(reader);
}

/** The query read as an IRI (expanded from a prefixed name), as trace reads it. */
function iriOf(query: string): string {
  return new KnowledgeGraph(graphFromQuads([])).expand(unbracketed(query));
}

/** The nodes that could answer `query` before free text: the IRI, numbered references, identifiers' owners, named entities. */
export async function answerCandidates(reader: RemoteReader, query: string): Promise<string[]> {
  const q = unbracketed(query);
  const iri = iriOf(query);
  return [
    ...(isQueryableIri(iri) ? [iri] : []),
    ...(await referencesNumbered(reader, q)),
    ...(await identifierOwners(reader, q)),
    ...(await entitiesNamed(reader, q)),
  ];
}

/** Reads what trace's answer `r` shows (`kind`: what the query's IRI names, if anything). */
async function readAnswer(
  reader: RemoteReader,
  r: Resolved,
  kind: string | undefined,
  iri: string,
  query: string,
): Promise<void> {
  if (r.kind === "claim" && kind === "study")
    return reader.describe(await reader.irisFor([iri], SUPPORTED_BY));
  if (r.kind === "claim" && kind === "document")
    return reader.describe(await reader.irisFor([iri], CLAIMS_OF_DOCUMENT));
  // A claim named by its IRI is read already.
  if (r.kind === "claim" && kind === "claim") return;
  if (r.kind === "entity") return reader.describe(await reader.irisFor([r.entity], CLAIMS_ABOUT));
  if (r.kind === "reference") return restingOn(reader, r.references, []);
  if (r.kind === "work") return restingOn(reader, [], [r.work]);
  return readFreeText(reader, query);
}

/** The claims free text may match; every entity when nothing matches (for suggestions). */
async function readFreeText(reader: RemoteReader, query: string): Promise<void> {
  const words = searchWords(unbracketed(query));
  if (words.length > 0) await reader.describe(await reader.iris(freeText(words)));
  // No answer: trace suggests the nearest entity names, so it needs every one.
  if (resolve(graphOf(reader), query).kind === "none")
    await reader.describe(await reader.iris(IS_ENTITY));
}

/** The query as trace reads it: trimmed, an IRI out of its angle brackets. */
function unbracketed(query: string): string {
  return query.trim().replace(/^<(.*)>$/, "$1");
}

function graphOf(reader: RemoteReader): KnowledgeGraph {
  return new KnowledgeGraph(graphFromQuads(reader.triples()));
}

async function referencesNumbered(reader: RemoteReader, q: string): Promise<string[]> {
  const m = REFERENCE.exec(q);
  if (!m) return [];
  const n = Number(m[2]);
  return reader.iris(
    `?x a ${sparqlIri(CG.Reference.value)} ; ${sparqlIri(CG.referenceNumber.value)} ?n . FILTER(?n = ${n} || STR(?n) = "${n}")`,
  );
}

/** Works and entities with an identifier trace would match `q` to (pmid:…, doi:…, the bare id). */
async function identifierOwners(reader: RemoteReader, q: string): Promise<string[]> {
  // A long text is matched on its first MAX_IDENTIFIER characters (a superset: trace keeps
  // the exact match), so the query does not repeat the whole text seven times.
  const lower = q.toLowerCase();
  const long = [...lower].length > MAX_IDENTIFIER;
  const key = sparqlString(long ? [...lower].slice(0, MAX_IDENTIFIER).join("") : lower);
  const is = (v: string) => (long ? `STRSTARTS(${v}, ${key})` : `${v} = ${key}`);
  const s = (v: string) => `COALESCE(STR(${v}), "")`;
  const identifier = `?x ${sparqlIri(CG.identifier.value)} ?i .
    OPTIONAL { ?i ${sparqlIri(CG.scheme.value)} ?scheme } OPTIONAL { ?i ${sparqlIri(CG.localId.value)} ?id }
    OPTIONAL { ?i ${sparqlIri(DCTERMS.identifier.value)} ?curie }
    FILTER(${is(`LCASE(${s("?curie")})`)} || ${is(`LCASE(${s("?id")})`)} || ${is(`LCASE(CONCAT(${s("?scheme")}, ":", ${s("?id")}))`)} || ${nonAscii(`CONCAT(${s("?curie")}, ${s("?id")}, ${s("?scheme")})`)})`;
  const bibo = (p: string, scheme: string) =>
    `?x ${sparqlIri(p)} ?id . FILTER(${is("LCASE(STR(?id))")} || ${is(`CONCAT("${scheme}:", LCASE(STR(?id)))`)} || ${nonAscii("STR(?id)")})`;
  return reader.iris(
    `{ ${identifier} } UNION { ${bibo(BIBO.pmid.value, "pmid")} } UNION { ${bibo(BIBO.doi.value, "doi")} }`,
  );
}

/** Entities with a label or synonym that may normalise to the query's normal form. */
async function entitiesNamed(reader: RemoteReader, q: string): Promise<string[]> {
  const words = searchWords(q);
  const name = `STR(?name)`;
  const test =
    words.length === 0
      ? `!REGEX(${name}, "[A-Za-z0-9]")`
      : words.map((w) => `(${mayHold(name, w)})`).join(" && ");
  return reader.iris(
    `${IS_ENTITY} ?x ${sparqlIri(RDFS.label.value)}|${sparqlIri(SKOS.altLabel.value)} ?name . FILTER(${test})`,
  );
}

/**
 * The words a read filters on: the query's distinct normalised words, the longest first (the
 * most selective), at most MAX_SEARCH_WORDS, each cut to MAX_SEARCH_WORD characters. A
 * string holding every word of the query holds each of these.
 */
function searchWords(q: string): string[] {
  const words = [...new Set(normaliseLabel(q).split(" "))].filter((w) => w !== "");
  return words
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_SEARCH_WORDS)
    .map((w) => [...w].slice(0, MAX_SEARCH_WORD).join(""));
}

/**
 * Claims whose subject, predicate or object may hold every word (trace's free-text search):
 * a literal or a name of the node holds the word, or the IRI does (trace falls back on
 * names made from IRIs).
 */
function freeText(words: readonly string[]): string {
  const prefixes = new Set(Object.keys({ ...PREFIXES, ...kbPrefixes(DEFAULT_BASE_IRI) }));
  const term = (v: string, w: string) =>
    [
      `(isLiteral(${v}) && (${mayHold(`STR(${v})`, w)}))`,
      prefixes.has(w)
        ? `isIRI(${v})`
        : `(isIRI(${v}) && CONTAINS(LCASE(STR(${v})), ${sparqlString(w)}))`,
      `EXISTS { ${v} ${NAME_PROPERTIES} ?n . FILTER(${mayHold("STR(?n)", w)}) }`,
      `EXISTS { ${v} ${sparqlIri(CG.quote.value)}/${sparqlIri(OA.hasSelector.value)}/${sparqlIri(OA.exact.value)} ?n . FILTER(${mayHold("STR(?n)", w)}) }`,
    ].join(" || ");
  const filters = words.map(
    (w) => `FILTER(${["?s", "?p", "?o"].map((v) => term(v, w)).join(" || ")})`,
  );
  return `?x a ${sparqlIri(CG.Claim.value)} ; ${sparqlIri(RDF.subject.value)} ?s ; ${sparqlIri(RDF.predicate.value)} ?p ; ${sparqlIri(RDF.object.value)} ?o . ${filters.join(" ")}`;
}

/**
 * Whether a string may hold `word` once normalised (case-, accent- and punctuation-blind):
 * it holds it case-blind, or it has a character outside printable ASCII (which may fold to
 * it, like é to e): a superset, made exact by trace itself.
 */
function mayHold(value: string, word: string): string {
  return /^[\x20-\x7e]*$/.test(word)
    ? `CONTAINS(LCASE(${value}), ${sparqlString(word)}) || ${nonAscii(value)}`
    : nonAscii(value);
}

function nonAscii(value: string): string {
  return `REGEX(${value}, "[^ -~]")`;
}

/**
 * The claims resting on references: trace walks back two links from each reference's work
 * (or from the reference when its work is not known), so read what lies within two links,
 * and every reference of those works (trace lists the other numbers of the same work).
 */
async function restingOn(
  reader: RemoteReader,
  references: readonly string[],
  works: readonly string[],
): Promise<void> {
  const refersTo = `?x a ${sparqlIri(CG.Reference.value)} ; ${sparqlIri(CG.refersTo.value)} ?t .`;
  let kg = graphOf(reader);
  const knownWorks = new Set(works);
  for (const ref of references) {
    const w = kg.reference(ref)?.work;
    if (w) knownWorks.add(w);
  }
  await reader.describe(await reader.irisFor([...knownWorks], refersTo));
  kg = graphOf(reader);
  const starts = new Set<string>([...knownWorks].filter((w) => kg.work(w)));
  for (const ref of references) {
    const w = kg.reference(ref)?.work;
    if (!w || !kg.work(w)) starts.add(ref);
  }
  const inbound = `{ ?x ?link ?t . VALUES ?link { ${INBOUND_LINKS} } }
    UNION { ?x ${sparqlIri(CG.quote.value)}/${sparqlIri(OA.hasSource.value)} ?t }
    UNION { ?c ${sparqlIri(RDF.object.value)} ?t ; ${sparqlIri(RDF.subject.value)} ?x }`;
  const first = await reader.irisFor([...starts], inbound);
  const second = await reader.irisFor(first, inbound);
  await reader.describe([...first, ...second]);
}
