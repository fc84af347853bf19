/**
 * The part of a knowledge graph's agreement (issue #15) one answer shows (#16): an entity's
 * trace lists the assertions whose subject or object it is and the conflicts each is a side
 * of; a claim's details, the assertions of its subject. A conflict pairs assertions of one
 * subject (every rule compares within a subject), so the agreement of the claims of a few
 * subjects holds, for their assertions, exactly what `agreementOf(kg)` holds — without
 * grouping every claim of a thousand documents first.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { agreementFrom, baseOf, evidenceOfWorks } from "./agreement.ts";
import { claimFact } from "./facts.ts";
import type { StatedDiscrepancy } from "./public-record.ts";
import { type ConflictRules, loadConflictRules } from "./rules.ts";
import type { Agreement, ClaimFact } from "./types.ts";

let installed: ConflictRules | undefined;

/**
 * The agreement about `entity`: of the claims whose subject is the entity or a subject that
 * says something of it (as object), so every assertion about it and all their conflicts.
 */
export function agreementAbout(
  kg: KnowledgeGraph,
  entity: string,
  rules: ConflictRules = defaultRules(),
): Agreement {
  const subjects = new Set([entity]);
  for (const c of kg.claimsAbout(entity)) subjects.add(c.subject);
  return subjectsAgreement(kg, subjects, rules);
}

/** The agreement of the claims whose subject is one of `subjects`: their assertions and conflicts. */
export function subjectsAgreement(
  kg: KnowledgeGraph,
  subjects: Iterable<string>,
  rules: ConflictRules = defaultRules(),
): Agreement {
  const facts: ClaimFact[] = [];
  for (const s of new Set(subjects))
    for (const c of claimsOf(kg, s)) if (c.status === undefined) facts.push(claimFact(kg, c));
  facts.sort((a, b) => (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
  const input = {
    facts,
    evidenceOf: evidenceOfWorks(kg, rules),
    discrepancies: discrepanciesOf(kg, facts),
    base: baseOf(kg),
  };
  return agreementFrom(input, rules);
}

/** The claims whose subject is `subject`: its in-edges, or every claim when it is no node. */
function claimsOf(kg: KnowledgeGraph, subject: string): ClaimNode[] {
  if (kg.has(subject)) return kg.claimsAbout(subject).filter((c) => c.subject === subject);
  const out: ClaimNode[] = [];
  kg.forEachNode((_, node) => {
    if (node.kind === "claim" && node.subject === subject) out.push(node);
  });
  return out;
}

/** The disagreements with public records kept by the documents of `facts` (their claims'). */
function discrepanciesOf(kg: KnowledgeGraph, facts: readonly ClaimFact[]): StatedDiscrepancy[] {
  const documents = [...new Set(facts.map((f) => f.document))].sort();
  return documents.flatMap((d) => kg.document(d)?.discrepancies ?? []);
}

function defaultRules(): ConflictRules {
  installed ??= loadConflictRules();
  return installed;
}
