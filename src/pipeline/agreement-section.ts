/**
 * The build's agreement section (issue #15): the grouped assertions and conflicts of every
 * document's claims, in their own named graph (`<base>graph/agreement`) after the documents'
 * sections and the shared graph. Computed from the knowledge base the build holds, with the
 * IRIs its writer mints — not from a graph read back from the quads, which would cost as much
 * as the build — and equal to the agreement `claimgraph conflicts` finds in the written files
 * (tests/agreement/kb-facts.test.ts).
 */
import type { Quad } from "@rdfjs/types";
import { agreementFrom } from "../agreement/agreement.ts";
import { kbClaimFacts, kbDiscrepancies, kbEvidenceOf } from "../agreement/kb-facts.ts";
import { agreementGraph, agreementQuads, agreementSubjectQuads } from "../agreement/rdf.ts";
import { type ConflictRules, loadConflictRules } from "../agreement/rules.ts";
import type { Agreement } from "../agreement/types.ts";
import type { KnowledgeBase } from "../claims/types.ts";
import type { Iris } from "../rdf/write/iris.ts";
import type { NanopubIris } from "../rdf/write/nanopub-iris.ts";

/** The agreement of the knowledge base `kb`, its IRIs minted by `iris`. */
export function kbAgreement(
  kb: KnowledgeBase,
  iris: Iris,
  rules: ConflictRules = loadConflictRules(),
): Agreement {
  const input = {
    facts: kbClaimFacts(kb, iris),
    evidenceOf: kbEvidenceOf(kb, iris, rules),
    discrepancies: kbDiscrepancies(kb, iris),
    base: iris.base,
  };
  return agreementFrom(input, rules);
}

/**
 * The agreement graph's quads, sorted. `nanopubs` gives each claim's
 * nanopublication IRI, as the writer wrote it (documentQuads records them).
 */
export function agreementSection(
  kb: KnowledgeBase,
  iris: Iris,
  nanopubs: NanopubIris,
  rules: ConflictRules,
): Quad[] {
  return agreementQuads(kbAgreement(kb, iris, rules), agreementGraph(iris.base), (c) =>
    nanopubs.of(c),
  );
}

/**
 * The agreement graph's quads as `agreementSection` gives them, one subject's at a time, for
 * the build to write in slices without holding them all.
 */
export function agreementSubjects(
  kb: KnowledgeBase,
  iris: Iris,
  nanopubs: NanopubIris,
  rules: ConflictRules,
): Iterable<Quad[]> {
  return agreementSubjectQuads(kbAgreement(kb, iris, rules), agreementGraph(iris.base), (c) =>
    nanopubs.of(c),
  );
}
