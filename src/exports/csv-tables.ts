/**
 * The knowledge base as two spreadsheet tables (RFC 4180, formula cells prefixed, like the
 * viewer's "Download all (CSV)"): `claims.csv`, the viewer's claims table whole — its columns,
 * its order, the claim's IRI last — and `entities.csv`, one row per entity with its type,
 * synonyms, identifiers, how many claims name it and the documents they stand in, the
 * entity's IRI last.
 */
import { withoutBidiControls } from "../base/bidi.ts";
import { toCsv } from "../base/csv.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { EntityNode, IdentifierInfo } from "../graph/types.ts";
import { CLAIM_CSV_HEADER, claimCsvFields } from "../projection/claim-csv.ts";
import { claimRows } from "../projection/claim-rows.ts";
import { nameOf, typeKey } from "../projection/palette.ts";
import { claimsTouching } from "../projection/projection.ts";

export const ENTITY_CSV_HEADER: readonly string[] = [
  "Entity",
  "Type",
  "Synonyms",
  "Identifiers",
  "Claims",
  "Documents",
  "IRI",
];

/** Every claim, as the viewer's table lists them (document order). */
export function claimsCsv(kg: KnowledgeGraph): string {
  return toCsv(CLAIM_CSV_HEADER, claimRows(kg).map(claimCsvFields));
}

/** Every entity, by label (then IRI); its claims counted as the viewer sizes its node. */
export function entitiesCsv(kg: KnowledgeGraph): string {
  const entities: EntityNode[] = [];
  kg.graph.forEachNode((_, a) => {
    if (a.kind === "entity") entities.push(a);
  });
  entities.sort((a, b) => compare(a.label, b.label) || compare(a.iri, b.iri));
  const rows = entities.map((e) => {
    const { claims, documents } = claimsTouching(kg, e.iri);
    return [
      e.label,
      nameOf(typeKey("entity", e.type)),
      e.synonyms.join("; "),
      e.identifiers.map(identifierText).join("; "),
      String(claims),
      documentLabels(kg, documents),
      e.iri,
    ].map(withoutBidiControls);
  });
  return toCsv(ENTITY_CSV_HEADER, rows);
}

/** The titles of the documents, sorted. */
function documentLabels(kg: KnowledgeGraph, documents: ReadonlySet<string>): string {
  return [...documents]
    .map((iri) => kg.label(iri))
    .sort(compare)
    .join("; ");
}

/** "chebi:47781", or "chebi:5118 (unverified)" when the knowledge base marks it so. */
function identifierText(id: IdentifierInfo): string {
  return id.unverified ? `${id.curie} (unverified)` : id.curie;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
