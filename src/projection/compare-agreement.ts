/**
 * What several documents say together, laid on a comparison (#15): each cell gets the
 * assertions its claims belong to, with their support, and the conflicts either side of which
 * holds one of its claims. One function applied to the model (compare.ts), given the
 * `Agreement` the grouping found (src/agreement/), so the cells do not depend on how.
 */
import type {
  Agreement,
  Assertion,
  ConflictKind,
  Disagreement,
  Support,
} from "../agreement/types.ts";
import type { CompareCell, CompareRow, Comparison } from "./compare.ts";

/** An assertion a cell's claims belong to, as a cell shows it. */
export interface CellAssertion {
  readonly iri: string;
  readonly support: Support;
  /** Distinct documents and works behind it. */
  readonly documents: number;
  readonly works: number;
}

/** A conflict one of a cell's claims stands in: the kind and the other side. */
export interface CellConflict {
  readonly iri: string;
  readonly kind: ConflictKind;
  /** The other side's claims (those not in this cell). */
  readonly against: readonly string[];
}

export interface AnnotatedCell extends CompareCell {
  readonly assertions: readonly CellAssertion[];
  readonly conflicts: readonly CellConflict[];
}

export interface AnnotatedComparison extends Comparison {
  readonly rows: ReadonlyArray<CompareRow & { readonly cells: readonly AnnotatedCell[] }>;
}

/** `comparison` with every cell's assertions and conflicts from `agreement`. */
export function withAgreement(comparison: Comparison, agreement: Agreement): AnnotatedComparison {
  const byClaim = new Map<string, Assertion[]>();
  for (const a of agreement.assertions) for (const c of a.claims) entryOf(byClaim, c).push(a);
  // The conflicts a claim is a side of, so a cell looks up its own rather than scanning all.
  const sidesOf = new Map<string, Disagreement[]>();
  for (const d of agreement.conflicts)
    for (const side of d.sides) for (const c of side.claims) entryOf(sidesOf, c).push(d);
  return {
    ...comparison,
    rows: comparison.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => annotate(cell, byClaim, sidesOf)),
    })),
  };
}

/** The list `index` holds under `key`, made empty when it holds none. */
function entryOf<T>(index: Map<string, T[]>, key: string): T[] {
  const found = index.get(key);
  if (found) return found;
  const list: T[] = [];
  index.set(key, list);
  return list;
}

function annotate(
  cell: CompareCell,
  byClaim: ReadonlyMap<string, readonly Assertion[]>,
  sidesOf: ReadonlyMap<string, readonly Disagreement[]>,
): AnnotatedCell {
  const mine = new Set(cell.claims.map((c) => c.id));
  const assertions = new Map<string, CellAssertion>();
  const touching = new Set<Disagreement>();
  for (const id of mine) {
    for (const a of byClaim.get(id) ?? [])
      assertions.set(a.iri, {
        iri: a.iri,
        support: a.support,
        documents: a.documents.length,
        works: a.works.length,
      });
    for (const d of sidesOf.get(id) ?? []) touching.add(d);
  }
  const conflicts: CellConflict[] = [];
  for (const d of touching) {
    const [one, other] = d.sides;
    const against = one.claims.some((c) => mine.has(c))
      ? other.claims
      : other.claims.some((c) => mine.has(c))
        ? one.claims
        : undefined;
    if (against) conflicts.push({ iri: d.iri, kind: d.kind, against: [...against] });
  }
  const byIri = (a: { iri: string }, b: { iri: string }) =>
    a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0;
  return {
    ...cell,
    assertions: [...assertions.values()].sort(byIri),
    conflicts: conflicts.sort(byIri),
  };
}

/** "2 works: 1 primary, 1 tertiary" — the tiers with a count, in the contract's order. */
export function supportText(a: CellAssertion): string {
  const tiers = Object.entries(a.support)
    .filter(([, n]) => n > 0)
    .map(([tier, n]) => `${n} ${tier}`);
  return `${a.works} work${a.works === 1 ? "" : "s"}${tiers.length > 0 ? `: ${tiers.join(", ")}` : ""}`;
}
