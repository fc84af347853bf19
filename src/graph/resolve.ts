/**
 * Finding what a query names: a claim IRI, a reference number (`[2]`), an identifier
 * (`pmid:12183009`), an entity name or synonym ("NET"), or free text matched against
 * claims' subjects, predicates and objects ("desipramine primary target"). Matching
 * is case-, accent- and punctuation-blind; near misses are offered as suggestions.
 * The one order of resolution: trace and path answer by it, and a remote store's reader
 * (store/remote-graph.ts) follows it to read what the answer needs.
 */
import { normaliseLabel } from "../base/slug.ts";
import type { GraphIndex, KnowledgeGraph } from "./knowledge-graph.ts";

export type Resolved =
  | { readonly kind: "claim"; readonly claims: readonly string[] }
  | { readonly kind: "entity"; readonly entity: string }
  | { readonly kind: "reference"; readonly references: readonly string[] }
  | { readonly kind: "work"; readonly work: string }
  | {
      readonly kind: "none";
      readonly tried: readonly string[];
      readonly suggestions: readonly Suggestion[];
    };

export interface Suggestion {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly score: number;
}

/** A reference number, optionally after a document id: `[2]`, `desipramine-vs-ssris[2]`. */
export const REFERENCE = /^(?:([\w.-]+)\s*)?\[(\d{1,6})\]$/;

/** The token index over claims, built on first use and kept with the graph. */
const CLAIM_INDEX: GraphIndex<ClaimIndex> = {
  name: "claims' words and names' trigrams",
  build: buildClaimIndex,
};

interface ClaimIndex {
  /** token → claim IRIs whose subject, predicate or object names contain it. */
  readonly postings: Map<string, string[]>;
  /** claim IRI → its token set. */
  readonly tokens: Map<string, Set<string>>;
  /** Every name (entity, claim text) with its trigrams, for suggestions. */
  readonly names: Array<{ id: string; label: string; kind: string; grams: Set<string> }>;
}

export function resolve(kg: KnowledgeGraph, query: string): Resolved {
  const q = query.trim().replace(/^<(.*)>$/, "$1");
  const tried: string[] = [];
  for (const step of STEPS) {
    tried.push(step.tried);
    const found = step.find(kg, q);
    if (found) return found;
  }
  return { kind: "none", tried, suggestions: suggest(kg, q) };
}

/** The readings of a query, in the order they are tried: the first that finds something answers. */
const STEPS: ReadonlyArray<{
  /** What the step looks for, listed to the user when nothing answers. */
  readonly tried: string;
  readonly find: (kg: KnowledgeGraph, q: string) => Resolved | undefined;
}> = [
  { tried: "a claim IRI", find: (kg, q) => byIri(kg, kg.expand(q)) },
  { tried: "a reference number such as [2]", find: byReferenceNumber },
  { tried: "an identifier such as pmid:12183009", find: byIdentifier },
  { tried: "an entity name or synonym", find: byName },
  { tried: "words of claims' subjects, predicates and objects", find: byWords },
];

/** A node of the graph named by IRI: a claim, an entity, a reference, a work, or a study's or document's claims. */
function byIri(kg: KnowledgeGraph, iri: string): Resolved | undefined {
  if (kg.claim(iri)) return { kind: "claim", claims: [iri] };
  const asNode = kg.node(iri);
  if (asNode?.kind === "entity") return { kind: "entity", entity: iri };
  if (asNode?.kind === "reference") return { kind: "reference", references: [iri] };
  if (asNode?.kind === "work") return { kind: "work", work: iri };
  if (asNode?.kind === "study")
    return { kind: "claim", claims: asNode.supports.filter((c) => kg.claim(c)) };
  if (asNode?.kind === "document") {
    const claims: string[] = [];
    kg.forEachInEdge(iri, (e, source) => {
      if (e.kind === "derivedFrom" && kg.claim(source)) claims.push(source);
    });
    return { kind: "claim", claims: claims.sort() };
  }
  return undefined;
}

/** The references numbered so (`[2]`), in the named document when one is given. */
function byReferenceNumber(kg: KnowledgeGraph, q: string): Resolved | undefined {
  const ref = REFERENCE.exec(q);
  if (!ref) return undefined;
  const number = Number(ref[2]);
  const doc = ref[1];
  const numbered = kg.referencesByNumber.get(number) ?? [];
  const found = doc
    ? numbered.filter((r) => kg.reference(r)?.document?.endsWith(`/${doc}`))
    : numbered;
  return found.length > 0 ? { kind: "reference", references: found } : undefined;
}

/** The work, or else the entity, with the identifier (`pmid:12183009`). */
function byIdentifier(kg: KnowledgeGraph, q: string): Resolved | undefined {
  const hits = kg.identifiers.get(q.toLowerCase()) ?? [];
  const work = hits.find((h) => kg.work(h));
  if (work) return { kind: "work", work };
  const entity = hits.find((h) => kg.entity(h));
  if (entity) return { kind: "entity", entity };
  return undefined;
}

/** The entity with the name or synonym, singular or plural. */
function byName(kg: KnowledgeGraph, q: string): Resolved | undefined {
  const named = nameVariants(normaliseLabel(q))
    .map((key) => kg.names.get(key))
    .find((hits) => hits?.[0]);
  return named?.[0] ? { kind: "entity", entity: named[0] } : undefined;
}

/** The claims whose names hold every word of the query. */
function byWords(kg: KnowledgeGraph, q: string): Resolved | undefined {
  const claims = searchClaims(kg, q);
  return claims.length > 0 ? { kind: "claim", claims } : undefined;
}

/**
 * A name, then the same name with its last word's plural "s" dropped or added: one class is
 * "Stimulant" in one header and "Stimulants" in another, and answers to both.
 */
function nameVariants(key: string): string[] {
  if (/[a-z]{2}s$/.test(key) && !/(?:ss|us|is)$/.test(key)) return [key, key.slice(0, -1)];
  return /[a-z]$/.test(key) ? [key, `${key}s`] : [key];
}

/** Claims whose subject, predicate and object names hold every word of the query, best first. */
export function searchClaims(kg: KnowledgeGraph, query: string): string[] {
  const words = normaliseLabel(query)
    .split(" ")
    .filter((w) => w !== "");
  if (words.length === 0) return [];
  const index = kg.index(CLAIM_INDEX);
  const [first, ...rest] = [...words].sort(
    (a, b) => (index.postings.get(a)?.length ?? 0) - (index.postings.get(b)?.length ?? 0),
  );
  const candidates = index.postings.get(first as string) ?? [];
  return candidates
    .filter((c) => rest.every((w) => index.tokens.get(c)?.has(w)))
    .sort(
      (a, b) =>
        (index.tokens.get(a)?.size ?? 0) - (index.tokens.get(b)?.size ?? 0) || (a < b ? -1 : 1),
    );
}

/** The names nearest to `query` (trigram similarity), for a query that matched nothing. */
export function suggest(kg: KnowledgeGraph, query: string, limit = 5): Suggestion[] {
  const grams = trigrams(normaliseLabel(query));
  return kg
    .index(CLAIM_INDEX)
    .names.map((n) => ({ id: n.id, label: n.label, kind: n.kind, score: dice(grams, n.grams) }))
    .filter((s) => s.score > 0.2)
    .sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : 1))
    .filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i)
    .slice(0, limit)
    .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
}

function buildClaimIndex(kg: KnowledgeGraph): ClaimIndex {
  const postings = new Map<string, string[]>();
  const tokens = new Map<string, Set<string>>();
  const names: ClaimIndex["names"] = [];
  const words = (text: string) =>
    normaliseLabel(text)
      .split(" ")
      .filter((w) => w !== "");
  const namesOf = (iri: string): string[] => {
    const n = kg.node(iri);
    if (n?.kind === "entity") return [n.label, ...n.synonyms];
    return [kg.label(iri)];
  };
  kg.forEachNode((iri, a) => {
    if (a.kind === "entity") {
      for (const name of [a.label, ...a.synonyms]) {
        names.push({ id: iri, label: name, kind: "entity", grams: trigrams(normaliseLabel(name)) });
      }
      return;
    }
    if (a.kind !== "claim") return;
    const object = "iri" in a.object ? namesOf(a.object.iri) : [a.object.literal];
    const set = new Set(
      [...namesOf(a.subject), kg.predicateLabel(a.predicate), ...object].flatMap(words),
    );
    tokens.set(iri, set);
    for (const t of set) {
      const list = postings.get(t);
      if (list) list.push(iri);
      else postings.set(t, [iri]);
    }
  });
  return { postings, tokens, names };
}

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const g of a) if (b.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}
