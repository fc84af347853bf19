/**
 * The nodes a trace query may name, read from a remote store (see remote-graph.ts): first
 * what the store holds exactly as written (`exactCandidates`: index lookups, one query, so
 * its cost does not grow with the store), then, when trace answers with none of it,
 * everything that could answer before free text (`answerCandidates`: the query as an IRI,
 * numbered references, identifiers' owners and entity names compared case-, accent- and
 * punctuation-blind, which scans the names and identifiers of the store).
 */
import { normaliseLabel } from "../base/slug.ts";
import { graphFromQuads } from "../graph/from-quads.ts";
import { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { REFERENCE } from "../graph/resolve.ts";
import { ENTITY_TYPES } from "../lexicon/types.ts";
import { BIBO, CG, DCTERMS, RDFS, SKOS } from "../rdf/vocab/vocabulary.ts";
import type { RemoteReader } from "./remote-reader.ts";
import { isQueryableIri, sparqlIri, sparqlString } from "./sparql-client.ts";

/** The characters of the text an identifier read compares (the rest is compared locally). */
export const MAX_IDENTIFIER = 256;
/** The most words, and the longest piece of one, a name or free-text read filters on. */
export const MAX_SEARCH_WORDS = 8;
export const MAX_SEARCH_WORD = 64;

/** The most nodes the exact lookup takes; more (a name thousands of nodes share) go to the full lookup. */
const MAX_EXACT = 1000;

/** The entity-typed `?x`. */
export const IS_ENTITY = `?x a ?type . VALUES ?type { ${["Entity" as const, ...ENTITY_TYPES].map((t) => sparqlIri(CG[t].value)).join(" ")} }`;

/**
 * The nodes the query names exactly, found by index in one query: the query as an IRI,
 * entities (only they answer by name) with the query as a name or synonym, works and
 * entities with it as an identifier (a CURIE, a local id, a PMID or DOI), each written as
 * typed, in lower case, in upper case and capitalised. A numbered reference ("[2]") is left to `answerCandidates`.
 */
export async function exactCandidates(reader: RemoteReader, query: string): Promise<string[]> {
  const q = unbracketed(query);
  const iri = iriOf(query);
  const own = isQueryableIri(iri) ? [iri] : [];
  if (REFERENCE.test(q) || q === "" || [...q].length > MAX_IDENTIFIER) return own;
  const lower = q.toLowerCase();
  const local = q.includes(":") ? q.slice(q.indexOf(":") + 1) : q;
  const spellings = new Set(
    [q, lower, q.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1), local].map(
      sparqlString,
    ),
  );
  // Names answer only for entities (trace's `byName`): a study arm or a claim labelled with a
  // drug's name, thousands at scale, would fill the lookup and send trace to the full one.
  const names = [RDFS.label, SKOS.altLabel];
  const direct = [BIBO.pmid, BIBO.doi];
  const viaIdentifier = [DCTERMS.identifier, CG.localId];
  const branches = [...spellings].flatMap((s) => [
    ...names.map((p) => `{ ?x ${sparqlIri(p.value)} ${s} . ${IS_ENTITY} }`),
    ...direct.map((p) => `{ ?x ${sparqlIri(p.value)} ${s} }`),
    ...viaIdentifier.map(
      (p) => `{ ?x ${sparqlIri(CG.identifier.value)} ?i . ?i ${sparqlIri(p.value)} ${s} }`,
    ),
  ]);
  const { iris, rows } = await reader.bound(
    `SELECT DISTINCT ?x WHERE { ${branches.join(" UNION ")} FILTER(isIRI(?x)) } LIMIT ${MAX_EXACT}`,
    ["x"],
  );
  // A full answer may not be all: leave the choice to the full lookup, which pages.
  return rows >= MAX_EXACT ? own : [...own, ...iris];
}

/** The query read as an IRI (expanded from a prefixed name), as trace reads it. */
export function iriOf(query: string): string {
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

/** The query as trace reads it: trimmed, an IRI out of its angle brackets. */
export function unbracketed(query: string): string {
  return query.trim().replace(/^<(.*)>$/, "$1");
}

/**
 * The references numbered as `q` says ("[2]"); of the document it names ("doc-id[2]"), whose
 * IRI ends in "/doc-id" as trace matches it, chosen at the store: reference 2 of ten thousand
 * documents is ten thousand references to read, of which trace keeps one.
 */
async function referencesNumbered(reader: RemoteReader, q: string): Promise<string[]> {
  const m = REFERENCE.exec(q);
  if (!m) return [];
  const n = Number(m[2]);
  const inDocument = m[1]
    ? `?x ${sparqlIri(CG.inDocument.value)} ?d . FILTER(STRENDS(STR(?d), ${sparqlString(`/${m[1]}`)}))`
    : "";
  return reader.iris(
    `?x a ${sparqlIri(CG.Reference.value)} ; ${sparqlIri(CG.referenceNumber.value)} ?n . FILTER(?n = ${n} || STR(?n) = "${n}") ${inDocument}`,
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
export function searchWords(q: string): string[] {
  const words = [...new Set(normaliseLabel(q).split(" "))].filter((w) => w !== "");
  return words
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_SEARCH_WORDS)
    .map((w) => [...w].slice(0, MAX_SEARCH_WORD).join(""));
}

/**
 * Whether a string may hold `word` once normalised (case-, accent- and punctuation-blind):
 * it holds it case-blind, or it has a character outside printable ASCII (which may fold to
 * it, like é to e): a superset, made exact by trace itself.
 */
export function mayHold(value: string, word: string): string {
  return /^[\x20-\x7e]*$/.test(word)
    ? `CONTAINS(LCASE(${value}), ${sparqlString(word)}) || ${nonAscii(value)}`
    : nonAscii(value);
}

/**
 * Whether a string may hold `word` as a whole word once normalised, as trace's index splits
 * names into words (`normaliseLabel`): a printable-ASCII string holds it case-blind between
 * non-alphanumerics (a word cut to MAX_SEARCH_WORD characters only after one), and a string with
 * other characters always may. A superset of trace's own match, as `mayHold`, but one that a
 * word's prefix does not meet: `desipramin` no longer finds every claim about desipramine.
 */
export function mayHoldWord(value: string, word: string): string {
  if (!/^[a-z0-9]+$/.test(word)) return nonAscii(value);
  const end = [...word].length < MAX_SEARCH_WORD ? "([^a-z0-9]|$)" : "";
  const whole = `REGEX(LCASE(${value}), ${sparqlString(`(^|[^a-z0-9])${word}${end}`)})`;
  return `(CONTAINS(LCASE(${value}), ${sparqlString(word)}) && ${whole}) || ${nonAscii(value)}`;
}

function nonAscii(value: string): string {
  return `REGEX(${value}, "[^ -~]")`;
}
