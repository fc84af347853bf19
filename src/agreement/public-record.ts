/**
 * PublicRecordDisagrees (issue #15): a claim whose stated identifier or number a public record
 * contradicts. The build checks a document's stated values against public records and keeps
 * each disagreement on the document (cg:Discrepancy, `audit` lists them); here each becomes a
 * conflict between the claim's assertion and what the record gives, an assertion of no claim.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { disagreement, localName } from "./detect.ts";
import { keyIri } from "./group.ts";
import type { ConflictRules } from "./rules.ts";
import type { Assertion, Disagreement } from "./types.ts";

/** A document's stated value that public records contradict: the claim stating it, what they give. */
export interface StatedDiscrepancy {
  readonly claim: string | undefined;
  readonly publicValues: readonly string[];
}

/** The disagreements with public records the documents of `kg` keep. */
export function graphDiscrepancies(kg: KnowledgeGraph): StatedDiscrepancy[] {
  const out: StatedDiscrepancy[] = [];
  kg.forEachNode((_, node) => {
    if (node.kind === "document") out.push(...node.discrepancies);
  });
  return out;
}

/** The conflicts `discrepancies` make with the assertions of their claims. */
export function discrepancyConflicts(
  discrepancies: readonly StatedDiscrepancy[],
  assertions: readonly Assertion[],
  rules: ConflictRules,
  base: string,
): Disagreement[] {
  const byClaim = new Map<string, Assertion>();
  for (const a of assertions) for (const c of a.claims) byClaim.set(c, a);
  const out: Disagreement[] = [];
  for (const d of discrepancies) {
    const stated = d.claim === undefined ? undefined : byClaim.get(d.claim);
    if (!stated || !rules.record.has(localName(stated.predicate))) continue;
    const record = recordAssertion(stated, d.publicValues, base);
    out.push(disagreement("PublicRecordDisagrees", stated, record, rules, base));
  }
  return out;
}

/** What public records give, as an assertion no claim makes (its sources in its key). */
function recordAssertion(stated: Assertion, values: readonly string[], base: string): Assertion {
  const publicValues = [...values].sort();
  const key = `${stated.subject} | ${stated.predicate} | ${stated.object ?? ""} | public record: ${publicValues.join(", ")}`;
  return {
    iri: keyIri(base, "assertion", key),
    key,
    subject: stated.subject,
    predicate: stated.predicate,
    ...(stated.object !== undefined ? { object: stated.object } : {}),
    claims: [],
    documents: [],
    works: [],
    support: { primary: 0, review: 0, tertiary: 0, consumer: 0, unknown: 0 },
    guessed: false,
    publicValues,
  };
}
