/**
 * Claims counted and paged at a remote store in trace's order (`sortClaims`): by the document
 * the claim's quote stands in (else the claim's document), line, column, then IRI; a claim
 * given several places (a file edited by hand) is one row, at the least of each, so that a page
 * never repeats a claim nor skips one.
 */
import { CG, OA, PROV } from "../rdf/vocab/vocabulary.ts";
import type { RemoteReader } from "./remote-reader.ts";
import { sparqlIri } from "./sparql-client.ts";

/** Trace's document order, as SPARQL: binds `?doc`, `?line`, `?col` for the claim `?c`. */
const DOCUMENT_ORDER = `OPTIONAL { ?c ${sparqlIri(CG.quote.value)}/${sparqlIri(OA.hasSource.value)} ?qs }
  OPTIONAL { ?c ${sparqlIri(PROV.wasDerivedFrom.value)} ?d }
  OPTIONAL { ?c ${sparqlIri(CG.line.value)} ?l } OPTIONAL { ?c ${sparqlIri(CG.column.value)} ?k }
  BIND(COALESCE(STR(?qs), STR(?d), "") AS ?doc) BIND(COALESCE(?l, 0) AS ?line) BIND(COALESCE(?k, 0) AS ?col)`;

/** How many claims `pattern` binds to `?c`. */
export async function count(reader: RemoteReader, pattern: string): Promise<number> {
  reader.queries += 1;
  const rows = await reader.client.select(`SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ${pattern} }`);
  return Number(rows[0]?.get("n")?.value ?? 0);
}

/** The claims `pattern` binds to `?c`, `limit` of them from `offset`, in trace's document order. */
export async function inDocumentOrder(
  reader: RemoteReader,
  pattern: string,
  offset: number,
  limit: number,
): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  while (out.length < limit) {
    const size = Math.min(reader.pageSize, limit - out.length);
    reader.queries += 1;
    const rows = await reader.client.select(
      // One row per claim (its least place, should it have several), so OFFSET counts claims;
      // the claims found first, then placed (a quarter less of Virtuoso's time).
      `SELECT ?c (MIN(?doc) AS ?d) (MIN(?line) AS ?ln) (MIN(?col) AS ?cn)
       WHERE { { SELECT DISTINCT ?c WHERE { ${pattern} } } ${DOCUMENT_ORDER} FILTER(isIRI(?c)) } GROUP BY ?c
       ORDER BY ?d ?ln ?cn STR(?c) LIMIT ${size} OFFSET ${offset + out.length}`,
    );
    for (const r of rows) {
      const c = r.get("c")?.value;
      if (c !== undefined && !seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
    }
    if (rows.length < size) break;
  }
  return out;
}
