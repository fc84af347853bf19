/**
 * `toSections`: the knowledge base as an RDF dataset. Each claim is a nanopublication
 * (head, assertion, provenance and publication-info graphs); each document's
 * description (the document, its references, tables and studies) is a graph of its
 * own; entities, works and minted predicates share one graph. What each record and field
 * is in RDF is the vocabulary table's (`rdf/vocab/`); this module puts the sections together.
 * Each section comes out sorted and without duplicates, so serialisations are byte-identical
 * for identical input.
 */
import type { Quad } from "@rdfjs/types";
import type { DocumentClaims, KnowledgeBase, PredicateTerm } from "../../claims/types.ts";
import { writeClaim } from "./claim-rows.ts";
import { writeDescription } from "./document-rows.ts";
import type { Iris } from "./iris.ts";
import type { NanopubIris } from "./nanopub-iris.ts";
import type { NanopubOptions } from "./pubinfo.ts";
import { quadKey } from "./quad-key.ts";
import { type SharedData, writeShared } from "./shared-rows.ts";

export type { NanopubOptions } from "./pubinfo.ts";
export type { SharedData } from "./shared-rows.ts";

/**
 * The dataset in sections: one per document (its description graph and its claims'
 * nanopublications), in document order, then the shared graph. Each section is sorted,
 * so a writer can stream them one after another and the output is still deterministic.
 */
export function toSections(kb: KnowledgeBase, iris: Iris, options: NanopubOptions = {}): Quad[][] {
  return [
    ...kb.documents.map((doc) => documentQuads(doc, iris, options)),
    sharedQuads(sharedData(kb), iris),
  ];
}

export function sharedData(kb: KnowledgeBase): SharedData {
  const predicates = new Map<string, PredicateTerm>();
  for (const doc of kb.documents) {
    for (const claim of doc.claims)
      if (claim.predicate.unnormalised) predicates.set(claim.predicate.name, claim.predicate);
  }
  return {
    entities: kb.entities,
    lexiconEntities: kb.lexiconEntities,
    memberships: kb.memberships,
    works: kb.works,
    predicates,
  };
}

/**
 * A document's section: its description graph and the nanopublications of its claims.
 * `nanopubs`, when given, records each claim's IRI → its nanopublication's, as written.
 */
export function documentQuads(
  doc: DocumentClaims,
  iris: Iris,
  options: NanopubOptions = {},
  nanopubs?: NanopubIris,
): Quad[] {
  const out: Quad[] = [];
  writeDescription(out, doc, iris, { document: iris.graph(doc.document.id) });
  for (const claim of doc.claims) {
    const np = writeClaim(out, doc, claim, iris, options);
    nanopubs?.record(iris.claim(claim.id).value, np);
  }
  return sortQuads(out);
}

export function sharedQuads(shared: SharedData, iris: Iris): Quad[] {
  const out: Quad[] = [];
  writeShared(out, shared, iris, { shared: iris.graph("shared") });
  return sortQuads(out);
}

/** Sorts quads by graph, subject, predicate and object (N-Quads order) and drops duplicates. */
export function sortQuads(quads: readonly Quad[]): Quad[] {
  const keyed = quads.map((q) => [quadKey(q), q] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Quad[] = [];
  let last = "";
  for (const [key, q] of keyed) {
    if (key === last) continue;
    out.push(q);
    last = key;
  }
  return out;
}
