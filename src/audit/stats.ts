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

/** Counts of the knowledge graph: nodes, claims and works by type, citations, per document. */
export function stats(kg: KnowledgeGraph): Stats {
  const nodes: Record<string, number> = {};
  const claimTypes: Record<string, number> = {};
  const entityTypes: Record<string, number> = {};
  const claimsByEvidence: Record<string, number> = {};
  const worksByEvidence: Record<string, number> = {};
  const perDoc = new Map<string, { claims: ClaimNode[]; references: number }>();
  const bump = (m: Record<string, number>, k: string) => {
    m[k] = (m[k] ?? 0) + 1;
  };
  const doc = (iri: string) => {
    let d = perDoc.get(iri);
    if (!d) {
      d = { claims: [], references: 0 };
      perDoc.set(iri, d);
    }
    return d;
  };
  let cited = 0;
  let uncited = 0;
  kg.graph.forEachNode((iri, a) => {
    bump(nodes, a.kind);
    if (a.kind === "entity") bump(entityTypes, a.type);
    if (a.kind === "work") bump(worksByEvidence, a.evidenceType);
    if (a.kind === "document") doc(iri);
    if (a.kind === "reference" && a.document) doc(a.document).references++;
    if (a.kind !== "claim") return;
    bump(claimTypes, a.claimType);
    doc(a.location.document).claims.push(a);
    if (a.citations.length === 0) {
      uncited++;
      bump(claimsByEvidence, "uncited");
      return;
    }
    cited++;
    const types = new Set(
      a.citations.map((r) => kg.citedWork(r)?.evidenceType ?? "UnknownEvidence"),
    );
    for (const t of types) bump(claimsByEvidence, t);
  });
  return {
    nodes: sorted(nodes),
    edges: kg.graph.size,
    claimTypes: sorted(claimTypes),
    entityTypes: sorted(entityTypes),
    claimsByEvidence: sorted(claimsByEvidence),
    worksByEvidence: sorted(worksByEvidence),
    cited,
    uncited,
    documents: documentRows(kg, perDoc),
  };
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
