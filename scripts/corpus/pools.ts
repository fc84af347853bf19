/**
 * What documents share: the drugs (the lexicon's three and a pool of synthetic ones,
 * each with fixed targets), synthetic receptors, and a pool of works cited by many
 * documents. Built once per corpus seed, independent of how many documents are made.
 */
import { Random } from "./random.ts";
import {
  DRUG_HEADS,
  DRUG_MIDDLES,
  DRUG_SUFFIXES,
  type DrugClass,
  LEXICON_TARGETS,
  type LexiconTarget,
  REAL_DRUG_NAMES,
  TARGET_KINDS,
  TARGET_STEMS,
  type TargetName,
} from "./vocabulary.ts";
import { sharedWorks, type WorkSpec } from "./works.ts";

export interface Drug {
  readonly name: string;
  readonly cls: DrugClass;
  readonly real: boolean;
  /** CAS numbers the lexicon's identifiers confirm (real drugs only). */
  readonly cas: readonly string[];
  readonly primary: TargetName;
  readonly secondary: TargetName;
}

export interface Pools {
  readonly tcaLike: readonly Drug[];
  readonly ssris: readonly Drug[];
  readonly desipramine: Drug;
  readonly fluoxetine: Drug;
  readonly mirtazapine: Drug;
  readonly targets: readonly TargetName[];
  readonly works: readonly WorkSpec[];
}

/** How many synthetic drugs, receptors and shared works a corpus draws from. */
const SYNTHETIC_DRUGS = 160;
const SYNTHETIC_TARGETS = 36;
const SHARED_WORKS = 240;

export function buildPools(seed: number): Pools {
  const rng = Random.derive(seed, 0x9001);
  const lexicon = (key: LexiconTarget, variant = 0): TargetName => {
    const t = LEXICON_TARGETS[key];
    return { cell: t.cell[variant % t.cell.length] as string, prose: t.prose };
  };
  const targets = syntheticTargets(rng);
  const desipramine: Drug = {
    name: "Desipramine",
    cls: "TCA",
    real: true,
    cas: ["50-47-5", "58-28-6"],
    primary: lexicon("net"),
    secondary: { cell: "Serotonin Transporter (SERT) (weaker)", prose: "serotonin transporter" },
  };
  const fluoxetine: Drug = {
    name: "Fluoxetine",
    cls: "SSRI",
    real: true,
    cas: ["54910-89-3"],
    primary: lexicon("sert"),
    secondary: { cell: "Minimal direct effect on NET", prose: "norepinephrine transporter" },
  };
  const mirtazapine: Drug = {
    name: "Mirtazapine",
    cls: "atypical antidepressant",
    real: true,
    cas: ["85650-52-8"],
    primary: lexicon("alpha2a"),
    secondary: lexicon("alpha1"),
  };
  const names = new Set<string>();
  const drugs: Drug[] = [];
  const classes: DrugClass[] = ["TCA", "TCA", "SSRI", "SSRI", "SRI", "atypical antidepressant"];
  while (drugs.length < SYNTHETIC_DRUGS) {
    const cls = rng.pick(classes);
    const name = `${rng.pick(DRUG_HEADS)}${rng.pick(DRUG_MIDDLES)}${rng.pick(DRUG_SUFFIXES[cls])}`;
    // No vowel pair at the joins ("Huxiipramine"), no real drug's name.
    if (/[aeiou]{2}/.test(name) || names.has(name) || REAL_DRUG_NAMES.has(name.toLowerCase()))
      continue;
    names.add(name);
    const synthetic = () => rng.pick(targets);
    const v = rng.int(0, 2);
    const [primary, secondary]: [TargetName, TargetName] =
      cls === "TCA"
        ? rng.chance(0.7)
          ? [lexicon("net", v), rng.chance(0.5) ? weaker(lexicon("sert", v)) : lexicon("alpha1")]
          : [lexicon("sert", v), weaker(lexicon("net", v))]
        : cls === "SSRI"
          ? [
              lexicon("sert", v),
              rng.pick([
                weaker(lexicon("dat", v)),
                lexicon("ht1a"),
                { cell: "Minimal direct effect on NET", prose: "norepinephrine transporter" },
              ]),
            ]
          : cls === "SRI"
            ? [lexicon("sert", v), rng.chance(0.5) ? weaker(lexicon("net", v)) : synthetic()]
            : [rng.chance(0.5) ? lexicon("alpha2a", v) : synthetic(), synthetic()];
    drugs.push({ name, cls, real: false, cas: [], primary, secondary });
  }
  return {
    tcaLike: [...drugs.filter((d) => d.cls !== "SSRI"), desipramine, mirtazapine],
    ssris: [...drugs.filter((d) => d.cls === "SSRI"), fluoxetine],
    desipramine,
    fluoxetine,
    mirtazapine,
    targets,
    works: sharedWorks(rng, SHARED_WORKS, drugs),
  };
}

function weaker(t: TargetName): TargetName {
  return { cell: `${t.cell} (weaker)`, prose: t.prose };
}

/** "Orvelin receptor type 3 (ORV3)": read back as a minted Target named by the words outside the parentheses. */
function syntheticTargets(rng: Random): TargetName[] {
  const out = new Map<string, TargetName>();
  while (out.size < SYNTHETIC_TARGETS) {
    const stem = rng.pick(TARGET_STEMS);
    const kind = rng.pick(TARGET_KINDS);
    const n = rng.int(1, 5);
    const name = kind.endsWith("type") ? `${stem}in ${kind} ${n}` : `${stem}in ${kind}`;
    const abbreviation = `${stem.slice(0, 3).toUpperCase()}${kind.endsWith("type") ? n : ""}`;
    out.set(name, { cell: `${name} (${abbreviation})`, prose: name });
  }
  return [...out.values()];
}
