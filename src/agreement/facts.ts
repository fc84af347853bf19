/**
 * Claim facts (issue #15): each claim of a knowledge graph as the grouping sees it — its
 * subject, predicate, object entity or normalised value, the distinct works it cites, its
 * quote and place. A null cell ("not stated", "not tested") asserts nothing and gives no fact.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { CG_IRI } from "../rdf/vocab/namespaces.ts";
import { CG } from "../rdf/vocab/vocabulary.ts";
import type { ClaimFact, NormalisedValue } from "./types.ts";

/** Every asserting claim of `kg`, sorted by IRI. */
export function claimFacts(kg: KnowledgeGraph): ClaimFact[] {
  const out: ClaimFact[] = [];
  kg.forEachNode((_, node) => {
    if (node.kind === "claim" && node.status === undefined) out.push(claimFact(kg, node));
  });
  return out.sort((a, b) => (a.claim < b.claim ? -1 : a.claim > b.claim ? 1 : 0));
}

export function claimFact(kg: KnowledgeGraph, c: ClaimNode): ClaimFact {
  const object = "iri" in c.object ? c.object.iri : undefined;
  const value = normalisedValue(c);
  const numbers = c.citations
    .map((r) => kg.reference(r)?.number)
    .filter((n): n is number => n !== undefined);
  return {
    claim: c.iri,
    document: c.location.document,
    subject: c.subject,
    predicate: c.predicate,
    ...(object !== undefined ? { object } : { text: literalOf(c) }),
    ...(value ? { value } : {}),
    ...comparisonOf(c),
    works: worksOf(kg, c),
    citations: [...new Set(numbers)].sort((a, b) => a - b),
    quote: c.quote?.exact ?? "",
    place: {
      file: kg.document(c.location.document)?.fileName ?? kg.compact(c.location.document),
      line: c.location.line ?? 0,
      column: c.location.column ?? 0,
    },
    guessed: c.guesses.length > 0,
  };
}

/** The distinct works behind a claim's citations: a work listed under two numbers once. */
function worksOf(kg: KnowledgeGraph, c: ClaimNode): string[] {
  const works = new Set<string>();
  for (const cited of c.citations) {
    const work = kg.citedWork(cited);
    if (work) works.add(work.iri);
  }
  return [...works].sort();
}

/** A comparison's frame: a direction (Favours, Similar, …) as a value, its condition and arm. */
function comparisonOf(c: ClaimNode): Pick<ClaimFact, "value" | "comparison"> {
  const compared = c.comparison;
  if (!compared?.direction) return {};
  return {
    value: { scale: CG.direction.value, value: `${CG_IRI}${compared.direction}` },
    comparison: { condition: compared.condition ?? "", favours: compared.favours ?? "" },
  };
}

/** An adverse-effect claim's frequency or risk, on the scale of cg:Frequency. */
function normalisedValue(c: ClaimNode): NormalisedValue | undefined {
  if (c.frequency === undefined) return undefined;
  return { scale: CG.Frequency.value, value: `${CG_IRI}${c.frequency}` };
}

function literalOf(c: ClaimNode): string {
  return "literal" in c.object ? c.object.literal : "";
}
