/**
 * The fixed word lists the corpus generator draws from: the lexicon's own names
 * (ontology/lexicon/entities.tsv), so entities are shared across documents, and
 * synthetic ones, which the build mints and flags as unnormalised. All text is ASCII;
 * Greek letters are written as TeX (`$\alpha_1$ -adrenergic`), as in the seed.
 */

export interface TargetName {
  /** As a table cell writes it (read back as the lexicon's entity, or minted from its head). */
  readonly cell: string;
  /** As running text names it, after "the". */
  readonly prose: string;
}

export const LEXICON_TARGETS = {
  net: {
    cell: ["Norepinephrine Transporter (NET)", "Noradrenaline transporter (NET)", "NET (SLC6A2)"],
    prose: "norepinephrine (NE) transporter",
  },
  sert: {
    cell: ["Serotonin Transporter (SERT)", "SERT (SLC6A4)", "Serotonin transporter (5-HTT)"],
    prose: "serotonin transporter (SERT)",
  },
  dat: { cell: ["Dopamine Transporter (DAT)", "DAT (SLC6A3)"], prose: "dopamine transporter" },
  alpha2a: {
    cell: ["$\\alpha_2A$ -adrenergic receptor", "Alpha-2A adrenergic receptor (ADRA2A)"],
    prose: " $\\alpha_2A$ -adrenergic receptor",
  },
  alpha1: {
    cell: ["$\\alpha_1$ -adrenergic receptors"],
    prose: " $\\alpha_1$ -adrenergic receptor",
  },
  beta1: {
    cell: ["$\\beta_1$ -adrenergic receptor ( $\\beta_1AR$ )"],
    prose: "cortical  $\\beta_1$ -adrenergic receptor",
  },
  ht1a: { cell: ["5-HT1A autoreceptors"], prose: "5-HT1A autoreceptor" },
} as const;

export type LexiconTarget = keyof typeof LEXICON_TARGETS;

/** Stems of synthetic receptor names ("Orvelin receptor type 3 (ORV3)"). */
export const TARGET_STEMS = [
  "Orvel",
  "Kavren",
  "Tesmor",
  "Quilan",
  "Dravon",
  "Melzor",
  "Pextan",
  "Lurvan",
  "Sabrel",
  "Fenwor",
  "Gastor",
  "Holvan",
];

export const TARGET_KINDS = ["receptor type", "receptor subtype", "ion channel", "transporter"];

/** Syllables of synthetic drug names: a capitalised head, a middle, a class suffix (unknown.ts). */
export const DRUG_HEADS = [
  "Zor",
  "Kel",
  "Quen",
  "Vask",
  "Tril",
  "Bex",
  "Dax",
  "Mur",
  "Plen",
  "Fal",
  "Gor",
  "Hux",
  "Jev",
  "Nox",
  "Pryd",
  "Rov",
  "Syl",
  "Thal",
  "Ulv",
  "Wyn",
  "Yst",
  "Zan",
];
export const DRUG_MIDDLES = ["a", "e", "i", "o", "u", "ad", "en", "iv", "or", "ul", "ex", "am"];

/** Names a synthetic drug must not take: real antidepressants and the lexicon's drugs. */
export const REAL_DRUG_NAMES = new Set([
  "desipramine",
  "imipramine",
  "clomipramine",
  "trimipramine",
  "lofepramine",
  "amitriptyline",
  "nortriptyline",
  "protriptyline",
  "amoxapine",
  "fluoxetine",
  "paroxetine",
  "duloxetine",
  "reboxetine",
  "atomoxetine",
  "vortioxetine",
  "dapoxetine",
  "citalopram",
  "escitalopram",
  "sertraline",
  "fluvoxamine",
  "mirtazapine",
  "bupropion",
  "agomelatine",
  "trazodone",
  "nefazodone",
  "venlafaxine",
  "desvenlafaxine",
  "mianserin",
]);

export const KEY_MECHANISMS = [
  "Arrestin-biased ligand at  $\\alpha_2A$ -adrenergic receptors, driving receptor down-regulation",
  "Partial agonism at 5-HT1A autoreceptors",
  "Slow dissociation from its primary transporter",
  "Use-dependent block of neuronal sodium channels",
];

export const RECEPTOR_INTERACTIONS = [
  "Significant anticholinergic, antihistaminic, and  $\\alpha_1$ -adrenergic blockade",
  "Moderate block of muscarinic, H1 and  $\\alpha_1$ -adrenergic receptors",
  "Generally minimal direct receptor blockade",
  "Little direct receptor blockade; binds sigma-1 sites",
  "Weak antihistaminic activity only",
  "Potent H1 antagonism with weak muscarinic block",
];

export const NOTES = [
  "Both are reuptake blockers; their selectivity ratios differ by more than tenfold",
  "Secondary affinities may matter only at high plasma levels",
  "Accounts for most of the tolerability differences listed further down",
  "Useful when titrating the dose",
  "Values come from rodent cortical membranes",
  "Human data are limited to small open studies",
  "Differences shrink at equipotent doses",
  "Measured after at least two weeks of dosing",
  "Relevant mainly to the cardiac profile",
  "Reported in a single laboratory so far",
];

/** Comparative rows: the condition (row label, with the outcome in parentheses) and the arms' stories. */
export interface ConditionRow {
  readonly label: string;
  /** The outcome, as the arm cells name it. */
  readonly outcome: string;
  readonly setting: "clinical" | "preclinical";
}

export const CONDITIONS: readonly ConditionRow[] = [
  { label: "Major Depression (Memory)", outcome: "memory performance", setting: "clinical" },
  { label: "Major Depression (Mood)", outcome: "mood", setting: "clinical" },
  {
    label: "SSRI-Resistant Depression",
    outcome: "depression-like behavior",
    setting: "preclinical",
  },
  {
    label: "Treatment-Resistant OCD",
    outcome: "obsessive-compulsive symptoms",
    setting: "clinical",
  },
  {
    label: "Immunomodulation &amp; Cancer Metastasis",
    outcome: "liver metastases",
    setting: "preclinical",
  },
  {
    label: "Obsessive-Compulsive Disorder",
    outcome: "obsessive-compulsive symptoms",
    setting: "clinical",
  },
  {
    label: "Late-Life Depression (Sleep &amp; Mood)",
    outcome: "sleep quality",
    setting: "clinical",
  },
  { label: "Chronic Mild Stress (Rat)", outcome: "sucrose preference", setting: "preclinical" },
  {
    label: "Neuropathic Pain (Mouse)",
    outcome: "mechanical withdrawal thresholds",
    setting: "preclinical",
  },
  {
    label: "Social Defeat Stress (Mouse)",
    outcome: "social interaction time",
    setting: "preclinical",
  },
  { label: "Learned Helplessness (Rat)", outcome: "escape latency", setting: "preclinical" },
  { label: "Post-Stroke Depression", outcome: "mood", setting: "clinical" },
  { label: "Panic Disorder (Attack Frequency)", outcome: "attack frequency", setting: "clinical" },
  {
    label: "Chronic Restraint Stress (Memory)",
    outcome: "memory performance",
    setting: "preclinical",
  },
  {
    label: "Olfactory Bulbectomy (Rat)",
    outcome: "open-field hyperactivity",
    setting: "preclinical",
  },
  {
    label: "Noradrenergic Innervation Loss",
    outcome: "noradrenergic innervation",
    setting: "preclinical",
  },
];

/** Synthetic models named after a synthetic receptor ("Orvelin-null Mice"), minted per stem. */
export const SYNTHETIC_MODEL_SUFFIXES = ["-null Mice", " Knock-in Rats"];

export const SPECIES_MODELS = [
  { animals: "Male Wistar rats", short: "Wistar rats" },
  { animals: "Female C57BL/6J mice", short: "C57BL/6J mice" },
  { animals: "Balb/c male mice", short: "Balb/c mice" },
  { animals: "Male Sprague-Dawley rats", short: "Sprague-Dawley rats" },
  { animals: "Male CD-1 mice", short: "CD-1 mice" },
  { animals: "Female Long-Evans rats", short: "Long-Evans rats" },
];

export const CELL_LINES = ["HEK 293", "MEF", "CHO-K1", "SH-SY5Y", "PC12"];

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Fictitious vendors; their addresses use the reserved example.* domains. */
export const VENDORS = [
  { name: "Examplecule", domain: "example.com" },
  { name: "Samplecule", domain: "example.org" },
  { name: "Demolecule", domain: "example.net" },
  { name: "Mockulecule", domain: "example.com" },
];

/** Hosts of the synthetic works. */
export const HOSTS = [
  "journals.example.org",
  "trials.example.org",
  "mirror.example.net",
  "reference.example.org",
  "health.example.com",
  "archive.example.com",
  "preprints.example.net",
  "library.example.edu",
];
