/** Colours of node types, for the reducers and the legend (display only, never in the data). */

const COLOURS: Readonly<Record<string, string>> = {
  "entity:Drug": "#d7263d",
  "entity:DrugClass": "#f46036",
  "entity:Target": "#2e86de",
  "entity:Mechanism": "#8e44ad",
  "entity:Condition": "#1b998b",
  "entity:Outcome": "#a0672b",
  "entity:AdverseEffect": "#e84393",
  reference: "#17a2b8",
  work: "#0b6e4f",
  document: "#1d2330",
  study: "#9bc53d",
  claim: "#9aa3b2",
};

const NAMES: Readonly<Record<string, string>> = {
  "entity:Drug": "Drug",
  "entity:DrugClass": "Drug class",
  "entity:Target": "Target",
  "entity:Mechanism": "Mechanism",
  "entity:Condition": "Condition or model",
  "entity:Outcome": "Outcome",
  "entity:AdverseEffect": "Adverse effect",
  reference: "Reference",
  work: "Work",
  document: "Document",
  study: "Study",
  claim: "Claim",
};

/** The legend key of a node: entities by class, everything else by kind. */
export function typeKey(kind: string, type: string): string {
  return kind === "entity" ? `entity:${type}` : kind;
}

export function colourOf(key: string): string {
  return COLOURS[key] ?? "#6c757d";
}

export function nameOf(key: string): string {
  return NAMES[key] ?? key.replace(/^entity:/, "");
}

export const DIMMED = "#e3e6ec";
export const HIGHLIGHT = "#f5a623";
