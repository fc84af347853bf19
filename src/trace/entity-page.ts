/**
 * Trace's answer for an entity from one page of its claims and counts read apart (a store's:
 * src/store/remote-entity-page.ts): the answer `entityTrace` gives on the whole knowledge base,
 * made on a graph that holds only the page's claims, the mentioning claims shown and the
 * groups' predicates.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { spacedLocalName } from "../graph/local-name.ts";
import type { EntityPage } from "../sparql/questions.ts";
import { type ClaimJson, claimJson, type Named, type StudyJson } from "./answers.ts";
import { entityJson, type Group, ordered } from "./entity-trace.ts";
import type { TraceResult, Window } from "./trace-result.ts";

export function entityPageTrace(
  kg: KnowledgeGraph,
  query: string,
  page: EntityPage,
  w: Window,
): TraceResult {
  const studies = new Map<string, StudyJson>();
  const claims: ClaimJson[] = [];
  const byGroup = new Map<string, ClaimJson[]>();
  for (const iri of page.claims.slice(0, w.limit)) {
    const claim = kg.claim(iri);
    if (!claim) continue;
    const json = claimJson(kg, claim, studies);
    claims.push(json);
    const key = `${claim.subject === page.entity ? "subject" : "object"} ${claim.predicate}`;
    const list = byGroup.get(key);
    if (list) list.push(json);
    else byGroup.set(key, [json]);
  }
  const groups = new Map<string, Group>(
    page.groups.map((g) => {
      const key = `${g.role} ${g.predicate}`;
      // As the whole graph labels a claim's predicate: its own label, else its spaced local name.
      const label = kg.predicateLabels.get(g.predicate) ?? spacedLocalName(g.predicate);
      return [key, { key, predicate: { id: g.predicate, label }, role: g.role, count: g.count }];
    }),
  );
  const shown: Named[] = page.mentionedIn.slice(0, w.limit);
  return {
    query,
    match: "entity",
    total: page.total,
    ...w,
    claims,
    entity: entityJson(kg, page.entity, ordered(groups), byGroup, {
      count: page.mentionedInCount,
      shown,
    }),
    referenceCount: 0,
    references: [],
    tried: [],
    suggestions: [],
  };
}
