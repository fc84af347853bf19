/**
 * The protocol section (`- **Title [n]:** ...` bullets: design, species, strain, sex,
 * cell lines, arms with n, dose and unit, route, schedule, duration, time points and
 * measures, as claimgraph's study reader expects them) and the conclusion.
 */
import { bySize, type Plan } from "./plan.ts";
import { CELL_LINES, SPECIES_MODELS } from "./vocabulary.ts";

type Bullet = (plan: Plan) => string;

const BULLETS: readonly Bullet[] = [
  ({ rng, a, b, cites }) =>
    `**Memory in Depression${cites.slot()}:** A randomized clinical trial where patients with major depression were assigned to ${a.name} (n=${rng.int(8, 40)}) or ${b.name} (n=${rng.int(8, 40)}). Clinical status (HAMD, CGI scales) and memory performance were assessed at baseline, ${rng.int(2, 4)} weeks, and ${rng.int(6, 8)} weeks of treatment.`,
  ({ rng, a, b, cites }) => {
    const n = rng.int(8, 14);
    const m = rng.pick(SPECIES_MODELS.filter((s) => s.short.includes("rats")));
    return `**Chronic Mild Stress${cites.slot()}:** ${m.animals} were given ${a.name} (${rng.int(5, 20)} mg/kg/day, i.p.; n=${n}), ${b.name} (${rng.int(5, 20)} mg/kg/day, i.p.; n=${n}) or saline vehicle (n=${n}) for ${rng.int(21, 35)} days of unpredictable mild stress. Sucrose preference was tested on days 0, 7, 14 and 21.`;
  },
  ({ rng, a, b, cites }) => {
    const m = rng.pick(SPECIES_MODELS.filter((s) => s.short.includes("mice")));
    return `**Spared-Nerve Injury${cites.slot()}:** ${m.animals} (n=${rng.int(6, 12)} per arm) received ${a.name} (${rng.int(2, 10)} mg/kg), ${b.name} (${rng.int(5, 20)} mg/kg) or vehicle by oral gavage once daily for ${rng.int(10, 21)} days, starting 7 days after surgery. Mechanical thresholds were assessed with von Frey filaments on days 0, 3, 7 and 14.`;
  },
  ({ rng, a, b, cites }) =>
    `**Transporter Selectivity${cites.slot()}:** *In vitro* competition binding was run in ${rng.pick(CELL_LINES)} cells stably expressing human NET, SERT or DAT, with three independent experiments per transporter; inhibition constants for ${a.name} and ${b.name} were derived from eight-point concentration curves.`,
  ({ rng, a, b, cites }) =>
    `**Cancer Metastasis${cites.slot()}:** Balb/c male mice received intraperitoneal injections of ${a.name} (10 mg/kg), ${b.name} (${rng.int(5, 15)} mg/kg), or vehicle for ${rng.int(10, 21)} days after intrasplenic injection of C26 colon carcinoma cells. Liver metastases were quantified, and immune function was assessed via splenocyte proliferative response and cytokine production.`,
  ({ rng, a, cites }) =>
    `**SSRI-Resistant Model${cites.slot()}:** The cF1ko mouse model (with overexpression of 5-HT1A autoreceptors) was used. Mice were treated chronically with ${a.name} (~${rng.int(10, 25)} mg/kg/day in drinking water) for ${rng.int(2, 4)} weeks. Behavior was assessed using validated tests, and post-mortem analysis included FosB+ cell counting.`,
  ({ rng, a, b, cites }) =>
    `**Augmentation in OCD${cites.slot()}:** In a double-blind, placebo-controlled study, outpatients (both sexes) on a stable dose of ${b.name} received added ${a.name} (${rng.int(2, 5) * 25} to ${rng.int(6, 12) * 25} mg/day, oral; n=${rng.int(10, 30)}) or placebo (n=${rng.int(10, 30)}) for ${rng.int(6, 10)} weeks. Symptoms were rated at baseline and at weeks 2, 4 and 6.`,
];

export function protocolSection(plan: Plan): string[] {
  const { rng } = plan;
  const lines = [
    "## Summary of Key Experimental Protocols",
    "",
    rng.chance(0.5)
      ? "For reproducibility, here are the methodologies from key cited studies:"
      : "The methods behind the studies cited above, as summarised for this synthetic document:",
    "",
  ];
  const chosen = rng.sample(
    BULLETS,
    bySize(plan, { brief: [1, 1], standard: [1, 2], extended: [2, 4] }),
  );
  chosen.forEach((write, k) => {
    // The seed splits its bullets with a blank line once; so do some documents.
    if (k > 0 && rng.chance(0.2)) lines.push("");
    lines.push(`- ${write(plan)}`);
  });
  return [...lines, ""];
}

export function conclusionSection(plan: Plan): string[] {
  const { rng, a, b } = plan;
  const lines = [
    `## Conclusion for ${rng.pick(["Drug Development", "Preclinical Planning", "Translational Research"])}`,
    "",
    rng.chance(0.5)
      ? `The choice between ${a.name} and an SSRI such as ${b.name} is not one of superior efficacy broadly, but rather of **target engagement and precision**.`
      : `For a screening programme, the useful question is not which drug is stronger but **which outcome a model is built to detect**.`,
    "",
  ];
  if (rng.chance(plan.size === "brief" ? 0 : plan.size === "standard" ? 0.3 : 0.8)) {
    lines.push(
      `- **${a.name}** is the more informative comparator where noradrenergic tone, pain or sleep are endpoints.`,
      `- **${b.name}** offers a safer overall profile, which explains its first-line status.`,
      "",
    );
  }
  return lines;
}
