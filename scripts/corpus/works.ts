/**
 * The works documents cite: the seed's real references, titled exactly as the seed
 * gives them (so graph/curation/works.tsv resolves them to the same works), a pool of
 * synthetic works shared by many documents, and private ones made for one document.
 * A work keeps one title as given everywhere it is listed, so its entries resolve to
 * one work even without a works.tsv row; only its host varies.
 */
import type { Drug } from "./pools.ts";
import type { Random } from "./random.ts";
import { HOSTS } from "./vocabulary.ts";

export interface WorkSpec {
  /** The title as a reference list gives it, cut short with "..." or whole. */
  readonly title: string;
  /** Hosts it is listed at; a work listed twice in one document uses two of them. */
  readonly hosts: readonly string[];
  /** Which drugs' documents tend to cite it ("" for any). */
  readonly about: string;
}

/** The seed's references (graph/sources/desipramine-vs-ssris.md), titles as given. */
export const SEED_WORKS: readonly WorkSpec[] = [
  {
    title: "Desipramine - StatPearls - NCBI Bookshelf - NIH",
    hosts: ["ncbi.nlm.nih.gov"],
    about: "Desipramine",
  },
  {
    title: "Antidepressant Side Effects: Types, Comparison Chart, and ...",
    hosts: ["healthline.com"],
    about: "",
  },
  {
    title: "The Antidepressant Desipramine Is an Arrestin-biased Ligand ...",
    hosts: ["pmc.ncbi.nlm.nih.gov", "pubmed.ncbi.nlm.nih.gov"],
    about: "Desipramine",
  },
  {
    title: "The SSRIs drug Fluoxetine, but not the noradrenergic ...",
    hosts: ["pubmed.ncbi.nlm.nih.gov", "sciencedirect.com"],
    about: "Fluoxetine",
  },
  {
    title: "Chronic Desipramine Reverses Deficits in Cell Activity, ...",
    hosts: ["pmc.ncbi.nlm.nih.gov", "pubmed.ncbi.nlm.nih.gov"],
    about: "Desipramine",
  },
  {
    title: "Addition of desipramine to serotonin reuptake inhibitors in ...",
    hosts: ["pubmed.ncbi.nlm.nih.gov"],
    about: "Desipramine",
  },
  {
    title: "Stimulatory effect of fluoxetine and desipramine, but not ...",
    hosts: ["frontiersin.org", "pubmed.ncbi.nlm.nih.gov"],
    about: "Fluoxetine",
  },
];

const SHARED_TITLES: ReadonlyArray<(d: Drug, e: Drug) => string> = [
  (d, e) => `${d.name} versus ${e.name} in a synthetic randomised comparison of mood outcomes`,
  (d) => `Transporter occupancy of ${d.name} in rodent cortex: a synthetic binding study`,
  (d) => `Chronic ${d.name} and receptor adaptation in two synthetic stress models`,
  (d) => `${d.name}: a synthetic prescribing monograph`,
  (d, e) => `Cardiac conduction during ${d.name} or ${e.name} treatment: a synthetic case series`,
  (d) => `Adverse-effect burden of ${d.name} in routine care, a synthetic registry`,
  (d) => `Pharmacokinetics of ${d.name} across age groups in synthetic volunteers`,
  (d, e) => `Sleep and memory outcomes with ${d.name} or ${e.name} in synthetic older adults`,
];

/** Shared synthetic works, about the pool's drugs; some titles are cut short with "...". */
export function sharedWorks(rng: Random, count: number, drugs: readonly Drug[]): WorkSpec[] {
  const seen = new Set<string>();
  const out: WorkSpec[] = [];
  while (out.length < count) {
    const d = rng.pick(drugs);
    const e = rng.pick(drugs);
    if (d === e) continue;
    const full = rng.pick(SHARED_TITLES)(d, e);
    if (seen.has(full)) continue;
    seen.add(full);
    out.push({
      title: rng.chance(0.6) ? cutShort(rng, full, [d.name, e.name]) : full,
      hosts: rng.sample(HOSTS, rng.int(1, 2)),
      about: d.name,
    });
  }
  return out;
}

const PRIVATE_TITLES: ReadonlyArray<(a: Drug, b: Drug, code: string) => string> = [
  (a, b, c) => `Protocol ${c}: ${a.name} and ${b.name} in synthetic behavioural tests`,
  (a, _b, c) => `Assay series ${c}: receptor binding profile of ${a.name}`,
  (a, b, c) => `Cohort ${c}: tolerability of ${a.name} compared with ${b.name}`,
  (_a, b, c) => `Trial ${c}: ${b.name} in synthetic treatment-resistant patients`,
  (a, _b, c) => `Report ${c}: dose finding for ${a.name} in synthetic rodents`,
];

/**
 * A work only this document cites. Its code comes first: the build keys a work without
 * a works.tsv row by the first 60 characters of its title's slug, so titles that differ
 * only further on would be read as one work.
 */
export function privateWork(rng: Random, a: Drug, b: Drug): WorkSpec {
  const code = `${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}-${rng.int(100, 999)}`;
  const full = rng.pick(PRIVATE_TITLES)(a, b, code);
  return {
    title: rng.chance(0.3) ? cutShort(rng, full, [code]) : full,
    hosts: rng.sample(HOSTS, 2),
    about: a.name,
  };
}

/**
 * The first words of a title and " ...", as the seed's list cuts them ("Chronic
 * Desipramine Reverses Deficits in Cell Activity, ..."): at least five words, and every
 * word naming one of `keep`, so two works' cut titles never read the same.
 */
function cutShort(rng: Random, title: string, keep: readonly string[]): string {
  const words = title.split(" ");
  const last = words.reduce((at, w, i) => (keep.some((k) => w.includes(k)) ? i : at), -1);
  const min = Math.max(5, last + 1);
  if (words.length <= min + 1) return title;
  return `${words.slice(0, rng.int(min, words.length - 1)).join(" ")} ...`;
}
