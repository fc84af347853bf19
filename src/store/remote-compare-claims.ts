/**
 * The part of a store `compare` reads for its columns (remote-compare.ts): the columns
 * themselves, then their claims and what each claim links to, a batch of claims at a time.
 *
 * A comparison of two drugs over ten thousand documents reads about thirty thousand claims,
 * some sixty triples each: more than one answer of any store holds (a stock Virtuoso cuts
 * answers at 10,000 rows), and counting such a neighbourhood whole took Virtuoso 12 s. So the
 * claims are counted first (refused past `maxClaims`) and listed, then read in batches of
 * `claimBatch` named in a VALUES block (a batch cut from the listing with OFFSET inside the
 * query had Virtuoso sort every claim again: 0.2 s a batch against 0.05 s), each batch one
 * counted and checked `describeWhere` (remote-reader.ts), a few at once: every answer stays
 * under the row limit whatever the store holds.
 */
import { CG, CITO, CNT, OA, PROV, RDF } from "../rdf/vocab/vocabulary.ts";
import { redactUrl, StoreError } from "./errors.ts";
import { count } from "./remote-claim-order.ts";
import type { RemoteReader } from "./remote-reader.ts";
import { sparqlIri } from "./sparql-client.ts";

/** How many claims `compare` reads through a store at most, and how many per query. */
export interface CompareLimits {
  /** Claims of the columns read at most (default 50,000: about three million triples). */
  readonly maxClaims?: number | undefined;
  /** Claims one query reads the neighbourhood of (default 50: up to about 5,000 triples). */
  readonly claimBatch?: number | undefined;
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

/** Reads the columns (drug and class IRIs), their claims and what the claims link to. */
export async function readColumns(
  reader: RemoteReader,
  columns: readonly string[],
  limits: CompareLimits = {},
): Promise<void> {
  if (columns.length === 0) return;
  const maxClaims = limits.maxClaims ?? 50_000;
  const batch = Math.max(1, limits.claimBatch ?? 50);
  await reader.describeWhere(
    columns.map((c) => `{ BIND(${sparqlIri(c)} AS ?s) }`).join(" UNION "),
    WITHOUT,
  );
  const ofColumns = `VALUES ?col { ${columns.map(sparqlIri).join(" ")} } ?c ${SUBJECT} ?col .`;
  const claims = await count(reader, ofColumns);
  if (!(claims <= maxClaims)) throw tooMany(reader, claims, maxClaims);
  const listed = await reader.iris(
    `VALUES ?col { ${columns.map(sparqlIri).join(" ")} } ?x ${SUBJECT} ?col .`,
  );
  const batches: string[][] = [];
  for (let i = 0; i < listed.length; i += batch) batches.push(listed.slice(i, i + batch));
  for (let i = 0; i < batches.length; i += CONCURRENT)
    await Promise.all(
      batches
        .slice(i, i + CONCURRENT)
        .map((some) =>
          reader.describeWhere(
            `VALUES ?c { ${some.map(sparqlIri).join(" ")} } ${neighbourhood()}`,
            WITHOUT,
          ),
        ),
    );
}

/** Batches read at once: the store works on a few while the answers of others travel. */
const CONCURRENT = 4;

/**
 * What a claim `?c` (bound outside) links to, bound to `?s`: the claim itself, its links and
 * their paths. Each branch binds `?c` with a triple of its own, so no branch reads a variable
 * from outside its group (SPARQL scopes BIND to its group).
 */
function neighbourhood(): string {
  return [
    `{ ?c ${SUBJECT} ?x . BIND(?c AS ?s) }`,
    `{ ?c ${CLAIM_LINKS} ?s }`,
    ...CLAIM_PATHS.map((path) => `{ ?c ${path} ?s }`),
  ].join(" UNION ");
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
