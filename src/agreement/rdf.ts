/**
 * The agreement as RDF (issue #15, point 4): each grouped assertion and each conflict in the
 * knowledge base's agreement graph (`<base>graph/agreement`), linked to the claims and their
 * nanopublications, with the support counts as xsd:integer literals. Sorted and without
 * duplicates, so every serialisation is byte-identical for the same claims.
 */
import type { NamedNode, Quad, Quad_Object } from "@rdfjs/types";
import { DataFactory } from "n3";
import { CG, RDF, XSD } from "../rdf/vocab/vocabulary.ts";
import { sortQuads } from "../rdf/write/quads.ts";
import type { Agreement, Assertion, Disagreement, SupportTier } from "./types.ts";

const { namedNode, literal, quad } = DataFactory;

/** The agreement graph's local name: `<base>graph/agreement`. */
export const AGREEMENT_GRAPH_NAME = "agreement";

/** The agreement graph's name under `base`. */
export function agreementGraph(base: string): NamedNode {
  return namedNode(`${base}graph/${AGREEMENT_GRAPH_NAME}`);
}

const SOURCES: Readonly<Record<SupportTier, NamedNode>> = {
  primary: CG.primarySources,
  review: CG.reviewSources,
  tertiary: CG.tertiarySources,
  consumer: CG.consumerSources,
  unknown: CG.unknownSources,
};

/**
 * The quads of `agreement` in `graph`. `nanopublicationOf` gives a claim's nanopublication
 * (undefined when the claim has none, as a claim read from a plain Turtle file). Sorted as
 * `sortQuads` sorts them (N-Quads order: the graph is one, so by subject, then predicate and
 * object): the subjects sorted, then each subject's few quads on their own — sorting the whole
 * graph's keys at once took most of the time and memory at a thousand documents.
 */
export function agreementQuads(
  agreement: Agreement,
  graph: NamedNode,
  nanopublicationOf: (claim: string) => string | undefined,
): Quad[] {
  const out: Quad[] = [];
  for (const quads of agreementSubjectQuads(agreement, graph, nanopublicationOf))
    for (const q of quads) out.push(q);
  return out;
}

/**
 * The quads of `agreementQuads`, subject by subject as they are made: a build writes them
 * without holding the whole agreement graph's quads (millions at ten thousand documents).
 */
export function* agreementSubjectQuads(
  agreement: Agreement,
  graph: NamedNode,
  nanopublicationOf: (claim: string) => string | undefined,
): Generator<Quad[]> {
  for (const [, parts] of bySubject(agreement)) {
    const quads: Quad[] = [];
    for (const part of parts)
      if ("sides" in part) writeConflict(quads, part, graph);
      else writeAssertion(quads, part, graph, nanopublicationOf);
    yield sortQuads(quads);
  }
}

/** Each assertion (once, as first met: the list's, then the conflicts' sides) and each conflict, by IRI. */
function bySubject(agreement: Agreement): Array<[string, Array<Assertion | Disagreement>]> {
  const parts = new Map<string, Array<Assertion | Disagreement>>();
  const sides = agreement.conflicts.flatMap((c) => c.sides);
  for (const a of [...agreement.assertions, ...sides]) if (!parts.has(a.iri)) parts.set(a.iri, [a]);
  for (const c of agreement.conflicts) {
    const list = parts.get(c.iri);
    if (list) list.push(c);
    else parts.set(c.iri, [c]);
  }
  return [...parts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function writeAssertion(
  out: Quad[],
  a: Assertion,
  graph: NamedNode,
  nanopublicationOf: (claim: string) => string | undefined,
): void {
  const s = namedNode(a.iri);
  const add = (p: NamedNode, o: Quad_Object) => out.push(quad(s, p, o, graph));
  add(RDF.type, CG.GroupedAssertion);
  add(CG.groupingKey, literal(a.key));
  add(CG.assertionSubject, namedNode(a.subject));
  add(CG.assertionPredicate, namedNode(a.predicate));
  if (a.object !== undefined) add(CG.assertionObject, namedNode(a.object));
  if (a.value) add(CG.assertionValue, namedNode(a.value.value));
  for (const claim of a.claims) {
    add(CG.groupsClaim, namedNode(claim));
    const np = nanopublicationOf(claim);
    if (np !== undefined) add(CG.groupsNanopublication, namedNode(np));
  }
  for (const d of a.documents) add(CG.fromDocument, namedNode(d));
  for (const w of a.works) add(CG.restsOnWork, namedNode(w));
  for (const w of a.inferred ?? []) add(CG.inferredEvidenceWork, namedNode(w));
  for (const [tier, p] of Object.entries(SOURCES) as [SupportTier, NamedNode][])
    add(p, literal(String(a.support[tier]), XSD.integer));
  add(CG.guessedReading, literal(String(a.guessed), XSD.boolean));
  for (const v of a.publicValues ?? []) add(CG.recordValue, literal(v));
}

function writeConflict(out: Quad[], c: Disagreement, graph: NamedNode): void {
  const s = namedNode(c.iri);
  out.push(quad(s, RDF.type, CG.Conflict, graph));
  out.push(quad(s, CG.conflictRule, namedNode(c.rule), graph));
  for (const side of c.sides) out.push(quad(s, CG.conflictSide, namedNode(side.iri), graph));
}
