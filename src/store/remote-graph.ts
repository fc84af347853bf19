/**
 * `remoteGraph`: the part of a remote store's knowledge base one trace query needs, as a
 * `KnowledgeGraph`, so `trace(kg, query)` answers on it as it would on the whole knowledge
 * base loaded locally.
 *
 * It follows trace's own order of resolution (`resolve` in src/graph/resolve.ts): first it
 * reads what the store holds exactly as the query writes it (remote-candidates.ts: one query
 * of index lookups), and when trace answers with none of it, every node that could answer
 * before free text — the query as an IRI, the references
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
import { graphFromQuads } from "../graph/from-quads.ts";
import { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { type Resolved, resolve } from "../graph/resolve.ts";
import { DEFAULT_BASE_IRI, kbPrefixes } from "../rdf/vocab/namespaces.ts";
import { CG, CITO, DCTERMS, OA, PREFIXES, PROV, RDF, RDFS, SKOS } from "../rdf/vocab/vocabulary.ts";
import type { TraceGraph, TraceWindow } from "../sparql/questions.ts";
import type { Credentials } from "./http.ts";
import {
  answerCandidates,
  exactCandidates,
  IS_ENTITY,
  iriOf,
  mayHoldWord,
  searchWords,
  unbracketed,
} from "./remote-candidates.ts";
import { entityPage } from "./remote-entity-page.ts";
import { type ReaderLimits, RemoteReader } from "./remote-reader.ts";
import { restingPage } from "./remote-resting-page.ts";
import { type RemoteOptions, SparqlClient, sparqlIri, sparqlString } from "./sparql-client.ts";

export { MAX_SEARCH_WORD, MAX_SEARCH_WORDS } from "./remote-candidates.ts";

export interface RemoteGraphOptions extends RemoteOptions, ReaderLimits {}

/** The longest text `trace --endpoint` takes (a name, an identifier, an IRI, a paragraph). */
export const MAX_REMOTE_QUERY = 8192;
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

/**
 * The links trace's graph has from a node into another (see graphFromQuads), as a UNION of
 * one branch per link (`?x` links to `?t`): a branch with its predicate written in it is an
 * index lookup in every store (with the link a variable, Virtuoso took 6.6 s instead of 1 s
 * over a work's thousand citing claims).
 */
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
  .map((t) => `{ ?x ${sparqlIri(t.value)} ?t }`)
  .join(" UNION ");

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
  const reader = readerFor(endpoint, query, auth, options);
  const { found, kg } = await resolveAt(reader, query);
  const iri = iriOf(query);
  await readAnswer(reader, found, kg.node(iri)?.kind, iri, query);
  return graphOf(reader);
}

/**
 * What one page (`window`) of trace's answer needs: as `remoteGraph`, but for an entity, a
 * work or references only the page's claims, with the counts of the rest counted at the store
 * (remote-entity-page.ts, remote-resting-page.ts).
 */
export async function remoteTraceGraph(
  endpoint: string,
  query: string,
  window: TraceWindow,
  auth?: Credentials,
  options: RemoteGraphOptions = {},
): Promise<TraceGraph> {
  const reader = readerFor(endpoint, query, auth, options);
  const { found, kg } = await resolveAt(reader, query);
  if (found.kind === "entity") {
    const page = await entityPage(reader, found.entity, window);
    return { kg: graphOf(reader), entityPage: page };
  }
  if (found.kind === "reference" || found.kind === "work") {
    const page = await restingPage(reader, found, kg, window);
    return { kg: graphOf(reader), restingPage: page };
  }
  const iri = iriOf(query);
  await readAnswer(reader, found, kg.node(iri)?.kind, iri, query);
  return { kg: graphOf(reader) };
}

/** A reader of the store at `endpoint`, once `query` is known not too long to send. */
function readerFor(
  endpoint: string,
  query: string,
  auth: Credentials | undefined,
  options: RemoteGraphOptions,
): RemoteReader {
  if ([...query].length > MAX_REMOTE_QUERY)
    throw new UsageError(
      `the text to trace is ${[...query].length} characters long; over a store, trace takes at most ${MAX_REMOTE_QUERY}`,
      "trace a name, an identifier, an IRI or a few words; or trace the whole text on the knowledge-base files (--kb)",
    );
  return new RemoteReader(new SparqlClient(endpoint, auth, options), options);
}

/** What trace answers `query` with, resolved on the candidates read from the store. */
async function resolveAt(
  reader: RemoteReader,
  query: string,
): Promise<{ found: Resolved; kg: KnowledgeGraph }> {
  // What the store holds exactly as written first (index lookups); when trace answers with
  // an entity, reference or work among it, the scans below are not needed.
  await reader.describe(await exactCandidates(reader, query));
  let kg = graphOf(reader);
  let found = resolve(kg, query);
  if (!ANSWERED_EXACTLY.has(found.kind) && !namedByIri(kg, query)) {
    // Everything that could answer before free text, then trace's own choice among it.
    await reader.describe(await answerCandidates(reader, query));
    kg = graphOf(reader);
    found = resolve(kg, query);
  }
  return { found, kg };
}

/** What trace may answer with from exact lookups alone. */
const ANSWERED_EXACTLY: ReadonlySet<string> = new Set(["entity", "reference", "work"]);

/**
 * Whether the query is the IRI of a node read already: trace's first step (`byIri`) answers
 * with it, so nothing a later step would find can change the answer.
 */
function namedByIri(kg: KnowledgeGraph, query: string): boolean {
  const kind = kg.node(iriOf(query))?.kind;
  return kind !== undefined && ANSWERED_BY_IRI.has(kind);
}

/** The kinds of node trace answers with when the query is its IRI (`byIri` in resolve.ts). */
const ANSWERED_BY_IRI: ReadonlySet<string> = new Set([
  "claim",
  "entity",
  "reference",
  "work",
  "study",
  "document",
]);

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

function graphOf(reader: RemoteReader): KnowledgeGraph {
  return new KnowledgeGraph(graphFromQuads(reader.triples()));
}

/**
 * Claims whose subject, predicate or object may hold every word (trace's free-text search):
 * a literal or a name of the node holds it as a whole word (`mayHoldWord`), or, for a node
 * without a name, its IRI holds its letters (trace names such a node from its IRI or from the
 * vocabulary — `vocab:primaryTarget`, "primary target" — and letters anywhere in the IRI are a
 * superset of both).
 */
function freeText(words: readonly string[]): string {
  const prefixes = new Set(Object.keys({ ...PREFIXES, ...kbPrefixes(DEFAULT_BASE_IRI) }));
  const term = (v: string, w: string) =>
    [
      `(isLiteral(${v}) && (${mayHoldWord(`STR(${v})`, w)}))`,
      `EXISTS { ${v} ${NAME_PROPERTIES} ?n . FILTER(${mayHoldWord("STR(?n)", w)}) }`,
      prefixes.has(w)
        ? `isIRI(${v})`
        : `(isIRI(${v}) && CONTAINS(LCASE(STR(${v})), ${sparqlString(w)}) && NOT EXISTS { ${v} ${NAME_PROPERTIES} ?any })`,
      `EXISTS { ${v} ${sparqlIri(CG.quote.value)}/${sparqlIri(OA.hasSelector.value)}/${sparqlIri(OA.exact.value)} ?n . FILTER(${mayHoldWord("STR(?n)", w)}) }`,
    ].join(" || ");
  const filters = words.map(
    (w) => `FILTER(${["?s", "?p", "?o"].map((v) => term(v, w)).join(" || ")})`,
  );
  return `?x a ${sparqlIri(CG.Claim.value)} ; ${sparqlIri(RDF.subject.value)} ?s ; ${sparqlIri(RDF.predicate.value)} ?p ; ${sparqlIri(RDF.object.value)} ?o . ${filters.join(" ")}`;
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
  const inbound = `${INBOUND_LINKS}
    UNION { ?x ${sparqlIri(CG.quote.value)}/${sparqlIri(OA.hasSource.value)} ?t }
    UNION { ?c ${sparqlIri(RDF.object.value)} ?t ; ${sparqlIri(RDF.subject.value)} ?x }`;
  const first = await reader.irisFor([...starts], inbound);
  const second = await reader.irisFor(first, inbound);
  await reader.describe([...first, ...second]);
}
