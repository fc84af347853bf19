/**
 * What one document is about, decided before any of it is written: its focus drug (A),
 * the comparator it is set against (B, an SSRI or a drug of a class the lexicon lacks), an
 * optional third drug (C), and how often its names come from outside the lexicon. Every
 * section writer reads the plan and its random stream, and records the subject columns it
 * writes in `columns`.
 */
import type { Citations } from "./citations.ts";
import { header, key, type TableName, type WrittenColumn } from "./headers.ts";
import type { Drug, Pools } from "./pools.ts";
import type { Random } from "./random.ts";

/**
 * How much a document holds. Most are brief (2x2 mechanism table, one comparative row,
 * two side effects, one protocol): a claim costs about 41 quads, so 1,000 documents make
 * about a million quads only when the average document carries some 22 claims.
 */
export type Size = "brief" | "standard" | "extended";

export const SIZE_WEIGHTS: ReadonlyArray<readonly [Size, number]> = [
  ["brief", 0.7],
  ["standard", 0.25],
  ["extended", 0.05],
];

export interface Plan {
  readonly rng: Random;
  readonly size: Size;
  readonly cites: Citations;
  readonly pools: Pools;
  /** The chance that a drug, condition or effect is drawn from names the lexicon lacks. */
  readonly unknownShare: number;
  /** The focus compound: a TCA-like or atypical drug, or one of a class the lexicon lacks. */
  readonly a: Drug;
  /** The drug it is compared with: an SSRI, or a comparator of a class the lexicon lacks. */
  readonly b: Drug;
  /** A third drug for some tables' extra column. */
  readonly c: Drug | undefined;
  /** The subject columns written so far, in document order. */
  readonly columns: WrittenColumn[];
}

export function makePlan(rng: Random, cites: Citations, pools: Pools, unknownShare: number): Plan {
  const size = rng.weighted(SIZE_WEIGHTS);
  const unknown = () => rng.chance(unknownShare);
  const a = unknown()
    ? rng.pick(pools.unknownFocus)
    : rng.chance(0.2)
      ? pools.desipramine
      : rng.chance(0.06)
        ? pools.mirtazapine
        : rng.pick(pools.tcaLike.filter((d) => !d.real));
  const b = unknown()
    ? rng.pick(pools.unknownComparators)
    : rng.chance(0.3)
      ? pools.fluoxetine
      : rng.pick(pools.ssris.filter((d) => !d.real));
  const third = rng.chance(size === "brief" ? 0.15 : size === "standard" ? 0.35 : 0.8);
  const c = !third
    ? undefined
    : unknown()
      ? rng.pick(pools.unknownFocus.filter((d) => d !== a))
      : a !== pools.mirtazapine && rng.chance(0.4)
        ? pools.mirtazapine
        : rng.pick(pools.tcaLike.filter((d) => d !== a));
  return { rng, size, cites, pools, unknownShare, a, b, c, columns: [] };
}

/**
 * The headers of a table's drug columns, each in a shape drawn anew (one document may write
 * "Zorvafaxine (SNRI)" in one table and "SNRIs" in the next), recorded in the plan.
 */
export function drugHeaders(
  plan: Plan,
  table: TableName,
  drugs: readonly Drug[],
  rows: number,
): string[] {
  const taken = new Set<string>();
  return drugs.map((d) => {
    const column = header(plan.rng, plan.pools, d, table === "Condition / Model", taken);
    taken.add(key(column.subject));
    plan.columns.push({ ...column, table, cells: rows });
    return column.header;
  });
}

/** An integer in the range the document's size calls for. */
export function bySize(
  plan: Plan,
  ranges: Readonly<Record<Size, readonly [number, number]>>,
): number {
  const [min, max] = ranges[plan.size];
  return plan.rng.int(min, max);
}
