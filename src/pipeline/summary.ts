/** Counts that describe a built knowledge base: what `build` prints. */
import type { KnowledgeBase } from "../claims/types.ts";

export interface Summary {
  readonly documents: number;
  readonly claims: number;
  readonly cited: number;
  readonly uncited: number;
  readonly tableCells: number;
  readonly comparative: number;
  readonly curated: number;
  readonly markers: number;
  readonly references: number;
  readonly works: number;
  readonly entities: number;
  readonly unnormalisedEntities: number;
  readonly studies: number;
  readonly discrepancies: number;
  readonly quads: number;
}

/**
 * The table cells that gave claims: one a cell, however many claims it gives (a coordination
 * gives one per object, an arm cell also the relations it states).
 */
function tableCells(kb: KnowledgeBase): number {
  return kb.documents.reduce((n, d) => {
    const places = d.claims
      .filter((c) => c.kind === "table" && c.table)
      .map((c) => `${c.table?.table}/${c.table?.rowIndex}/${c.table?.columnIndex}`);
    return n + new Set(places).size;
  }, 0);
}

export function summarize(kb: KnowledgeBase, quads: number): Summary {
  const claims = kb.documents.flatMap((d) => d.claims);
  const entities = [...kb.entities.values()];
  return {
    documents: kb.documents.length,
    claims: claims.length,
    cited: claims.filter((c) => c.citations.length > 0).length,
    uncited: claims.filter((c) => c.citations.length === 0).length,
    tableCells: tableCells(kb),
    comparative: claims.filter((c) => c.kind === "comparative").length,
    curated: claims.filter((c) => c.kind === "curated").length,
    markers: kb.documents.reduce((n, d) => n + d.document.citations.length, 0),
    references: kb.documents.reduce((n, d) => n + d.references.length, 0),
    works: kb.works.length,
    entities: entities.length,
    unnormalisedEntities: entities.filter((e) => e.unnormalised).length,
    studies: kb.documents.reduce((n, d) => n + d.studies.length, 0),
    discrepancies: kb.documents.reduce((n, d) => n + d.discrepancies.length, 0),
    quads,
  };
}

export function formatSummary(s: Summary): string {
  const rows: Array<[string, string]> = [
    ["documents", `${s.documents}`],
    ["claims", `${s.claims} (${s.cited} cited, ${s.uncited} uncited)`],
    ["  table cells", `${s.tableCells}`],
    ["  comparative", `${s.comparative}`],
    ["  curated", `${s.curated}`],
    ["citation markers", `${s.markers}`],
    ["references", `${s.references} (resolving to ${s.works} works)`],
    ["entities", `${s.entities} (${s.unnormalisedEntities} unnormalised)`],
    ["studies", `${s.studies}`],
    ["disagreements with public records", `${s.discrepancies}`],
    ["quads", `${s.quads}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n");
}
