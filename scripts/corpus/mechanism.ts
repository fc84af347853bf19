/**
 * The "Compound Focus" part of a document: the opening paragraph, the mechanism table
 * (`Feature` header, 2-4 data columns: drug columns and sometimes `Notes`), the prose
 * with citation markers that follows it, and the diagram placeholder.
 */
import { bySize, drugHeaders, type Plan } from "./plan.ts";
import type { Drug } from "./pools.ts";
import { KEY_MECHANISMS, NOTES, RECEPTOR_INTERACTIONS } from "./vocabulary.ts";

export function opening(plan: Plan): string[] {
  const { rng, a, b, cites } = plan;
  const options: Array<() => string> = [
    () =>
      `The fundamental difference lies in their primary monoamine targets. SSRIs predominantly increase synaptic serotonin (5-HT) levels, while ${a.name} primarily inhibits the ${a.primary.prose}, with a more complex downstream pharmacology${rng.chance(0.5) ? cites.slot() : ""}.`,
    () =>
      `${a.name} acts mainly at the ${a.primary.prose}${cites.slot()}, whereas ${b.name} is a selective serotonin reuptake inhibitor${cites.slot()}.`,
    () =>
      `Both drugs block monoamine reuptake, yet ${a.name} and ${b.name} favour different targets${cites.slot()}.`,
  ];
  // A brief document opens with one sentence.
  const first = rng.pick(plan.size === "brief" ? options.slice(1) : options)();
  return [
    first,
    "",
    " ",
    rng.pick([
      "The table below summarizes the core mechanistic differences:",
      "The table below sets the mechanisms side by side:",
    ]),
    "",
  ];
}

type Row = (d: Drug, plan: Plan) => { text: string; cited: boolean };

const ROWS: ReadonlyArray<readonly [string, Row, number]> = [
  ["Primary Target", (d) => ({ text: d.primary.cell, cited: true }), 1],
  ["Secondary Target", (d) => ({ text: d.secondary.cell, cited: true }), 0.7],
  ["Key Novel Mechanism", keyMechanism, 0.35],
  ["Receptor Interactions", receptorInteractions, 0.45],
  ["Active Metabolite", activeMetabolite, 0.15],
  ["Elimination Half-Life", halfLife, 0.15],
  ["Drug Level Monitoring", levelMonitoring, 0.1],
];

/** The mechanism table: header, then 2-4 rows; every cell but a few cites. */
export function mechanismTable(plan: Plan): string[] {
  const { rng, cites } = plan;
  const drugs: Drug[] = [plan.a, plan.b];
  if (plan.c && plan.size !== "brief" && rng.chance(0.6)) drugs.push(plan.c);
  const notes = rng.chance(plan.size === "brief" ? 0.1 : plan.size === "standard" ? 0.25 : 0.5);
  const count = bySize(plan, { brief: [2, 2], standard: [2, 3], extended: [3, 4] });
  // Primary Target always; the others drawn by weight (Efraimidis-Spirakis), kept in table order.
  const [primary, ...rest] = ROWS;
  const keyed = rest.map((row) => [row, rng.next() ** (1 / row[2])] as const);
  const others = keyed
    .sort((x, y) => y[1] - x[1])
    .slice(0, count - 1)
    .map(([row]) => row);
  const rows = [primary as (typeof ROWS)[number], ...rest.filter((row) => others.includes(row))];
  const notePool = rng.sample(NOTES, rows.length);
  const headers = drugHeaders(plan, "Feature", drugs, rows.length);
  const lines = [["Feature", ...headers, ...(notes ? ["Notes"] : [])].join("\t")];
  rows.forEach(([label, cell], r) => {
    const cells = drugs.map((d) => {
      const { text, cited } = cell(d, plan);
      return `${text}${cited ? cites.cell() : ""}`;
    });
    if (notes) {
      const note = r === rows.length - 1 && rng.chance(0.3) ? "Not applicable" : notePool[r];
      cells.push(`${note}${note === "Not applicable" ? "" : cites.cell(0.4)}`);
    }
    lines.push([label, ...cells].join("\t"));
  });
  return [...lines, ""];
}

function keyMechanism(d: Drug, plan: Plan): { text: string; cited: boolean } {
  if (d === plan.pools.desipramine) return { text: KEY_MECHANISMS[0] as string, cited: true };
  if (d.cls.role === "comparator" && plan.rng.chance(0.6))
    return { text: "Not applicable", cited: false };
  const target = plan.rng.pick(plan.pools.targets);
  return plan.rng.pick([
    { text: plan.rng.pick(KEY_MECHANISMS.slice(1)), cited: true },
    { text: `Allosteric modulation of the ${target.prose}`, cited: true },
    { text: `Inverse agonism at the ${target.prose}`, cited: true },
  ]);
}

function receptorInteractions(d: Drug, plan: Plan): { text: string; cited: boolean } {
  const pool =
    d.cls.name === "TCA"
      ? RECEPTOR_INTERACTIONS.slice(0, 2)
      : d.cls.role === "comparator"
        ? RECEPTOR_INTERACTIONS.slice(2, 4)
        : RECEPTOR_INTERACTIONS.slice(4);
  const text = plan.rng.pick(pool);
  return { text, cited: !text.startsWith("Generally") };
}

function activeMetabolite(d: Drug, plan: Plan): { text: string; cited: boolean } {
  const lower = d.name.toLowerCase();
  return plan.rng.pick([
    { text: `Desmethyl${lower}, weakly active`, cited: true },
    { text: `10-Hydroxy${lower}`, cited: true },
    { text: "None", cited: false },
  ]);
}

function halfLife(_d: Drug, plan: Plan): { text: string; cited: boolean } {
  const lo = plan.rng.int(8, 40);
  return plan.rng.chance(0.5)
    ? { text: `About ${lo} hours`, cited: true }
    : { text: `${lo}-${lo + plan.rng.int(6, 30)} hours in healthy adults`, cited: true };
}

function levelMonitoring(_d: Drug, plan: Plan): { text: string; cited: boolean } {
  if (plan.rng.chance(0.4)) return { text: "Not routinely required", cited: false };
  const lo = plan.rng.int(5, 12) * 10;
  return {
    text: `A plasma window of roughly ${lo}-${lo + plan.rng.int(5, 15) * 10} ng/mL is described`,
    cited: true,
  };
}

/** Prose after the table: sentences with markers, one sometimes split by `*in*` / `*vivo*`. */
export function mechanismProse(plan: Plan): string[] {
  const { rng, a, b, cites } = plan;
  const synthetic = rng.pick(plan.pools.targets).prose;
  const sentences: Array<() => string> = [
    () =>
      a === plan.pools.desipramine
        ? `A key, non-canonical mechanism for ${a.name} is its direct action as an **arrestin-biased ligand** at the  $\\alpha_2A$ -adrenergic receptor ( $\\alpha_2AAR$ )${cites.slot()}.`
        : `A key, non-canonical mechanism for ${a.name} is its action as an **allosteric modulator** of the ${synthetic}${cites.slot()}.`,
    () =>
      `Unlike the endogenous agonist norepinephrine, ${a.name} binding selectively recruits  $\\beta$ -arrestin without activating heterotrimeric G proteins${cites.slot()}.`,
    () =>
      `Repeated dosing with ${a.name} was linked to **adaptive down-regulation** of cortical  $\\beta_1$ -adrenergic receptors in synthetic rodent data${cites.slot()}.`,
    () =>
      `At clinically used doses, ${a.name} occupies more than ${rng.int(6, 9)}0% of the ${a.primary.prose} within hours${cites.slot()}.`,
    () => `${b.name} shows little affinity for muscarinic or histamine receptors${cites.slot()}.`,
  ];
  // Sentences are written only when chosen, so no unused citation slot is registered.
  const text = rng
    .sample(sentences, bySize(plan, { brief: [1, 1], standard: [1, 2], extended: [2, 3] }))
    .map((write) => write())
    .join(" ");
  const split = rng.chance(plan.size === "brief" ? 0.1 : plan.size === "standard" ? 0.25 : 0.5)
    ? ` ${b.name} left receptor density unchanged over ${rng.int(14, 42)} days of treatment *in*\n\n*vivo*, and neither drug changed it in cultured cortical neurons *in vitro*${cites.slot()}.`
    : "";
  return [
    `${text}${split}`,
    "",
    rng.chance(0.5)
      ? `The following diagram illustrates the distinct signaling pathways for these drug classes, highlighting ${a.name}'s unique mechanism.`
      : "The diagram referred to here sketches both transporter pathways next to each other.",
    "",
    "",
    "",
    "[Click to download full resolution via product page](#)",
    "",
  ];
}
