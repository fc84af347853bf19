/**
 * `agreementOf(kg)`: what the documents of a knowledge graph say together (issue #15) — the
 * assertions their claims group into, with support, and the conflicts among them. Built once
 * per graph through `kg.index`, and kept with the graph.
 */
import type { GraphIndex, KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { DEFAULT_BASE_IRI } from "../rdf/vocab/namespaces.ts";
import { detectConflicts, localName } from "./detect.ts";
import { claimFacts } from "./facts.ts";
import { type EvidenceOf, groupFacts } from "./group.ts";
import {
  discrepancyConflicts,
  graphDiscrepancies,
  type StatedDiscrepancy,
} from "./public-record.ts";
import { type ConflictRules, loadConflictRules } from "./rules.ts";
import type { Agreement, ClaimFact } from "./types.ts";

export const AGREEMENT_INDEX: GraphIndex<Agreement> = {
  name: "agreement",
  build: (kg) => agreementWith(kg, loadConflictRules()),
};

export function agreementOf(kg: KnowledgeGraph): Agreement {
  return kg.index(AGREEMENT_INDEX);
}

/** The agreement of `kg` under `rules` (tests give their own). */
export function agreementWith(
  kg: KnowledgeGraph,
  rules: ConflictRules,
  facts: readonly ClaimFact[] = claimFacts(kg),
): Agreement {
  const discrepancies = graphDiscrepancies(kg);
  const evidenceOf = evidenceOfWorks(kg, rules);
  return agreementFrom({ facts, evidenceOf, discrepancies, base: baseOf(kg) }, rules);
}

/** What the agreement is computed from: a graph's or the build's knowledge base's, alike. */
export interface AgreementInput {
  readonly facts: readonly ClaimFact[];
  readonly evidenceOf: EvidenceOf;
  readonly discrepancies: readonly StatedDiscrepancy[];
  /** The knowledge base's namespace, where assertion and conflict IRIs are minted. */
  readonly base: string;
}

/** The agreement of `input` under `rules`: its assertions, and their conflicts sorted by IRI. */
export function agreementFrom(input: AgreementInput, rules: ConflictRules): Agreement {
  const { base } = input;
  const assertions = groupFacts(input.facts, input.evidenceOf, base);
  const conflicts = [
    ...detectConflicts(assertions, rules, base),
    ...discrepancyConflicts(input.discrepancies, assertions, rules, base),
  ];
  const unique = new Map(conflicts.map((c) => [c.iri, c]));
  return {
    assertions,
    conflicts: [...unique.values()].sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0)),
  };
}

/** The knowledge base's own namespace: where its claims' IRIs are minted. */
export function baseOf(kg: KnowledgeGraph): string {
  const claims = kg.prefixMap.claim;
  return claims?.endsWith("claim/") ? claims.slice(0, -"claim/".length) : DEFAULT_BASE_IRI;
}

/** Each work's tier under `rules`, as the graph's work nodes give their evidence type. */
export function evidenceOfWorks(kg: KnowledgeGraph, rules: ConflictRules): EvidenceOf {
  return (work) => {
    const w = kg.work(work);
    return {
      tier: (w && rules.tiers.get(localName(w.evidenceType))) || "unknown",
      inferred: w?.evidenceInferred ?? false,
    };
  };
}
