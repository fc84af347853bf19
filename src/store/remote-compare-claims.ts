/**
 * The part of a store `compare` reads for its columns (remote-compare.ts): the columns
 * themselves, then their claims and what each claim links to, a batch of claims at a time.
 *
 * A comparison of two drugs over ten thousand documents reads about 39,000 claims (of the
 * drugs and their classes), some sixty triples each: more than one answer of a store holds (a
 * stock Virtuoso cuts answers at 10,000 rows), and counting such a neighbourhood whole took
 * Virtuoso 12 s. So the claims are counted first (refused past `maxClaims`) and listed, then
 * read in batches of `claimBatch` named in a VALUES block (a batch cut from the listing with
 * OFFSET inside the query had Virtuoso sort every claim again for each batch), each batch one
 * counted and checked `describeWhere` (remote-reader.ts), a few at once: a batch's answer is
 * a few thousand triples, and one the store cuts short is refused.
 */
import { CG, CITO, CNT, OA, PROV, RDF } from "../rdf/vocab/vocabulary.ts";
import type { ReadProgress } from "../sparql/questions.ts";
import { redactUrl, StoreError } from "./errors.ts";
import { count } from "./remote-claim-order.ts";
import { type RemoteReader, ROW_LIMIT_HINT } from "./remote-reader.ts";
import { isQueryableIri, sparqlIri } from "./sparql-client.ts";

/** How many claims `compare` reads through a store at most, and how many per query. */
export interface CompareLimits {
  /** Claims of the columns read at most (default MAX_CLAIMS: about three million triples). */
  readonly maxClaims?: number | undefined;
  /** Claims one query reads the neighbourhood of (default 50: about 3,000 triples). */
  readonly claimBatch?: number | undefined;
  /** Told after each round of batches how many of the claims are read. */
  readonly onProgress?: ReadProgress | undefined;
}

/** A document's text: compare shows none of it. */
const WITHOUT = [CNT.chars.value];

/** The links from a claim to the nodes compare and the agreement read whole. */
const CLAIM_LINKS = [
  RDF.predicate,
  RDF.object,
  CG.quote,
  CITO.citesAsEvidence,
  CG.viaReference,
  PROV.wasDerivedFrom,
  CG.armA,
  CG.armB,
  CG.condition,
  CG.outcome,
  CG.favours,
]
  .map((t) => sparqlIri(t.value))
  .join("|");

/** Longer paths from a claim: its quote's selectors, its references' works, its document's discrepancies. */
const CLAIM_PATHS = [
  [CG.quote, OA.hasSelector],
  [CG.viaReference, CG.refersTo],
  [PROV.wasDerivedFrom, CG.hasDiscrepancy],
].map((path) => path.map((t) => sparqlIri(t.value)).join("/"));

const SUBJECT = sparqlIri(RDF.subject.value);

/** The claims compare reads through a store at most, unless told otherwise. */
export const MAX_CLAIMS = 50_000;

/**
 * Reads the columns (drug and class IRIs), their claims and what the claims link to; returns
 * how many claims it read. Refused when the store lists other than the claims it counted (a
 * listing cut at a row limit), never taken as whole.
 */
export async function readColumns(
  reader: RemoteReader,
  columns: readonly string[],
  limits: CompareLimits = {},
): Promise<number> {
  const asked = columns.filter(isQueryableIri);
  if (asked.length === 0) return 0;
  const maxClaims = limits.maxClaims ?? MAX_CLAIMS;
  await reader.describeWhere(
    asked.map((c) => `{ BIND(${sparqlIri(c)} AS ?s) }`).join(" UNION "),
    WITHOUT,
  );
  const of = (v: string) =>
    `VALUES ?col { ${asked.map(sparqlIri).join(" ")} } ${v} ${SUBJECT} ?col . FILTER(isIRI(${v}))`;
  const claims = await count(reader, of("?c"));
  if (!(claims <= maxClaims)) throw tooMany(reader, claims, maxClaims);
  const listed = await reader.iris(of("?x"));
  if (listed.length !== claims) throw listedShort(reader, listed.length, claims);
  await readClaims(
    reader,
    listed.filter(isQueryableIri),
    limits.claimBatch ?? 50,
    limits.onProgress,
  );
  return claims;
}

/**
 * Reads the neighbourhood of `claims`, `batch` claims a query, CONCURRENT queries at once,
 * telling `onProgress` how many are read after each round.
 */
async function readClaims(
  reader: RemoteReader,
  claims: readonly string[],
  batch: number,
  onProgress: ReadProgress = () => {},
): Promise<void> {
  const size = Math.max(1, batch);
  const batches: string[][] = [];
  for (let i = 0; i < claims.length; i += size) batches.push(claims.slice(i, i + size));
  let read = 0;
  for (let i = 0; i < batches.length; i += CONCURRENT) {
    const round = batches.slice(i, i + CONCURRENT);
    await Promise.all(
      round.map((some) =>
        reader.describeWhere(
          `VALUES ?c { ${some.map(sparqlIri).join(" ")} } ${NEIGHBOURHOOD}`,
          WITHOUT,
        ),
      ),
    );
    read += round.reduce((sum, some) => sum + some.length, 0);
    onProgress(read, claims.length);
  }
}

/** Batches read at once: the store works on a few while the answers of others travel. */
const CONCURRENT = 4;

/**
 * What a claim `?c` (bound outside) links to, bound to `?s`: the claim itself, its links and
 * their paths. Each branch binds `?c` with a triple of its own, so no branch reads a variable
 * from outside its group (SPARQL scopes BIND to its group).
 */
const NEIGHBOURHOOD = [
  `{ ?c ${SUBJECT} ?x . BIND(?c AS ?s) }`,
  `{ ?c ${CLAIM_LINKS} ?s }`,
  ...CLAIM_PATHS.map((path) => `{ ?c ${path} ?s }`),
].join(" UNION ");

function listedShort(reader: RemoteReader, listed: number, counted: number): StoreError {
  const url = redactUrl(reader.client.endpoint);
  return new StoreError(
    `query at ${url}: the store listed ${listed} of the ${counted} claims it counted: it cut the answer at a row limit`,
    {
      url,
      hint: ROW_LIMIT_HINT,
    },
  );
}

function tooMany(reader: RemoteReader, claims: number, max: number): StoreError {
  const url = redactUrl(reader.client.endpoint);
  return new StoreError(
    Number.isNaN(claims)
      ? `query at ${url}: the store did not say how many claims the drugs have`
      : `query at ${url}: the drugs have ${claims} claims, more than the ${max} compare reads through a store`,
    { url, hint: "compare fewer drugs at once, or answer from the knowledge-base files (--kb)" },
  );
}
