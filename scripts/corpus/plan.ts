/**
 * What one document is about, decided before any of it is written: its focus drug (A),
 * the SSRI it is compared with (B), an optional third drug (C), and how each table's
 * columns name them. Every section writer reads the plan and its random stream.
 */
import type { Citations } from "./citations.ts";
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
  /** The focus compound: a TCA-like or atypical drug. */
  readonly a: Drug;
  /** The SSRI it is compared with. */
  readonly b: Drug;
  /** A third drug for some tables' extra column. */
  readonly c: Drug | undefined;
  /** Column headers: "Desipramine (TCA)", "SSRIs (e.g., Fluoxetine)", "Mirtazapine (atypical antidepressant)". */
  readonly aColumn: string;
  readonly bColumn: string;
  readonly cColumn: string | undefined;
}

export function makePlan(rng: Random, cites: Citations, pools: Pools): Plan {
  const size = rng.weighted(SIZE_WEIGHTS);
  const a = rng.chance(0.2)
    ? pools.desipramine
    : rng.chance(0.06)
      ? pools.mirtazapine
      : rng.pick(pools.tcaLike.filter((d) => !d.real));
  const b = rng.chance(0.3) ? pools.fluoxetine : rng.pick(pools.ssris.filter((d) => !d.real));
  const others = pools.tcaLike.filter((d) => d !== a);
  const c = rng.chance(size === "brief" ? 0.15 : size === "standard" ? 0.35 : 0.8)
    ? a !== pools.mirtazapine && rng.chance(0.4)
      ? pools.mirtazapine
      : rng.pick(others)
    : undefined;
  return {
    rng,
    size,
    cites,
    pools,
    a,
    b,
    c,
    aColumn: drugColumn(a),
    bColumn: rng.chance(0.6) ? `SSRIs (e.g., ${b.name})` : drugColumn(b),
    cColumn: c ? drugColumn(c) : undefined,
  };
}

/** "Zorvipramine (TCA)": a synthetic name is read as a drug only with its class beside it. */
export function drugColumn(d: Drug): string {
  return `${d.name} (${d.cls})`;
}

/** An integer in the range the document's size calls for. */
export function bySize(
  plan: Plan,
  ranges: Readonly<Record<Size, readonly [number, number]>>,
): number {
  const [min, max] = ranges[plan.size];
  return plan.rng.int(min, max);
}
