/**
 * The comparative-efficacy section: `Condition / Model\t<A> Performance\t<B>
 * Performance\tKey Experimental Data` (headers.ts draws each arm's shape), one row per
 * condition or model (`<b>` labels, `&amp;`; invented ones at the plan's share), arm
 * cells written with the cue phrases of ontology/lexicon/cues.tsv so each row reads as
 * favouring one arm, similar, or not compared.
 */
import { bySize, drugHeaders, type Plan } from "./plan.ts";
import { UNKNOWN_CONDITIONS } from "./unknown.ts";
import { CONDITIONS, type ConditionRow, SPECIES_MODELS } from "./vocabulary.ts";

type Story = (o: string, plan: Plan) => readonly [string, string];

const STORIES: readonly Story[] = [
  (o, { rng, cites }) => [
    `Improved ${o} more than the comparator by week ${rng.int(4, 8)}${cites.slot()}.`,
    `Similar overall response, with fewer anticholinergic complaints${cites.slot()}.`,
  ],
  (o, { rng, cites }) => [
    `Did not significantly improve ${o} despite improving sleep${cites.slot()}.`,
    `Significantly improved ${o} within ${rng.int(3, 6)} weeks${cites.slot()}.`,
  ],
  (o, { rng, cites }) => [
    `Restored ${o} within ${rng.int(2, 3)} weeks${cites.slot()}.`,
    `Restored ${o}, but only after ${rng.int(4, 6)} weeks${cites.slot()}.`,
  ],
  (o, { cites }) => [
    `Effective in reversing deficits in ${o} in this model${cites.slot()}.`,
    `Ineffective in the same model${cites.slot()}.`,
  ],
  (o, { cites }) => [
    `Increased ${o} to a similar degree in both sexes${cites.slot()}.`,
    `Similar effect on ${o} in the same model${cites.slot()}.`,
  ],
  (o, { cites }) => [
    `Reduced ${o} as an augmenting agent${cites.slot()}.`,
    "Not tested as monotherapy in this specific study.",
  ],
];

export function efficacySection(plan: Plan): string[] {
  const { rng, a, b } = plan;
  const lines = ["## Comparative Efficacy in Clinical and Preclinical Models", ""];
  lines.push(
    rng.chance(0.5)
      ? `Experimental data show that the clinical superiority of ${a.name} or an SSRI depends heavily on the specific symptom domain or disease model being evaluated.`
      : "The studies below differ in model and in the outcome they measure:",
    "",
  );
  const rows = distinctConditions(
    plan,
    bySize(plan, { brief: [1, 1], standard: [1, 2], extended: [3, 4] }),
  );
  const arms = drugHeaders(plan, "Condition / Model", [a, b], rows.length);
  lines.push(["Condition / Model", ...arms, "Key Experimental Data"].join("\t"));
  for (const row of rows) {
    const [armA, armB] = rng.pick(STORIES)(row.outcome, plan);
    lines.push([`<b>${row.label}</b>`, armA, armB, evidence(plan, row)].join("\t"));
  }
  return [...lines, ""];
}

/**
 * Conditions whose labels name different entities, so no two rows make the same claim;
 * each one the lexicon lacks with the plan's share.
 */
function distinctConditions(plan: Plan, n: number): ConditionRow[] {
  const { rng } = plan;
  const byEntity = new Map<string, ConditionRow>();
  for (const row of rng.shuffle(CONDITIONS)) {
    const head = row.label.replace(/\s*\(.*\)$/, "").toLowerCase();
    if (!byEntity.has(head)) byEntity.set(head, row);
  }
  const known = [...byEntity.values()];
  const unknown = rng.shuffle(UNKNOWN_CONDITIONS);
  return Array.from({ length: n }, (_, i) =>
    rng.chance(plan.unknownShare) ? (unknown[i] as ConditionRow) : (known[i] as ConditionRow),
  );
}

function evidence(plan: Plan, row: ConditionRow): string {
  const { rng, a, b, cites } = plan;
  if (row.setting === "clinical") {
    const weeks = [rng.int(1, 3), rng.int(4, 6), rng.int(8, 12)];
    return `<b>Clinical Trial:</b> Patients were assessed at baseline and at weeks ${weeks.join(", ")}. Both drugs were given orally; ${row.outcome} separated ${a.name} from ${b.name} only after week ${weeks[1]}${cites.cell(0.05)}.`;
  }
  const model = rng.pick(SPECIES_MODELS);
  return `<b>Preclinical Study (${model.short}):</b> Daily intraperitoneal dosing for ${rng.int(14, 42)} days; ${row.outcome} was measured once a week${cites.cell(0.05)}.`;
}
