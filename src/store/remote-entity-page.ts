/**
 * One page of trace's answer for an entity, read from a remote store: the counts of the claims
 * about it counted at the store (per group: its role and the claims' predicate), the claims
 * that only mention it counted there too, and only the claims the page shows read whole, so a
 * hub with thousands of claims costs what its first screen shows, not its neighbourhood.
 *
 * One round of concurrent queries (the two roles' group counts, the page of claims in
 * document order, the count and first page of the claims mentioning it), then one read of the
 * page's claims, the mentioning ones shown and the groups' predicates (for their labels).
 * The page is ordered at the store as trace orders claims (remote-claim-order.ts).
 */
import { CG, OA, RDF } from "../rdf/vocab/vocabulary.ts";
import type { EntityPage, TraceWindow } from "../sparql/questions.ts";
import { count, inDocumentOrder } from "./remote-claim-order.ts";
import type { RemoteReader } from "./remote-reader.ts";
import { sparqlIri } from "./sparql-client.ts";

const IS_CLAIM = `?c a ${sparqlIri(CG.Claim.value)} .`;
const SUBJECT = sparqlIri(RDF.subject.value);
const OBJECT = sparqlIri(RDF.object.value);

/** The page `window` of the claims about `entity` (counted at the store), read into `reader`. */
export async function entityPage(
  reader: RemoteReader,
  entity: string,
  window: TraceWindow,
): Promise<EntityPage> {
  const e = sparqlIri(entity);
  const about = `{ ?c ${SUBJECT} ${e} } UNION { ?c ${OBJECT} ${e} } ${IS_CLAIM}`;
  const mentions = `?c ${sparqlIri(CG.mentions.value)} ${e} . ${IS_CLAIM}
    FILTER NOT EXISTS { ?c ${SUBJECT} ${e} } FILTER NOT EXISTS { ?c ${OBJECT} ${e} }`;
  const [asSubject, asObject, claims, mentionedInCount, mentionedIn] = await Promise.all([
    groupCounts(reader, `?c ${SUBJECT} ${e} . ${IS_CLAIM}`),
    groupCounts(reader, `?c ${OBJECT} ${e} . ${IS_CLAIM} FILTER NOT EXISTS { ?c ${SUBJECT} ${e} }`),
    inDocumentOrder(reader, about, window.offset, window.limit),
    count(reader, mentions),
    inDocumentOrder(reader, mentions, 0, window.limit),
  ]);
  const groups = [
    ...asSubject.map((g) => ({ role: "subject" as const, ...g })),
    ...asObject.map((g) => ({ role: "object" as const, ...g })),
  ];
  const predicates = groups.map((g) => g.predicate);
  const [, labels] = await Promise.all([
    reader.describe([...claims, ...predicates]),
    claimLabels(reader, mentionedIn),
  ]);
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  return { entity, total, claims, groups, mentionedInCount, mentionedIn: labels };
}

/**
 * The labels of `claims` as trace shows them (its display text, else its quote's words, else
 * its IRI), in one query: a mentioning claim is shown by its label alone.
 */
async function claimLabels(
  reader: RemoteReader,
  claims: readonly string[],
): Promise<{ id: string; label: string }[]> {
  if (claims.length === 0) return [];
  reader.queries += 1;
  const rows = await reader.client.select(
    `SELECT ?c ?display ?exact WHERE { VALUES ?c { ${claims.map(sparqlIri).join(" ")} }
      OPTIONAL { ?c ${sparqlIri(CG.displayText.value)} ?display }
      OPTIONAL { ?c ${sparqlIri(CG.quote.value)}/${sparqlIri(OA.hasSelector.value)}/${sparqlIri(OA.exact.value)} ?exact } }`,
  );
  const label = new Map<string, string>();
  for (const r of rows) {
    const c = r.get("c")?.value;
    const text = r.get("display") ?? r.get("exact");
    if (c !== undefined && text?.termType === "Literal" && !label.has(c)) label.set(c, text.value);
  }
  return claims.map((id) => ({ id, label: label.get(id) ?? id }));
}

/** The claims `pattern` binds to `?c`, counted by predicate. */
async function groupCounts(
  reader: RemoteReader,
  pattern: string,
): Promise<{ predicate: string; count: number }[]> {
  reader.queries += 1;
  const rows = await reader.client.select(
    `SELECT ?p (COUNT(DISTINCT ?c) AS ?n) WHERE { ${pattern} ?c ${sparqlIri(RDF.predicate.value)} ?p . FILTER(isIRI(?p)) } GROUP BY ?p ORDER BY ?p`,
  );
  return rows.flatMap((r) => {
    const p = r.get("p");
    const n = Number(r.get("n")?.value ?? 0);
    return p?.termType === "NamedNode" && n > 0 ? [{ predicate: p.value, count: n }] : [];
  });
}
