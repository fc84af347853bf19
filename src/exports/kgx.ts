/**
 * KGX TSV (biolink/kgx, specification/kgx-format.md): `nodes.tsv`, one row per entity with its
 * Biolink category, and `edges.tsv`, one row per claim that links two entities by a mapped
 * predicate, with its provenance (knowledge_level, agent_type, primary_knowledge_source) and
 * the works it cites as publications. The mapping is data: ontology/biolink-mapping.tsv.
 * A node's id is a CURIE where the entity has a checked identifier of a mapped scheme (in the
 * mapping's order), else its knowledge base IRI. Fields never hold a tab or line break;
 * multivalued fields are joined by "|" (a "|" inside an item becomes a space).
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode, EntityNode, IdentifierInfo } from "../graph/types.ts";
import { CG_IRI } from "../rdf/vocab/vocabulary.ts";
import { type BiolinkMapping, setting } from "./biolink-mapping.ts";

export const KGX_NODE_COLUMNS = [
  "id",
  "category",
  "name",
  "synonym",
  "xref",
  "iri",
  "provided_by",
] as const;
export const KGX_EDGE_COLUMNS = [
  "id",
  "subject",
  "predicate",
  "object",
  "category",
  "knowledge_level",
  "agent_type",
  "primary_knowledge_source",
  "publications",
  "original_predicate",
] as const;

/** A claim's predicate not in the mapping (minted while reading) goes out as this. */
export const UNLISTED_PREDICATE = "biolink:related_to";

export interface KgxFiles {
  readonly nodes: string;
  readonly edges: string;
}

export function kgxFiles(kg: KnowledgeGraph, mapping: BiolinkMapping): KgxFiles {
  const entities = entityNodes(kg);
  const ids = nodeIds(entities, mapping);
  const source = setting(mapping, "primary_knowledge_source");
  const nodes = entities.map((e) => [
    ids.get(e.iri) ?? e.iri,
    mapping.terms.category.get(e.type) ?? "biolink:NamedThing",
    e.label,
    list(e.synonyms),
    list(curies(e.identifiers, mapping).filter((c) => c !== ids.get(e.iri))),
    e.iri,
    source,
  ]);
  const edges = kgxEdges(kg, mapping).map((c) => edgeRow(kg, mapping, ids, c));
  return { nodes: tsv(KGX_NODE_COLUMNS, nodes), edges: tsv(KGX_EDGE_COLUMNS, edges) };
}

/** The claims that are KGX edges: entity to entity, asserted, by a predicate not left unmapped. */
export function kgxEdges(kg: KnowledgeGraph, mapping: BiolinkMapping): ClaimNode[] {
  const claims: ClaimNode[] = [];
  kg.graph.forEachNode((_, a) => {
    if (a.kind !== "claim" || !("iri" in a.object) || a.status) return;
    if (!kg.entity(a.subject) || !kg.entity(a.object.iri)) return;
    if (biolinkPredicate(mapping, a.predicate) === null) return;
    claims.push(a);
  });
  return claims.sort((a, b) => compare(a.iri, b.iri));
}

function edgeRow(
  kg: KnowledgeGraph,
  mapping: BiolinkMapping,
  ids: ReadonlyMap<string, string>,
  c: ClaimNode,
): string[] {
  const object = "iri" in c.object ? c.object.iri : "";
  return [
    c.iri,
    ids.get(c.subject) ?? c.subject,
    biolinkPredicate(mapping, c.predicate) ?? UNLISTED_PREDICATE,
    ids.get(object) ?? object,
    setting(mapping, "edge_category"),
    setting(mapping, "knowledge_level"),
    mapping.terms.agent.get(c.claimType) ?? "not_provided",
    setting(mapping, "primary_knowledge_source"),
    list(publications(kg, mapping, c)),
    c.predicate,
  ];
}

/** The Biolink predicate of a claimgraph predicate IRI; null when left unmapped on purpose. */
export function biolinkPredicate(mapping: BiolinkMapping, predicate: string): string | null {
  const local = predicate.startsWith(CG_IRI) ? predicate.slice(CG_IRI.length) : undefined;
  const mapped = local === undefined ? undefined : mapping.terms.predicate.get(local);
  return mapped === undefined ? UNLISTED_PREDICATE : mapped;
}

/** What a claim cites: each work's PMID or DOI (the mapping's order), else the work's IRI. */
function publications(kg: KnowledgeGraph, mapping: BiolinkMapping, c: ClaimNode): string[] {
  const out = c.citations.flatMap((r) => {
    const work = kg.citedWork(r);
    return work ? [curies(work.identifiers, mapping)[0] ?? work.iri] : [];
  });
  return [...new Set(out)];
}

function entityNodes(kg: KnowledgeGraph): EntityNode[] {
  const out: EntityNode[] = [];
  kg.graph.forEachNode((_, a) => {
    if (a.kind === "entity") out.push(a);
  });
  return out.sort((a, b) => compare(a.iri, b.iri));
}

/** Each entity's CURIE id, when no other entity would have the same. */
function nodeIds(entities: readonly EntityNode[], mapping: BiolinkMapping): Map<string, string> {
  const first = new Map(entities.map((e) => [e.iri, curies(e.identifiers, mapping)[0]]));
  const uses = new Map<string, number>();
  for (const id of first.values()) if (id) uses.set(id, (uses.get(id) ?? 0) + 1);
  const ids = new Map<string, string>();
  for (const [iri, id] of first) if (id && uses.get(id) === 1) ids.set(iri, id);
  return ids;
}

/** The checked identifiers (confirmed, not marked unverified) as CURIEs, in the mapping's order. */
function curies(identifiers: readonly IdentifierInfo[], mapping: BiolinkMapping): string[] {
  const checked = identifiers.filter((i) => !i.unverified && i.confidence === "confirmed");
  return mapping.prefixes.flatMap(([scheme, prefix]) =>
    checked
      .filter((i) => i.scheme === scheme)
      .map((i) => i.id)
      .sort(compare)
      .map((id) => curie(prefix, id)),
  );
}

/** "CHEBI:47781"; an id that already carries the prefix ("HP:0000217") keeps its local part. */
function curie(prefix: string, id: string): string {
  const own = `${prefix.toUpperCase()}:`;
  return `${prefix}:${id.toUpperCase().startsWith(own) ? id.slice(own.length) : id}`;
}

function list(items: readonly string[]): string {
  return items.map((item) => item.replace(/\|/g, " ")).join("|");
}

function tsv(columns: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (fields: readonly string[]) =>
    `${fields.map((f) => f.replace(/[\t\r\n]+/g, " ")).join("\t")}\n`;
  return [columns, ...rows].map(line).join("");
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
