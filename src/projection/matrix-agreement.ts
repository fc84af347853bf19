/**
 * What several documents say together, laid on the viewer's matrix (#15): each cell gets the
 * assertions its claims belong to, with their support by tier (the "3 works" badge), and the
 * conflicts one of its claims stands in (the "⚠ 1" badge); each listed claim names its
 * assertion. Ids and counts only: a conflict's sides (quotes, places) are fetched when asked
 * for (agreement-details.ts), so the matrix stays small however many documents agree.
 */
import type { Agreement, Assertion, ConflictKind, SupportTier } from "../agreement/types.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import {
  cellOfClaim,
  type Matrix,
  type MatrixCell,
  type MatrixClaim,
  type MatrixRow,
  matrixCellKey,
} from "./matrix.ts";

/** An assertion as a cell's badge shows it: its distinct documents and works, and works by tier. */
export interface MatrixAssertion {
  readonly iri: string;
  readonly documents: number;
  readonly works: number;
  /** The tiers with at least one work (the others are 0). */
  readonly support: Readonly<Partial<Record<SupportTier, number>>>;
  /** Works whose evidence type a rule inferred rather than the source or a curator stating it. */
  readonly inferred: number;
}

/** A conflict a cell's claims stand in: its id (for `/api/conflict`) and its kind. */
export interface MatrixConflict {
  readonly iri: string;
  readonly kind: ConflictKind;
}

export interface AgreedClaim extends MatrixClaim {
  /** The assertion the claim belongs to (its index in the cell's `assertions`), or null. */
  readonly assertion: number | null;
}

export interface AgreedCell extends MatrixCell {
  readonly claims: readonly AgreedClaim[];
  /** Every assertion of the cell's claims (listed or not), by IRI. */
  readonly assertions: readonly MatrixAssertion[];
  readonly conflicts: readonly MatrixConflict[];
}

export interface AgreedRow extends MatrixRow {
  readonly cells: readonly AgreedCell[];
}

/** The matrix the viewer's `/api/matrix` answers. */
export interface AgreedMatrix extends Matrix {
  readonly rows: readonly AgreedRow[];
}

interface CellAgreement {
  readonly assertions: Map<string, Assertion>;
  readonly conflicts: Map<string, MatrixConflict>;
}

/** `matrix` (of `kg`) with every cell's assertions and conflicts from `agreement`. */
export function matrixWithAgreement(
  kg: KnowledgeGraph,
  matrix: Matrix,
  agreement: Agreement,
): AgreedMatrix {
  const byCell = new Map<string, CellAgreement>();
  const cellOf = cellFinder(kg);
  const at = (key: string): CellAgreement => {
    const found = byCell.get(key) ?? { assertions: new Map(), conflicts: new Map() };
    byCell.set(key, found);
    return found;
  };
  const ofClaim = new Map<string, string>();
  for (const a of agreement.assertions)
    for (const c of a.claims) {
      if (!ofClaim.has(c)) ofClaim.set(c, a.iri);
      const key = cellOf(c);
      if (key !== null) at(key).assertions.set(a.iri, a);
    }
  for (const d of agreement.conflicts)
    for (const c of d.sides.flatMap((s) => s.claims)) {
      const key = cellOf(c);
      if (key !== null) at(key).conflicts.set(d.iri, { iri: d.iri, kind: d.kind });
    }
  return {
    ...matrix,
    rows: matrix.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell, i) =>
        agreed(cell, byCell.get(matrixCellKey(row.key, matrix.columns[i]?.id ?? "")), ofClaim),
      ),
    })),
  };
}

/** The cell of a claim by its IRI, each claim looked up once. */
function cellFinder(kg: KnowledgeGraph): (claim: string) => string | null {
  const known = new Map<string, string | null>();
  return (claim) => {
    let key = known.get(claim);
    if (key === undefined) {
      const node = kg.claim(claim);
      key = node ? cellOfClaim(kg, node) : null;
      known.set(claim, key);
    }
    return key;
  };
}

function agreed(
  cell: MatrixCell,
  found: CellAgreement | undefined,
  ofClaim: ReadonlyMap<string, string>,
): AgreedCell {
  const assertions = [...(found?.assertions.values() ?? [])].map(badgeOf).sort(byIri);
  const index = new Map(assertions.map((a, i) => [a.iri, i]));
  return {
    ...cell,
    claims: cell.claims.map((c) => ({
      ...c,
      assertion: index.get(ofClaim.get(c.id) ?? "") ?? null,
    })),
    assertions,
    conflicts: [...(found?.conflicts.values() ?? [])].sort(byIri),
  };
}

function badgeOf(a: Assertion): MatrixAssertion {
  return {
    iri: a.iri,
    support: Object.fromEntries(Object.entries(a.support).filter(([, n]) => n > 0)),
    documents: a.documents.length,
    works: a.works.length,
    inferred: a.inferred?.length ?? 0,
  };
}

function byIri(a: { readonly iri: string }, b: { readonly iri: string }): number {
  return a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0;
}
