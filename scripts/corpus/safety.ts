/**
 * The side-effect section: `Side Effect\tA (class)\tSSRIs[\tC (class)]`, one row per
 * adverse effect (the lexicon's and others the build mints), each cell the risk the
 * column's drug carries, worded by how TCA-like or SSRI-like the drug is.
 */

import { EFFECTS, RISKS } from "./effects.ts";
import { bySize, drugColumn, type Plan } from "./plan.ts";
import type { Drug } from "./pools.ts";

type Level = keyof typeof RISKS;

export function safetySection(plan: Plan): string[] {
  const { rng, a, b, cites } = plan;
  const columns: Array<readonly [Drug, string]> = [
    [a, plan.aColumn],
    [b, rng.pick(["SSRIs", drugColumn(b), `SSRIs (e.g., ${b.name})`])],
  ];
  const third = plan.size === "brief" ? 0 : plan.size === "standard" ? 0.3 : 0.6;
  if (plan.c && plan.cColumn && rng.chance(third)) columns.push([plan.c, plan.cColumn]);
  const intro = rng.pick<() => string>([
    () =>
      `The side effect profiles differ substantially, largely due to ${a.name}'s broader receptor interaction profile.`,
    () =>
      `${a.name}'s receptor blockade drives most of the differences below, though it is tolerated better than the tertiary-amine TCAs${cites.slot()}.`,
    () => "The adverse effects reported for each drug are compared below:",
  ])();
  const lines = [
    "## Side Effect and Safety Profile",
    "",
    intro,
    "",
    ["Side Effect", ...columns.map(([, label]) => label)].join("\t"),
  ];
  const rows = rng.sample(
    EFFECTS,
    bySize(plan, { brief: [2, 2], standard: [2, 4], extended: [5, 7] }),
  );
  for (const row of rows) {
    const cells = columns.map(([drug]) => {
      const level = levelFor(plan, drug);
      const specific = level === "low" ? undefined : row.specific?.[level];
      const text = specific && rng.chance(0.6) ? specific : rng.pick(RISKS[level]);
      return `${text}${cites.cell()}`;
    });
    lines.push([`<b>${row.label}</b>`, ...cells].join("\t"));
  }
  return [...lines, ""];
}

function levelFor(plan: Plan, drug: Drug): Level {
  const weights: ReadonlyArray<readonly [Level, number]> =
    drug.cls === "SSRI"
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
