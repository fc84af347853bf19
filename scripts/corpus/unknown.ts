/**
 * Names the lexicon (ontology/lexicon/entities.tsv) does not know, for the share of a corpus
 * that must be read from the template alone: drug classes (the template's abbreviations and
 * words the lexicon has no entity for, and invented classes), drug-name stems for them, and
 * invented conditions and adverse effects. Every name is clearly fictitious or a class the
 * lexicon lacks, and well-formed as vendor pages write them; all ASCII.
 */
import type { ConditionRow } from "./vocabulary.ts";

/** A class a column header can name, and how a drug of it is named. */
export interface ClassSpec {
  /** As "Name (Class)" and "Class (e.g., Name)" write it: "SNRI", "Melatonergic". */
  readonly name: string;
  /** The bare-class header ("SNRIs"), read back as the same class; none for adjectives. */
  readonly plural: string | undefined;
  /** Whether the lexicon knows the class (a synonym of one of its DrugClass entities). */
  readonly known: boolean;
  /** The drug-name endings of the class's synthetic drugs. */
  readonly suffixes: readonly string[];
  /** Focus drugs (A, C) or comparators (B): which role the class's drugs take in a document. */
  readonly role: "focus" | "comparator";
}

/** The lexicon's classes (each name a synonym of a DrugClass entity). */
export const KNOWN_CLASSES: readonly ClassSpec[] = [
  {
    name: "TCA",
    plural: "TCAs",
    known: true,
    suffixes: ["ipramine", "triptyline", "azepine", "oxapine"],
    role: "focus",
  },
  {
    name: "SSRI",
    plural: "SSRIs",
    known: true,
    suffixes: ["oxetine", "alopram", "traline", "voxamine"],
    role: "comparator",
  },
  {
    name: "SRI",
    plural: "SRIs",
    known: true,
    suffixes: ["azodone", "efaxine", "inserine"],
    role: "focus",
  },
  {
    name: "atypical antidepressant",
    plural: "atypical antidepressants",
    known: true,
    suffixes: ["tazapine", "upropion", "omelatine", "anserin"],
    role: "focus",
  },
];

/**
 * Classes the lexicon has no entity for: abbreviations and adjectives of the template, and
 * invented classes named like real ones ("Orvelin receptor antagonists").
 */
export const UNKNOWN_CLASSES: readonly ClassSpec[] = [
  {
    name: "SNRI",
    plural: "SNRIs",
    known: false,
    suffixes: ["afaxine", "nacipran"],
    role: "comparator",
  },
  { name: "NDRI", plural: "NDRIs", known: false, suffixes: ["upramide", "anidate"], role: "focus" },
  {
    name: "NaSSA",
    plural: "NaSSAs",
    known: false,
    suffixes: ["tazepine", "anserine"],
    role: "focus",
  },
  { name: "MAOI", plural: "MAOIs", known: false, suffixes: ["cypromine", "elzine"], role: "focus" },
  { name: "SARI", plural: "SARIs", known: false, suffixes: ["azolone", "odazone"], role: "focus" },
  {
    name: "NRI",
    plural: "NRIs",
    known: false,
    suffixes: ["eboxine", "atoxine"],
    role: "comparator",
  },
  {
    name: "Multimodal",
    plural: undefined,
    known: false,
    suffixes: ["ioxetine", "ilazodone"],
    role: "focus",
  },
  {
    name: "Melatonergic",
    plural: undefined,
    known: false,
    suffixes: ["melteon", "omelatone"],
    role: "focus",
  },
  {
    name: "Orvelin receptor antagonists",
    plural: "Orvelin receptor antagonists",
    known: false,
    suffixes: ["pride", "apride"],
    role: "focus",
  },
  {
    name: "Kavren reuptake inhibitors",
    plural: "Kavren reuptake inhibitors",
    known: false,
    suffixes: ["etine", "oxetane"],
    role: "comparator",
  },
  {
    name: "Tesmoric benzodiazepines",
    plural: "Tesmoric benzodiazepines",
    known: false,
    suffixes: ["azepam", "azolam"],
    role: "focus",
  },
  {
    name: "Quilan-sparing antipsychotics",
    plural: "Quilan-sparing antipsychotics",
    known: false,
    suffixes: ["idone", "operone"],
    role: "focus",
  },
];

/** Invented conditions and models, the outcome in parentheses as the seed writes them. */
export const UNKNOWN_CONDITIONS: readonly ConditionRow[] = [
  { label: "Halvenic Mood Disorder (Relapse)", outcome: "relapse rate", setting: "clinical" },
  { label: "Dravon Syndrome (Sleep Latency)", outcome: "sleep latency", setting: "clinical" },
  { label: "Pextanic Anhedonia (Reward)", outcome: "reward responsiveness", setting: "clinical" },
  { label: "Melzor Fatigue State", outcome: "fatigue scores", setting: "clinical" },
  { label: "Lurvan Stress Paradigm (Rat)", outcome: "burrowing latency", setting: "preclinical" },
  { label: "Sabrel Isolation Model (Mouse)", outcome: "nest building", setting: "preclinical" },
  { label: "Fenwor Withdrawal Model (Rat)", outcome: "grooming bouts", setting: "preclinical" },
  { label: "Gastor Hypoactivity (Mouse)", outcome: "wheel running", setting: "preclinical" },
];

/** Invented adverse effects, written as side-effect rows name them. */
export const UNKNOWN_EFFECTS: readonly string[] = [
  "Orvelin Flushing",
  "Kavren Paraesthesia",
  "Tesmoric Rash",
  "Quilan Tinnitus",
  "Dravonic Myalgia",
  "Melzor Photosensitivity",
  "Pextan Hiccups",
  "Lurvanic Dysgeusia",
];
