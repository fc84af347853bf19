/**
 * The build's agreement section (issue #15): the grouped assertions and conflicts of every
 * document's claims, in their own named graph after the documents' sections and the shared
 * graph. Computed from the graph read back from the quads the build wrote, so the agreement a
 * build exports is the one `claimgraph conflicts` finds in its files. Not yet called by
 * `build()` and `streamSections`: writing it changes every export, and `push` (one graph per
 * document and the shared one), SHACL in batches and the base-moving checks must learn the new
 * graph first (see the report of branch s5-core).
 */
import type { Quad } from "@rdfjs/types";
import { agreementWith } from "../agreement/agreement.ts";
import { agreementQuads } from "../agreement/rdf.ts";
import { loadConflictRules } from "../agreement/rules.ts";
import { graphFromQuads } from "../graph/from-quads.ts";
import { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { NP, RDF } from "../rdf/vocab/vocabulary.ts";
import type { Iris } from "../rdf/write/iris.ts";

export function agreementSection(quads: readonly Quad[], iris: Iris): Quad[] {
  const kg = new KnowledgeGraph(graphFromQuads(quads), iris.prefixes());
  const agreement = agreementWith(kg, loadConflictRules());
  const nanopubs = nanopublications(quads);
  return agreementQuads(agreement, iris.graph("agreement"), (c) => nanopubs.get(c));
}

/** Each claim's nanopublication: the one whose provenance graph types the claim. */
function nanopublications(quads: readonly Quad[]): Map<string, string> {
  const byProvenance = new Map<string, string>();
  for (const q of quads)
    if (q.predicate.equals(NP.hasProvenance)) byProvenance.set(q.object.value, q.subject.value);
  const out = new Map<string, string>();
  for (const q of quads) {
    if (!q.predicate.equals(RDF.type)) continue;
    const np = byProvenance.get(q.graph.value);
    if (np !== undefined) out.set(q.subject.value, np);
  }
  return out;
}
