/**
 * What documents share: the drugs (the lexicon's three, synthetic ones of the lexicon's
 * classes and synthetic ones of classes it lacks, each with fixed targets), synthetic
 * receptors, and a pool of works cited by many documents. Built once per corpus seed,
 * independent of how many documents are made and of the share of unknown names.
 */
import { Random } from "./random.ts";
import { type ClassSpec, KNOWN_CLASSES, UNKNOWN_CLASSES } from "./unknown.ts";
import {
  DRUG_HEADS,
  DRUG_MIDDLES,
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
  readonly cls: ClassSpec;
  readonly real: boolean;
  /** CAS numbers the lexicon's identifiers confirm (real drugs only). */
  readonly cas: readonly string[];
  readonly primary: TargetName;
  readonly secondary: TargetName;
}

export interface Pools {
  /** Focus drugs (TCA-like or atypical) and comparators (SSRIs) of the lexicon's classes. */
  readonly tcaLike: readonly Drug[];
  readonly ssris: readonly Drug[];
  /** Synthetic drugs of classes the lexicon lacks, by the role their class takes. */
  readonly unknownFocus: readonly Drug[];
  readonly unknownComparators: readonly Drug[];
  /** Every drug of a class, by the class's name ("Class (e.g., A, B)" names two). */
  readonly byClass: ReadonlyMap<string, readonly Drug[]>;
  readonly desipramine: Drug;
  readonly fluoxetine: Drug;
  readonly mirtazapine: Drug;
  readonly targets: readonly TargetName[];
  readonly works: readonly WorkSpec[];
}

/** How many synthetic drugs (of known and of unknown classes), receptors and shared works a corpus draws from. */
const SYNTHETIC_DRUGS = 160;
const UNKNOWN_CLASS_DRUGS = 120;
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
    cls: knownClass("TCA"),
    real: true,
    cas: ["50-47-5", "58-28-6"],
    primary: lexicon("net"),
    secondary: { cell: "Serotonin Transporter (SERT) (weaker)", prose: "serotonin transporter" },
  };
  const fluoxetine: Drug = {
    name: "Fluoxetine",
    cls: knownClass("SSRI"),
    real: true,
    cas: ["54910-89-3"],
    primary: lexicon("sert"),
    secondary: { cell: "Minimal direct effect on NET", prose: "norepinephrine transporter" },
  };
  const mirtazapine: Drug = {
    name: "Mirtazapine",
    cls: knownClass("atypical antidepressant"),
    real: true,
    cas: ["85650-52-8"],
    primary: lexicon("alpha2a"),
    secondary: lexicon("alpha1"),
  };
  const names = new Set<string>();
  const name = (cls: ClassSpec): string => {
    for (;;) {
      const n = `${rng.pick(DRUG_HEADS)}${rng.pick(DRUG_MIDDLES)}${rng.pick(cls.suffixes)}`;
      // No vowel pair at the joins ("Huxiipramine"), no real drug's name.
      if (/[aeiou]{2}/.test(n) || names.has(n) || REAL_DRUG_NAMES.has(n.toLowerCase())) continue;
      names.add(n);
      return n;
    }
  };
  const synthetic = () => rng.pick(targets);
  const drugs: Drug[] = [];
  const classes = ["TCA", "TCA", "SSRI", "SSRI", "SRI", "atypical antidepressant"].map(knownClass);
  while (drugs.length < SYNTHETIC_DRUGS) {
    const cls = rng.pick(classes);
    const v = rng.int(0, 2);
    const [primary, secondary]: [TargetName, TargetName] =
      cls.name === "TCA"
        ? rng.chance(0.7)
          ? [lexicon("net", v), rng.chance(0.5) ? weaker(lexicon("sert", v)) : lexicon("alpha1")]
          : [lexicon("sert", v), weaker(lexicon("net", v))]
        : cls.name === "SSRI"
          ? [
              lexicon("sert", v),
              rng.pick([
                weaker(lexicon("dat", v)),
                lexicon("ht1a"),
                { cell: "Minimal direct effect on NET", prose: "norepinephrine transporter" },
              ]),
            ]
          : cls.name === "SRI"
            ? [lexicon("sert", v), rng.chance(0.5) ? weaker(lexicon("net", v)) : synthetic()]
            : [rng.chance(0.5) ? lexicon("alpha2a", v) : synthetic(), synthetic()];
    drugs.push({ name: name(cls), cls, real: false, cas: [], primary, secondary });
  }
  // Drugs of classes the lexicon lacks act mostly at receptors it lacks too.
  const unknown: Drug[] = [];
  while (unknown.length < UNKNOWN_CLASS_DRUGS) {
    const cls = rng.pick(UNKNOWN_CLASSES);
    const v = rng.int(0, 2);
    const known = rng.pick<LexiconTarget>(["net", "sert", "dat", "alpha2a"]);
    const primary = rng.chance(0.3) ? lexicon(known, v) : synthetic();
    const secondary = rng.chance(0.7) ? synthetic() : weaker(lexicon(known, v));
    unknown.push({ name: name(cls), cls, real: false, cas: [], primary, secondary });
  }
  const all = [...drugs, ...unknown, desipramine, fluoxetine, mirtazapine];
  const byClass = new Map<string, Drug[]>();
  for (const d of all) byClass.set(d.cls.name, [...(byClass.get(d.cls.name) ?? []), d]);
  return {
    tcaLike: [...drugs.filter((d) => d.cls.role === "focus"), desipramine, mirtazapine],
    ssris: [...drugs.filter((d) => d.cls.role === "comparator"), fluoxetine],
    unknownFocus: unknown.filter((d) => d.cls.role === "focus"),
    unknownComparators: unknown.filter((d) => d.cls.role === "comparator"),
    byClass,
    desipramine,
    fluoxetine,
    mirtazapine,
    targets,
    works: sharedWorks(rng, SHARED_WORKS, [...drugs, ...unknown]),
  };
}

function knownClass(name: string): ClassSpec {
  const cls = KNOWN_CLASSES.find((c) => c.name === name);
  if (!cls) throw new Error(`buildPools: no known class ${name}`);
  return cls;
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
