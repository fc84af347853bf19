/** `stats`: counts by node type, claim type, evidence type, citation, and per document. */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";

export interface Stats {
  readonly nodes: Readonly<Record<string, number>>;
  readonly edges: number;
  readonly claimTypes: Readonly<Record<string, number>>;
  readonly entityTypes: Readonly<Record<string, number>>;
  /** Claims by the evidence types of the works they cite ("uncited" for none). */
  readonly claimsByEvidence: Readonly<Record<string, number>>;
  readonly worksByEvidence: Readonly<Record<string, number>>;
  readonly cited: number;
  readonly uncited: number;
  readonly documents: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly claims: number;
    readonly cited: number;
    readonly uncited: number;
    readonly references: number;
  }>;
}

/** What `stats` counts as it walks the graph's nodes. */
interface Tally {
  readonly nodes: Record<string, number>;
  readonly claimTypes: Record<string, number>;
  readonly entityTypes: Record<string, number>;
  readonly claimsByEvidence: Record<string, number>;
  readonly worksByEvidence: Record<string, number>;
  cited: number;
  uncited: number;
  /** Each document's claims and number of references, documents in the order first met. */
  readonly perDoc: Map<string, { claims: ClaimNode[]; references: number }>;
}

/** Counts of the knowledge graph: nodes, claims and works by type, citations, per document. */
export function stats(kg: KnowledgeGraph): Stats {
  const t: Tally = {
    nodes: {},
    claimTypes: {},
    entityTypes: {},
    claimsByEvidence: {},
    worksByEvidence: {},
    cited: 0,
    uncited: 0,
    perDoc: new Map(),
  };
  kg.forEachNode((iri, a) => {
    bump(t.nodes, a.kind);
    if (a.kind === "entity") bump(t.entityTypes, a.type);
    if (a.kind === "work") bump(t.worksByEvidence, a.evidenceType);
    if (a.kind === "document") documentEntry(t, iri);
    if (a.kind === "reference" && a.document) documentEntry(t, a.document).references++;
    if (a.kind === "claim") countClaim(kg, t, a);
  });
  return {
    nodes: sorted(t.nodes),
    edges: kg.size,
    claimTypes: sorted(t.claimTypes),
    entityTypes: sorted(t.entityTypes),
    claimsByEvidence: sorted(t.claimsByEvidence),
    worksByEvidence: sorted(t.worksByEvidence),
    cited: t.cited,
    uncited: t.uncited,
    documents: documentRows(kg, t.perDoc),
  };
}

/**
 * A claim, by its type, its document and the evidence behind it: "uncited", or each
 * evidence type among the works it cites.
 */
function countClaim(kg: KnowledgeGraph, t: Tally, a: ClaimNode): void {
  bump(t.claimTypes, a.claimType);
  documentEntry(t, a.location.document).claims.push(a);
  if (a.citations.length === 0) {
    t.uncited++;
    bump(t.claimsByEvidence, "uncited");
    return;
  }
  t.cited++;
  const types = new Set(a.citations.map((r) => kg.citedWork(r)?.evidenceType ?? "UnknownEvidence"));
  for (const type of types) bump(t.claimsByEvidence, type);
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1;
}

/** The entry of document `iri`, made when first met. */
function documentEntry(t: Tally, iri: string): { claims: ClaimNode[]; references: number } {
  let d = t.perDoc.get(iri);
  if (!d) {
    d = { claims: [], references: 0 };
    t.perDoc.set(iri, d);
  }
  return d;
}

/** Counts with their keys in order. */
function sorted(m: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** One row per document, by IRI: its claims (cited and uncited) and references. */
function documentRows(
  kg: KnowledgeGraph,
  perDoc: ReadonlyMap<string, { claims: ClaimNode[]; references: number }>,
): Stats["documents"] {
  return [...perDoc.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, d]) => ({
      id,
      title: kg.label(id),
      claims: d.claims.length,
      cited: d.claims.filter((c) => c.citations.length > 0).length,
      uncited: d.claims.filter((c) => c.citations.length === 0).length,
      references: d.references,
    }));
}

export function renderStats(s: Stats): string {
  const table = (title: string, m: Readonly<Record<string, number>>) => {
    const width = Math.max(0, ...Object.keys(m).map((k) => k.length));
    return [
      title,
      ...Object.entries(m).map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(6)}`),
    ];
  };
  return [
    ...table("nodes", s.nodes),
    `  ${"edges".padEnd(9)}  ${String(s.edges).padStart(6)}`,
    "",
    ...table("claims by type", s.claimTypes),
    "",
    `claims cited ${s.cited}, uncited ${s.uncited}`,
    "",
    ...table("claims by evidence type of what they cite", s.claimsByEvidence),
    "",
    ...table("works by evidence type", s.worksByEvidence),
    "",
    ...table("entities by type", s.entityTypes),
    "",
    "per document",
    ...s.documents.map(
      (d) =>
        `  ${d.title}: ${d.claims} claims (${d.cited} cited, ${d.uncited} uncited), ${d.references} references`,
    ),
  ].join("\n");
}
