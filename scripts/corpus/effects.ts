/**
 * The side-effect table's words: effects the lexicon knows (anticholinergic effects,
 * sedation, ...) and others the build mints, and how a cell words the risk.
 */

/** Side-effect rows: the label as written, and wording only that effect's cells use. */
export interface EffectRow {
  readonly label: string;
  readonly specific?: {
    readonly high?: string;
    readonly moderate?: string;
    readonly frequent?: string;
  };
}

export const EFFECTS: readonly EffectRow[] = [
  {
    label: "Anticholinergic Effects",
    specific: {
      high: "High risk (dry mouth, blurred vision, constipation, urinary retention, confusion)",
    },
  },
  {
    label: "Cardiovascular Effects",
    specific: {
      high: "Significant risk (orthostatic hypotension, arrhythmias, conduction abnormalities)",
    },
  },
  { label: "Sedation", specific: { moderate: "Moderate, due to antihistaminic properties" } },
  { label: "Sexual Dysfunction" },
  {
    label: "Nausea / GI Distress",
    specific: { frequent: "Very common, especially upon initiation" },
  },
  { label: "Weight Gain" },
  { label: "Seizure Risk", specific: { moderate: "Lowers seizure threshold" } },
  {
    label: "Toxicity in Overdose",
    specific: {
      high: "<b>High risk</b> - can be fatal due to cardiotoxicity",
      moderate: "<b>High risk</b> - narrow margin between therapeutic and toxic levels",
    },
  },
  {
    label: "Orthostatic Hypotension",
    specific: { moderate: "Present but milder than with other TCAs" },
  },
  { label: "Insomnia", specific: { frequent: "Varies; can cause insomnia or drowsiness" } },
  { label: "Dry Mouth" },
  { label: "Constipation" },
  { label: "Blurred Vision" },
  { label: "Urinary Retention" },
  { label: "Confusion" },
  { label: "Cardiac Arrhythmia" },
  { label: "Cardiac Conduction", specific: { high: "Dose-related QRS and QTc prolongation" } },
  { label: "GI Upset &amp; Diarrhoea", specific: { frequent: "Common during the first weeks" } },
  { label: "Hyponatraemia" },
  { label: "Bruxism" },
  { label: "Tremor" },
  { label: "Sweating &amp; Flushing" },
  { label: "Headache" },
  { label: "Bleeding Risk" },
  { label: "Emotional Blunting" },
  { label: "Discontinuation Symptoms" },
  { label: "QTc Prolongation" },
  { label: "Restless Legs" },
];

/** Risk wordings any effect's cells may use. */
export const RISKS = {
  high: ["High risk", "Significant risk", "Common", "Dose-related and frequent"],
  moderate: [
    "Moderate risk, lower than with tertiary-amine TCAs",
    "Moderate",
    "Possible, but variable",
  ],
  low: [
    "Low risk",
    "Generally lower risk",
    "Rare",
    "Uncommon",
    "Minimal at usual doses",
    "Lower risk compared to TCAs",
  ],
  frequent: ["Very common", "Common, especially early in treatment"],
} as const;
