/**
 * Bounded reads of a remote store: node IRIs that match a pattern, and the description (every
 * triple in claimgraph's vocabulary) of a set of nodes with the nodes they lead to. Every read
 * is cut into VALUES batches (by count and by characters, so no query grows with the answer) and
 * LIMIT/OFFSET pages, so no answer runs into a store's result limit (Virtuoso's
 * ResultSetMaxRows cuts answers short silently). Only IRIs claimgraph would read from a file
 * are sent on (`isQueryableIri`).
 */
import type { Quad } from "@rdfjs/types";
import { tablePredicates } from "../rdf/vocab/table.ts";
import { CG, CITO, OA, PROV, RDF } from "../rdf/vocab/vocabulary.ts";
import { quadKey } from "../rdf/write/quad-key.ts";
import { redactUrl, StoreError } from "./errors.ts";
import { isQueryableIri, type SparqlClient, sparqlIri } from "./sparql-client.ts";

/**
 * The links a description follows: from a claim to its subject, predicate, object, quote,
 * citations (the works it cites and the reference entries it cites them through), studies,
 * document and comparison; from a quote to its selectors and source;
 * from a reference to its work and document; from works and entities to their identifiers
 * (and from works to their bibliography field sources);
 * from a study to its arms, models, citations and document; from an arm to its intervention.
 * Never back from a node to the claims about it, so a description stays small.
 */
const FOLLOW = new Set(
  [
    RDF.subject,
    RDF.predicate,
    RDF.object,
    CG.quote,
    OA.hasSelector,
    OA.hasSource,
    CITO.citesAsEvidence,
    CG.viaReference,
    CG.study,
    PROV.wasDerivedFrom,
    CG.armA,
    CG.armB,
    CG.condition,
    CG.outcome,
    CG.favours,
    CG.refersTo,
    CG.inDocument,
    CG.identifier,
    CG.arm,
    CG.intervention,
    CG.model,
    CG.hasDiscrepancy,
    CG.fieldSource,
  ].map((t) => t.value),
);

/** How deep a description follows links (claim → study → arm → intervention is 3). */
const MAX_DEPTH = 8;

export interface ReaderLimits {
  /** Rows (or triples) per page (default 10000, the stock Virtuoso ResultSetMaxRows). */
  readonly pageSize?: number | undefined;
  /** IRIs per VALUES batch (default 100). */
  readonly batchSize?: number | undefined;
  /** Triples one `describeWhere` reads at most: it refuses a larger answer (default 200000). */
  readonly maxTriples?: number | undefined;
  /** Works (or references) trace follows the claims resting on at once (default 500). */
  readonly maxStarts?: number | undefined;
}

export class RemoteReader {
  readonly client: SparqlClient;
  /** Rows (or triples) one query asks for at most. */
  readonly pageSize: number;
  private readonly batchSize: number;
  private readonly maxTriples: number;
  /** Works (or references) one page of trace follows the claims resting on, at most. */
  readonly maxStarts: number;
  /** The nodes described so far and the triples read, by key, so nothing is read twice. */
  private readonly described = new Set<string>();
  private readonly quads = new Map<string, Quad>();
  /** Queries sent, for reports and tests. */
  queries = 0;

  constructor(client: SparqlClient, limits: ReaderLimits = {}) {
    this.client = client;
    this.pageSize = limits.pageSize ?? 10_000;
    this.batchSize = limits.batchSize ?? 100;
    this.maxTriples = limits.maxTriples ?? 200_000;
    this.maxStarts = limits.maxStarts ?? 500;
  }

  /** Every IRI bound to `?x` by `pattern` (a group graph pattern's body), page by page. */
  async iris(pattern: string): Promise<string[]> {
    const out: string[] = [];
    for (let offset = 0; ; offset += this.pageSize) {
      this.queries += 1;
      const rows = await this.client.select(
        `SELECT DISTINCT ?x WHERE { ${pattern} FILTER(isIRI(?x)) } ORDER BY ?x LIMIT ${this.pageSize} OFFSET ${offset}`,
      );
      for (const r of rows) {
        const x = r.get("x");
        if (x?.termType === "NamedNode") out.push(x.value);
      }
      if (rows.length < this.pageSize) return out;
    }
  }

  /**
   * The IRIs bound to any of `vars` by a SELECT query, and how many rows it answered (one
   * query: the caller's LIMIT bounds it, and a full answer tells it there may be more).
   */
  async bound(
    query: string,
    vars: readonly string[],
  ): Promise<{ readonly iris: string[]; readonly rows: number }> {
    this.queries += 1;
    const out = new Set<string>();
    const rows = await this.client.select(query);
    for (const r of rows)
      for (const v of vars) {
        const x = r.get(v);
        if (x?.termType === "NamedNode") out.add(x.value);
      }
    return { iris: [...out].sort(), rows: rows.length };
  }

  /** `iris` for a pattern over `?t`, run for the targets in VALUES batches (CONCURRENT at once). */
  async irisFor(targets: readonly string[], pattern: string): Promise<string[]> {
    const out = new Set<string>();
    const all = batches(targets.filter(isQueryableIri), this.batchSize);
    for (let i = 0; i < all.length; i += CONCURRENT) {
      const found = await Promise.all(
        all
          .slice(i, i + CONCURRENT)
          .map((batch) => this.iris(`VALUES ?t { ${batch.map(sparqlIri).join(" ")} } ${pattern}`)),
      );
      for (const x of found.flat()) out.add(x);
    }
    return [...out];
  }

  /**
   * Describes `start` and, link by link (see FOLLOW), the nodes it leads to: their triples
   * join what was read before.
   */
  async describe(start: Iterable<string>): Promise<void> {
    let frontier = [...new Set(start)].filter((x) => !this.described.has(x) && isQueryableIri(x));
    for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
      for (const x of frontier) this.described.add(x);
      const next = new Set<string>();
      for (const quads of await this.triplesOfAll(batches(frontier, this.batchSize))) {
        for (const q of quads) {
          this.quads.set(quadKey(q), q);
          if (
            FOLLOW.has(q.predicate.value) &&
            q.object.termType === "NamedNode" &&
            !this.described.has(q.object.value)
          )
            next.add(q.object.value);
        }
      }
      frontier = [...next].filter(isQueryableIri);
    }
  }

  /**
   * Every triple of the nodes `pattern` (a group graph pattern's body) binds to `?s` whose
   * predicate the graph reader reads (READ: not an entity's asserted triples, thousands on a
   * hub and read again by every batch that reaches it) and is not in `without`, in two
   * queries whatever the nodes are: the number
   * of distinct triples first (past `maxTriples` the read is refused before anything is
   * read), then the triples in one CONSTRUCT. Paging with ORDER BY would read the same
   * neighbourhood once a page (at a million triples Virtuoso takes seconds per page), so
   * the count is what tells a whole answer from one a store cut at its row limit: an answer
   * short of it is refused (a StoreError naming the store), never taken as whole.
   */
  async describeWhere(pattern: string, without: readonly string[] = []): Promise<void> {
    const skip =
      without.length > 0 ? `FILTER(?p NOT IN (${without.map(sparqlIri).join(", ")}))` : "";
    const where = `${pattern} ?s ?p ?o . FILTER(?p IN (${READ})) ${skip}`;
    this.queries += 1;
    const counted = await this.client.select(
      `SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?s ?p ?o WHERE { ${where} } } }`,
    );
    const expected = Number(counted[0]?.get("n")?.value ?? Number.NaN);
    if (!(expected <= this.maxTriples)) throw this.tooLarge(expected);
    if (expected === 0) return;
    this.queries += 1;
    // Distinct first: the same node reached from many claims is sent once (a third less of
    // Virtuoso's time for a batch of compare's claims).
    const triples = await this.client.triples(
      `CONSTRUCT { ?s ?p ?o } WHERE { { SELECT DISTINCT ?s ?p ?o WHERE { ${where} } } }`,
    );
    const keys = new Set<string>();
    for (const q of triples) {
      const key = quadKey(q);
      keys.add(key);
      this.quads.set(key, q);
    }
    if (keys.size < expected) throw this.cutShort(keys.size, expected);
  }

  private tooLarge(expected: number): StoreError {
    const url = redactUrl(this.client.endpoint);
    return new StoreError(
      Number.isNaN(expected)
        ? `query at ${url}: the store did not say how many triples the answer has`
        : `query at ${url}: the answer has ${expected} triples, more than the ${this.maxTriples} claimgraph reads at once`,
      {
        url,
        hint: "ask about fewer drugs at once, or answer from the knowledge-base files (--kb)",
      },
    );
  }

  private cutShort(got: number, expected: number): StoreError {
    const url = redactUrl(this.client.endpoint);
    return new StoreError(
      `query at ${url}: the store answered ${got} of the ${expected} triples it counted: it cut the answer at a row limit`,
      {
        url,
        hint: ROW_LIMIT_HINT,
      },
    );
  }

  /** The triples read, sorted by subject, predicate and object (the order exports are written in). */
  triples(): Quad[] {
    return [...this.quads]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, q]) => q);
  }

  /**
   * `triplesOf` each batch, CONCURRENT batches at a time (one round trip for up to that many
   * batches), the answers in the batches' order.
   */
  private async triplesOfAll(list: readonly (readonly string[])[]): Promise<Quad[][]> {
    const out: Quad[][] = [];
    for (let i = 0; i < list.length; i += CONCURRENT)
      out.push(...(await Promise.all(list.slice(i, i + CONCURRENT).map((b) => this.triplesOf(b)))));
    return out;
  }

  /**
   * Every triple whose subject is in `subjects` and whose predicate the graph reader reads
   * (READ: not an entity's asserted triples, thousands on a hub), page by page.
   */
  private async triplesOf(subjects: readonly string[]): Promise<Quad[]> {
    const values = subjects.map(sparqlIri).join(" ");
    const out: Quad[] = [];
    for (let offset = 0; ; offset += this.pageSize) {
      this.queries += 1;
      const page = await this.client.triples(
        `CONSTRUCT { ?s ?p ?o } WHERE { { SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?s { ${values} } ?s ?p ?o FILTER(?p IN (${READ})) } ORDER BY ?s ?p ?o LIMIT ${this.pageSize} OFFSET ${offset} } }`,
      );
      out.push(...page);
      if (page.length < this.pageSize) return out;
    }
  }
}

/** The predicates a description reads: those of the vocabulary table (rdf/vocab/table.ts). */
const READ = tablePredicates().map(sparqlIri).join(", ");

/** Batches a description reads at once. */
const CONCURRENT = 4;

/** What to do about an answer a store cut at its row limit. */
export const ROW_LIMIT_HINT =
  "raise the store's row limit for answers (Virtuoso: ResultSetMaxRows in [SPARQL]), or answer from the knowledge-base files (--kb)";

/** The characters of IRIs one VALUES batch holds at most (one longer IRI goes alone). */
const MAX_BATCH_CHARS = 16_000;

/** `list` cut into batches of at most `size` IRIs and MAX_BATCH_CHARS characters. */
function batches(list: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  let batch: string[] = [];
  let chars = 0;
  for (const iri of list) {
    if (batch.length > 0 && (batch.length >= size || chars + iri.length > MAX_BATCH_CHARS)) {
      out.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(iri);
    chars += iri.length + 3;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}
