/**
 * The viewer's search: the answer `claimgraph trace` gives first (graph/resolve.ts — claim
 * IRIs, `[n]`, identifiers, names and synonyms, words of claims), then names that contain
 * what is typed, for suggestions while typing; the resolver's near misses when nothing else
 * matched. The first hit is what trace resolves the query to, so Enter selects it.
 */

import { normaliseLabel } from "../base/slug.ts";
import type { GraphIndex, KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { type Resolved, resolve } from "../graph/resolve.ts";
import type { SearchHit } from "./contract.ts";

interface SearchName {
  readonly id: string;
  readonly name: string;
  readonly norm: string;
  readonly kind: string;
  readonly type: string;
  readonly label: string;
}

/** Every node's names (an entity's synonyms too; claims have none), normalised once per graph. */
const SEARCH_NAMES: GraphIndex<readonly SearchName[]> = {
  name: "the viewer's search names",
  build: (kg) => {
    const list: SearchName[] = [];
    kg.graph.forEachNode((id, a) => {
      const names =
        a.kind === "entity" ? [a.label, ...a.synonyms] : a.kind === "claim" ? [] : [a.label];
      for (const name of names)
        list.push({
          id,
          name,
          norm: normaliseLabel(name),
          kind: a.kind,
          type: typeOf(kg, id),
          label: a.label,
        });
    });
    return list;
  },
};

export function search(kg: KnowledgeGraph, query: string, limit = 10): SearchHit[] {
  if (normaliseLabel(query) === "") return [];
  const resolved = resolve(kg, query);
  const hits = [...resolvedHits(kg, resolved, query), ...namesContaining(kg, query)];
  if (resolved.kind === "none" && hits.length === 0)
    hits.push(...resolved.suggestions.map((s) => hitOf(kg, s.id, s.label)));
  const seen = new Set<string>();
  return hits
    .filter((h) => {
      if (seen.has(h.id)) return false;
      seen.add(h.id);
      return true;
    })
    .slice(0, limit);
}

/** What trace resolves the query to, as hits, best first. */
export function resolvedHits(kg: KnowledgeGraph, r: Resolved, query: string): SearchHit[] {
  switch (r.kind) {
    case "claim":
      return r.claims.map((id) => claimHit(kg, id));
    case "entity":
      return [hitOf(kg, r.entity, matchedName(kg, r.entity, query))];
    case "reference":
      return r.references.map((id) => referenceHit(kg, id));
    case "work":
      return [hitOf(kg, r.work, kg.label(r.work))];
    case "none":
      return [];
  }
}

/** Names containing the query: an exact name first, then a name it begins, then any. */
function namesContaining(kg: KnowledgeGraph, query: string): SearchHit[] {
  const q = normaliseLabel(query);
  const scored: Array<[number, SearchHit]> = [];
  for (const e of kg.index(SEARCH_NAMES)) {
    const at = e.norm.indexOf(q);
    if (at === -1) continue;
    const score =
      (e.norm === q ? 0 : at === 0 ? 1 : 2) * 1000 +
      e.norm.length +
      (e.kind === "entity" ? 0 : 500);
    scored.push([score, { id: e.id, label: e.label, matched: e.name, kind: e.kind, type: e.type }]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1].label < b[1].label ? -1 : 1));
  return scored.map(([, hit]) => hit);
}

function hitOf(kg: KnowledgeGraph, id: string, matched: string): SearchHit {
  const a = kg.node(id);
  return {
    id,
    label: a?.label ?? kg.label(id),
    matched,
    kind: a?.kind ?? "node",
    type: typeOf(kg, id),
  };
}

/** A claim by its triple, as the graph labels it ("desipramine · primary target · NET"). */
function claimHit(kg: KnowledgeGraph, id: string): SearchHit {
  const c = kg.claim(id);
  if (!c) return hitOf(kg, id, kg.label(id));
  const object = "iri" in c.object ? kg.label(c.object.iri) : c.object.literal;
  const label = `${kg.label(c.subject)} · ${kg.predicateLabel(c.predicate)} · ${object}`;
  return { ...hitOf(kg, id, c.label), label };
}

/** A reference is a number in one document: the hit names the document (`[1]` is in many). */
function referenceHit(kg: KnowledgeGraph, id: string): SearchHit {
  const ref = kg.reference(id);
  const where = ref?.document ? kg.label(ref.document) : "";
  const number = ref?.number !== undefined ? `[${ref.number}]` : "";
  return { ...hitOf(kg, id, ""), matched: [number, where].filter((x) => x !== "").join(" in ") };
}

/** The entity's name the query is (a synonym such as "NET"), else its label. */
function matchedName(kg: KnowledgeGraph, id: string, query: string): string {
  const e = kg.entity(id);
  const q = normaliseLabel(query);
  return (
    [e?.label ?? "", ...(e?.synonyms ?? [])].find((n) => normaliseLabel(n) === q) ?? kg.label(id)
  );
}

function typeOf(kg: KnowledgeGraph, id: string): string {
  const a = kg.node(id);
  if (!a) return "node";
  if (a.kind === "entity") return a.type;
  if (a.kind === "work") return a.evidenceType;
  if (a.kind === "claim") return a.claimType;
  return a.kind;
}
