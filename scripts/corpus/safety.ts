/**
 * The side-effect section: `Side Effect\t<A>\t<B>[\t<C>]` (each header in a shape drawn by
 * headers.ts), one row per adverse effect (the lexicon's, others it lacks, and invented ones
 * at the plan's share), each cell the risk the column's drug carries, worded by how
 * TCA-like or SSRI-like the drug is.
 */

import { EFFECTS, type EffectRow, RISKS } from "./effects.ts";
import { bySize, drugHeaders, type Plan } from "./plan.ts";
import type { Drug } from "./pools.ts";
import { UNKNOWN_EFFECTS } from "./unknown.ts";

type Level = keyof typeof RISKS;

export function safetySection(plan: Plan): string[] {
  const { rng, a, b, cites } = plan;
  const drugs: Drug[] = [a, b];
  const third = plan.size === "brief" ? 0 : plan.size === "standard" ? 0.3 : 0.6;
  if (plan.c && rng.chance(third)) drugs.push(plan.c);
  const intro = rng.pick<() => string>([
    () =>
      `The side effect profiles differ substantially, largely due to ${a.name}'s broader receptor interaction profile.`,
    () =>
      `${a.name}'s receptor blockade drives most of the differences below, though it is tolerated better than the tertiary-amine TCAs${cites.slot()}.`,
    () => "The adverse effects reported for each drug are compared below:",
  ])();
  const rows = effectRows(
    plan,
    bySize(plan, { brief: [2, 2], standard: [2, 4], extended: [5, 7] }),
  );
  const lines = [
    "## Side Effect and Safety Profile",
    "",
    intro,
    "",
    ["Side Effect", ...drugHeaders(plan, "Side Effect", drugs, rows.length)].join("\t"),
  ];
  for (const row of rows) {
    const cells = drugs.map((drug) => {
      const level = levelFor(plan, drug);
      const specific = level === "low" ? undefined : row.specific?.[level];
      const text = specific && rng.chance(0.6) ? specific : rng.pick(RISKS[level]);
      return `${text}${cites.cell()}`;
    });
    lines.push([`<b>${row.label}</b>`, ...cells].join("\t"));
  }
  return [...lines, ""];
}

/** `n` distinct effects, each one the lexicon lacks with the plan's share. */
function effectRows(plan: Plan, n: number): EffectRow[] {
  const { rng } = plan;
  const known = rng.shuffle(EFFECTS);
  const unknown = rng.shuffle(UNKNOWN_EFFECTS);
  return Array.from({ length: n }, (_, i) =>
    rng.chance(plan.unknownShare) ? { label: unknown[i] as string } : (known[i] as EffectRow),
  );
}

function levelFor(plan: Plan, drug: Drug): Level {
  const weights: ReadonlyArray<readonly [Level, number]> =
    drug.cls.role === "comparator"
      ? [
          ["high", 1],
          ["moderate", 2],
          ["low", 4],
          ["frequent", 3],
        ]
      : [
          ["high", 4],
          ["moderate", 3],
          ["low", 2],
          ["frequent", 1],
        ];
  return plan.rng.weighted(weights);
}
