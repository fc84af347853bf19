/**
 * The arms of a protocol bullet: one per drug it names (or, when it names no drug, per drug
 * class; `study-interventions.ts`), with the n, dose, route and schedule written after it,
 * and a vehicle or placebo arm ("placebo-controlled" is a design word, not an arm). A dose
 * is kept as the document gives it: a range ("10–20 mg/day") has a lower and an upper bound,
 * an approximation ("~20 mg/kg/day") is flagged. An arm's n is only the one written with the
 * arm ("Desipramine (n=9)"); a count of the whole study ("17 patients", "a total of 120",
 * "N=120", an "n=" before any arm) belongs to the study (`study-size.ts`), never to an arm.
 */
import type { ExtractContext } from "./context.ts";
import { interventions } from "./study-interventions.ts";
import { COUNT, capitalsPerArm, countValue } from "./study-size.ts";
import type { StudyArm } from "./types.ts";

/**
 * An arm's own "n=9": lower-case n, not marked as the whole study's ("n=120 in total"); or
 * "(N = 60)" when one is written after each arm (`capitalsPerArm`).
 */
const armSample = (capitals: boolean) =>
  new RegExp(
    String.raw`(?<!(?:total|overall)\W{0,3})(?:\bn${capitals ? String.raw`|(?<=\(\s*)N` : ""})\s*=\s*(${COUNT})(?!\s*(?:in total|total|overall))`,
  );
const ARM_SAMPLE = armSample(false);
const ARM_SAMPLE_CAPITALS = armSample(true);
/** A count of every arm: "n=10 per arm", "10 per group", "n=60 each", "n = 12/group". */
const PER_ARM = new RegExp(
  String.raw`\bn\s*=\s*(${COUNT})\s*(?:per\s+(?:arm|group)|\/\s*(?:arm|group)|each|in each (?:arm|group))\b|(${COUNT})\s*(?:per\s+(?:arm|group)|\/\s*(?:arm|group))\b`,
  "i",
);
/**
 * A control arm; "placebo-controlled" and "vehicle-controlled" describe the design instead.
 * Saline alone is an arm only as an alternative ("… or saline"), not as a solvent ("in saline").
 */
const CONTROL = new RegExp(
  String.raw`\b(saline vehicle|vehicle|placebo|(?<=\b(?:or|versus|vs\.?|and)\s+)saline)\b(?![- ]controlled)(\s*\(n\s*=\s*(${COUNT})\))?`,
  "i",
);
/** A dose's number: "2.5", "900", "3,600" (thousands separated; read without the commas). */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** Dose units as written, longest first: "mg/kg/day", "mg/d", "mcg", "µg/kg" (micro sign or mu). */
const UNIT = [
  "mEq/kg/day",
  "mEq/kg",
  "mEq/day",
  "mmol/kg",
  "mg/kg/day",
  "mg/kg/d",
  "mg/kg",
  "mg/day",
  "mg/d",
  "[µμu]g/kg/day",
  "[µμu]g/kg",
  "[µμu]g/day",
  "mcg/kg",
  "mcg/day",
  "g/day",
  "mg",
  "mcg",
  "[µμ]g",
]
  .map((u) => u.replace(/\//g, "\\/"))
  .join("|");
const DOSE = new RegExp(
  String.raw`(~|≈|about\s+|approximately\s+|up to\s+)?(${NUMBER})(?:\s*(?:-|–|—|to)\s*(${NUMBER}))?\s*(${UNIT})\b`,
  "i",
);
const TITRATED = new RegExp(String.raw`from\s+(${NUMBER})\s+to\s+(${NUMBER})\s*(${UNIT})\b`, "i");
const SCHEDULE =
  /\b(once[- ]daily|twice[- ]daily|three times daily|daily|chronically|acutely|once a week|weekly)\b/i;
/** Words after which a schedule word times a measurement, not a dose ("measured weekly"). */
const ASSESSED =
  /\b(?:measured|assessed|evaluated|rated|scored|recorded|monitored|tested|sampled|collected|obtained|counted|noted|reviewed|checked|observed|weighed|examined)\s+(?:\w+\s+){0,2}$/i;

/** Where the text first names an arm (its length when it names none). */
export function firstArmAt(ctx: ExtractContext, text: string): number {
  const starts = [interventions(ctx, text)[0]?.start, CONTROL.exec(text)?.index];
  return Math.min(text.length, ...starts.filter((s) => s !== undefined));
}

/**
 * One arm per drug the text names, with what is written after it; a drug named again with
 * another dose ("Zorbatine 40 mg/day, Zorbatine 120 mg/day or placebo") is one arm per dose.
 */
export function readArms(ctx: ExtractContext, text: string, routes: readonly string[]): StudyArm[] {
  const drugs = interventions(ctx, text);
  const control = CONTROL.exec(text);
  const perArm = PER_ARM.exec(text);
  const sample = capitalsPerArm(text) ? ARM_SAMPLE_CAPITALS : ARM_SAMPLE;
  const shared = perArm ? countValue((perArm[1] ?? perArm[2]) as string) : undefined;
  const candidates = drugs.map((m, k): StudyArm => {
    const ends = [
      drugs[k + 1]?.start,
      control && control.index > m.end ? control.index : undefined,
    ];
    const end = Math.min(text.length, ...ends.filter((e) => e !== undefined));
    const window = text.slice(m.end, end).split(/(?<=\.)\s/)[0] ?? "";
    const n = PER_ARM.test(window) ? undefined : sample.exec(window);
    const route =
      ctx.lexicon.matchCues("route", window)[0]?.value ??
      (routes.length === 1 ? routes[0] : undefined);
    return {
      label: m.term.label,
      intervention: m.term,
      sampleSize: n ? countValue(n[1] as string) : shared,
      ...doseOf(window),
      route,
      schedule: scheduleOf(window) ?? scheduleOf(text),
    };
  });
  const out = onePerDose(candidates);
  const vehicle = control;
  if (vehicle) {
    out.push({
      label: (vehicle[1] as string).toLowerCase(),
      intervention: undefined,
      sampleSize: vehicle[3] ? countValue(vehicle[3]) : shared,
      dose: undefined,
      doseMax: undefined,
      doseApproximate: undefined,
      doseUnit: undefined,
      route: routes.length === 1 ? routes[0] : undefined,
      schedule: undefined,
    });
  }
  return out;
}

/**
 * A drug's mentions as arms: one arm (the first mention with a dose, else the first) when
 * they give one dose or none, one arm per dose, labelled with it, when they give several.
 */
function onePerDose(candidates: readonly StudyArm[]): StudyArm[] {
  const out: StudyArm[] = [];
  const byDrug = new Map<string, StudyArm[]>();
  for (const arm of candidates) {
    const id = arm.intervention?.id ?? arm.label;
    byDrug.set(id, [...(byDrug.get(id) ?? []), arm]);
  }
  for (const arms of byDrug.values()) {
    const dosed = arms.filter((a) => a.dose !== undefined || a.doseMax !== undefined);
    const doses = new Map(dosed.map((a) => [doseLabel(a), a]));
    if (doses.size < 2) out.push(dosed[0] ?? (arms[0] as StudyArm));
    else for (const [dose, arm] of doses) out.push({ ...arm, label: `${arm.label} ${dose}` });
  }
  return out;
}

/** "40 mg/day", "10–20 mg/day", "~20 mg/kg". */
function doseLabel(arm: StudyArm): string {
  const value = [arm.dose, arm.doseMax].filter((v) => v !== undefined).join("–");
  return `${arm.doseApproximate ? "~" : ""}${value} ${arm.doseUnit ?? ""}`.trim();
}

type Dose = Pick<StudyArm, "dose" | "doseMax" | "doseApproximate" | "doseUnit">;

/** The first dose written in `window`: single, a range, titrated "from A to B", or approximate. */
export function doseOf(window: string): Dose {
  const titrated = TITRATED.exec(window);
  const single = DOSE.exec(window);
  if (titrated && (!single || titrated.index <= single.index)) {
    return {
      dose: plain(titrated[1]),
      doseMax: plain(titrated[2]),
      doseApproximate: undefined,
      doseUnit: titrated[3],
    };
  }
  if (!single)
    return { dose: undefined, doseMax: undefined, doseApproximate: undefined, doseUnit: undefined };
  const upTo = /^up to/i.test(single[1] ?? "");
  const approximate = single[1] !== undefined && !upTo;
  return {
    dose: upTo ? undefined : plain(single[2]),
    doseMax: plain(single[3]) ?? (upTo ? plain(single[2]) : undefined),
    doseApproximate: approximate ? true : undefined,
    doseUnit: single[4],
  };
}

/** A number as a decimal's lexical form: "3,600" is "3600". */
function plain(number: string | undefined): string | undefined {
  return number?.replace(/,/g, "");
}

/** A dosing schedule, unless the word times an assessment ("measured weekly"). */
function scheduleOf(text: string): string | undefined {
  const pattern = new RegExp(SCHEDULE.source, "gi");
  for (const m of text.matchAll(pattern)) {
    if (ASSESSED.test(text.slice(0, m.index))) continue;
    return (m[1] as string).toLowerCase();
  }
  return undefined;
}
