/**
 * The claims table: every claim of the knowledge graph as one flat row (subject,
 * predicate, object or value, citations, evidence type, document, line), derived from the
 * graph and never stored in it. The viewer lists, sorts, filters and exports these rows;
 * `claim-page.ts` picks the page it asks for.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { evidenceLabel } from "../trace/evidence.ts";
import { claimEvidence, type Evidence } from "./claim-evidence.ts";
import { typeKey } from "./legend-key.ts";

/** How well a claim is supported: the projection's `Evidence` of a claim node. */
export type Support = Exclude<Evidence, "none">;

export interface ClaimRow {
  readonly id: string;
  readonly subject: string;
  readonly predicate: string;
  /** The object's label, or the literal value as the document gave it. */
  readonly object: string;
  readonly objectIsValue: boolean;
  /** Reference numbers the claim cites, in order ([] when uncited; null for a work cited directly). */
  readonly citations: ReadonlyArray<number | null>;
  /** The evidence types of the works it cites, for people ("clinical study; review"), or "uncited". */
  readonly evidence: string;
  readonly support: Support;
  /** The claim's class: TableCellClaim, ProseClaim, … */
  readonly type: string;
  /** The legend key of the claim's subject ("entity:Drug"), for the legend's type filter. */
  readonly subjectType: string;
  readonly document: { readonly id: string; readonly label: string };
  readonly line: number | null;
  /** A null cell's status (NotStated, NotTested): the cell gives no value. */
  readonly status: string | null;
}

/** Every claim as a row, in document order (document, line, column, then IRI). */
export function claimRows(kg: KnowledgeGraph): ClaimRow[] {
  const claims: ClaimNode[] = [];
  kg.graph.forEachNode((_, a) => {
    if (a.kind === "claim") claims.push(a);
  });
  claims.sort(
    (a, b) =>
      compare(kg.label(a.location.document), kg.label(b.location.document)) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      compare(a.iri, b.iri),
  );
  return claims.map((c) => claimRow(kg, c));
}

export function claimRow(kg: KnowledgeGraph, c: ClaimNode): ClaimRow {
  const types = c.citations.map((r) => kg.citedWork(r)?.evidenceType ?? "UnknownEvidence");
  return {
    id: c.iri,
    subject: kg.label(c.subject),
    predicate: kg.predicateLabel(c.predicate),
    object: "iri" in c.object ? kg.label(c.object.iri) : c.object.literal,
    objectIsValue: !("iri" in c.object),
    citations: c.citations.map((r) => kg.reference(r)?.number ?? null),
    evidence:
      types.length === 0 ? "uncited" : [...new Set(types)].sort().map(evidenceLabel).join("; "),
    support: claimEvidence(kg, c) as Support,
    type: c.claimType,
    subjectType: subjectType(kg, c.subject),
    document: { id: c.location.document, label: kg.label(c.location.document) },
    line: c.location.line ?? null,
    status: c.status ?? null,
  };
}

function subjectType(kg: KnowledgeGraph, iri: string): string {
  const node = kg.node(iri);
  if (!node) return "";
  return typeKey(node.kind, node.kind === "entity" ? node.type : node.kind);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
