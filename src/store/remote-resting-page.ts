/**
 * One page of trace's answer for a work or for references, read from a remote store: the
 * claims resting on them counted and paged at the store in trace's order, a work's references
 * counted and paged there too, and only what the page shows read whole (its claims, the first
 * `limit` references and the other numbers their works are listed under in the same
 * documents), so a work every document cites costs what its first screen shows.
 *
 * Trace finds the claims resting on a start (a reference's work, else the reference) by
 * walking two links back from it over the graph's links (reference-trace.ts, graph/edges.ts);
 * `resting` is that walk as SPARQL. The claims linked to the start, and those linked to a node
 * linked to it: a reference that refers to it, a study that cites it, an entity that is a
 * member of it or that a claim asserts a link from (a cell that asserts nothing is no link).
 * A claim or study cites a reference it cites through, and a work it cites as evidence unless
 * through one of its references (graph/citations.ts). It follows the links claimgraph writes:
 * in a knowledge base edited by hand, a claim about a claim, or a claim linking a document to
 * the work, would bring trace claims this page does not count.
 */
import { UsageError } from "../base/errors.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { Resolved } from "../graph/resolve.ts";
import { CG, CITO, RDF } from "../rdf/vocab/vocabulary.ts";
import type { RestingPage, TraceWindow } from "../sparql/questions.ts";
import { count, inDocumentOrder } from "./remote-claim-order.ts";
import type { RemoteReader } from "./remote-reader.ts";
import { sparqlIri } from "./sparql-client.ts";

const is = (v: string, type: { value: string }) => `${v} a ${sparqlIri(type.value)} .`;
const link = (p: { value: string }) => sparqlIri(p.value);

/** `x` cites `t` as the graph links it (graph/citations.ts). */
function cites(x: string, t: string): string {
  const via = link(CG.viaReference);
  return `{ ${x} ${via} ${t} } UNION { ${x} ${link(CITO.citesAsEvidence)} ${t}
    FILTER NOT EXISTS { ${x} ${via} ?viaRef . ?viaRef ${link(CG.refersTo)} ${t} } }`;
}

/** A link from the claim `c` to `t`: its subject, object, a mention, a study or a citation. */
function claimLink(c: string, t: string): string {
  return [RDF.subject, RDF.object, CG.mentions, CG.study]
    .map((p) => `{ ${c} ${link(p)} ${t} }`)
    .concat(`{ ${cites(c, t)} }`)
    .join(" UNION ");
}

/** Links from the claim `c` into `n` by these predicates. */
function linksInto(c: string, n: string, predicates: readonly { value: string }[]): string {
  return predicates.map((p) => `{ ${c} ${link(p)} ${n} }`).join(" UNION ");
}

/** What a claim links to an entity or a study by: its subject, object or a mention. */
const ABOUT = [RDF.subject, RDF.object, CG.mentions];

/**
 * The claims `?c` two links from `?t`, through a node `?n` linked to `?t`: a reference that
 * refers to it (which `?c` cites), a study that cites it (`?c`'s study, or what `?c` is
 * about), an entity that is a member of it or that a claim asserts a link from (what `?c` is
 * about). One branch per kind of `?n`, each a chain from `?t`, each with only the links
 * claimgraph writes into such a node (claims cite references and works, are about entities,
 * documents and studies, never about a claim, so no branch goes through one). A join of two
 * UNIONs, or a link open to every kind, sent Virtuoso over far more of the store (0.56 s for
 * the work every document cites).
 */
const TWO_LINKS = [
  `${is("?n", CG.Reference)} ?n ${link(CG.refersTo)} ?t .
    ${linksInto("?c", "?n", [CG.viaReference, CITO.citesAsEvidence])}`,
  `${is("?n", CG.Study)} ${cites("?n", "?t")} ${linksInto("?c", "?n", [CG.study, ...ABOUT])}`,
  `?n ${link(CG.memberOf)} ?t . ${linksInto("?c", "?n", ABOUT)}`,
  `${is("?k", CG.Claim)} ?k ${link(RDF.subject)} ?n ; ${link(RDF.object)} ?t .
    FILTER NOT EXISTS { ?k ${link(CG.cellStatus)} ?status } ${linksInto("?c", "?n", ABOUT)}`,
]
  .map((branch) => `{ ${branch} }`)
  .join(" UNION ");

/** The claims `?c` resting on any of `starts`, one row each. */
export function resting(starts: readonly string[]): string {
  return `{ SELECT DISTINCT ?c WHERE { { SELECT DISTINCT ?c WHERE {
    VALUES ?t { ${starts.map(sparqlIri).join(" ")} } { ${claimLink("?c", "?t")} } UNION ${TWO_LINKS} } }
    ${is("?c", CG.Claim)} FILTER(isIRI(?c)) } }`;
}

/**
 * The page `window` of what trace answers for `found` (a work or references, resolved on
 * `kg`, which holds them), read into `reader`. Refused past the reader's `maxStarts` works
 * (reference [1] of ten thousand documents), whose claims are most of the store.
 */
export async function restingPage(
  reader: RemoteReader,
  found: Extract<Resolved, { kind: "reference" | "work" }>,
  kg: KnowledgeGraph,
  window: TraceWindow,
): Promise<RestingPage> {
  const starts = startsOf(kg, found);
  if (starts.length > reader.maxStarts) throw tooManyStarts(found, starts.length, reader.maxStarts);
  const claimsResting = resting(starts);
  const [total, claims, refs] = await Promise.all([
    count(reader, claimsResting),
    inDocumentOrder(reader, claimsResting, window.offset, window.limit),
    found.kind === "work"
      ? referencesOf(reader, found.work, window.limit)
      : { count: found.references.length, shown: found.references.slice(0, window.limit) },
  ]);
  await reader.describe([...claims, ...refs.shown, ...(await sameWork(reader, refs.shown))]);
  return {
    match: found.kind,
    referenceCount: refs.count,
    references: refs.shown,
    total,
    claims,
  };
}

/** The refusal of a page whose walks start from more than `most` works or references. */
function tooManyStarts(
  found: Extract<Resolved, { kind: "reference" | "work" }>,
  starts: number,
  most: number,
): UsageError {
  const refs = found.kind === "reference" ? found.references.length : 1;
  return new UsageError(
    `the query names ${refs} references of ${starts} works; over a store, trace follows the claims resting on at most ${most} at once`,
    "name the document too (doc-id[n]), or trace one work by its identifier (pmid:…), or trace on the knowledge-base files (--kb)",
  );
}

/** Where trace's walks start: each reference's work when the graph has it, else the reference. */
function startsOf(kg: KnowledgeGraph, found: Extract<Resolved, { kind: "reference" | "work" }>) {
  if (found.kind === "work") return [found.work];
  const starts = new Set<string>();
  for (const ref of found.references) {
    const work = kg.reference(ref)?.work;
    starts.add(work && kg.has(work) ? work : ref);
  }
  return [...starts].sort();
}

/** How many references refer to `work`, and the first `limit` in trace's order (number, IRI). */
async function referencesOf(
  reader: RemoteReader,
  work: string,
  limit: number,
): Promise<{ count: number; shown: string[] }> {
  const refers = `${is("?r", CG.Reference)} ?r ${link(CG.refersTo)} ${sparqlIri(work)} . FILTER(isIRI(?r))`;
  reader.queries += 1;
  const [counted, shown] = await Promise.all([
    reader.client.select(`SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ${refers} }`),
    inNumberOrder(reader, refers, limit),
  ]);
  return { count: Number(counted[0]?.get("n")?.value ?? 0), shown };
}

/** The first `limit` references `pattern` binds to `?r`, by number then IRI, page by page. */
async function inNumberOrder(reader: RemoteReader, pattern: string, limit: number) {
  const out: string[] = [];
  while (out.length < limit) {
    const size = Math.min(reader.pageSize, limit - out.length);
    reader.queries += 1;
    const rows = await reader.client.select(
      `SELECT ?r (MIN(COALESCE(?number, 0)) AS ?n) WHERE { ${pattern}
        OPTIONAL { ?r ${link(CG.referenceNumber)} ?number } } GROUP BY ?r
        ORDER BY ?n STR(?r) LIMIT ${size} OFFSET ${out.length}`,
    );
    for (const r of rows) {
      const x = r.get("r");
      if (x?.termType === "NamedNode") out.push(x.value);
    }
    if (rows.length < size) break;
  }
  return out;
}

/** The other references of the same works in the same documents as `refs` (trace lists their numbers). */
function sameWork(reader: RemoteReader, refs: readonly string[]): Promise<string[]> {
  return reader.irisFor(
    refs,
    `?t ${link(CG.refersTo)} ?w ; ${link(CG.inDocument)} ?d . ?x ${link(CG.refersTo)} ?w ; ${link(CG.inDocument)} ?d .`,
  );
}
