/**
 * Colours of node types and of claims' evidence, for the reducers and the legend (display
 * only, never in the data).
 *
 * The seven entity types take the Okabe–Ito palette (Okabe & Ito, "Color Universal Design",
 * 2008), chosen to stay apart for readers with any of the common colour-vision deficiencies;
 * the provenance kinds take dark shades and claims greys and a blue by their evidence, picked
 * so that every two colours of the legend, the dimmed grey and the selection colour differ by
 * at least `MIN_DELTA_E` (CIEDE2000) in normal vision and in a simulation of protanopia,
 * deuteranopia and tritanopia (Machado et al. 2009, severity 1); tests/projection/palette.test.ts
 * checks it.
 */
import { typeKey } from "./legend-key.ts";
import type { Evidence } from "./projection.ts";

/** The smallest CIEDE2000 difference between two colours of the palette, in any vision. */
export const MIN_DELTA_E = 9.5;

const TYPE_COLOURS: Readonly<Record<string, string>> = {
  "entity:Drug": "#d55e00", // Okabe–Ito vermillion
  "entity:DrugClass": "#e69f00", // orange
  "entity:Target": "#0072b2", // blue
  "entity:Mechanism": "#cc79a7", // reddish purple
  "entity:Condition": "#009e73", // bluish green
  "entity:Outcome": "#56b4e9", // sky blue
  "entity:AdverseEffect": "#f0e442", // yellow
  reference: "#2b5a75",
  work: "#735000",
  study: "#453000",
  document: "#1a3646",
};

/** Claims are coloured by what supports them (the projection's `evidence`). */
const EVIDENCE_COLOURS: Readonly<Record<ClaimEvidence, string>> = {
  strong: "#4d4d4d",
  weak: "#bbbbbb",
  uncited: "#1111bb",
};

export type ClaimEvidence = Exclude<Evidence, "none">;

/** The evidence keys in the legend's order, with what each means. */
export const EVIDENCE_KEYS: ReadonlyArray<{ readonly key: ClaimEvidence; readonly name: string }> =
  [
    { key: "strong", name: "Primary support" },
    { key: "weak", name: "Only tertiary or consumer support" },
    { key: "uncited", name: "Uncited" },
  ];

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
export { typeKey } from "./legend-key.ts";

/** A type's colour; claims, coloured by evidence, show as primary support here. */
export function colourOf(key: string): string {
  if (key === "claim") return EVIDENCE_COLOURS.strong;
  return TYPE_COLOURS[key] ?? OTHER;
}

export function evidenceColour(evidence: Evidence): string {
  return evidence === "none" ? EVIDENCE_COLOURS.strong : EVIDENCE_COLOURS[evidence];
}

/** The colour a node is drawn in: claims by their evidence, the rest by type. */
export function nodeColour(node: {
  readonly kind: string;
  readonly type: string;
  readonly evidence: Evidence;
}): string {
  return node.kind === "claim"
    ? evidenceColour(node.evidence)
    : colourOf(typeKey(node.kind, node.type));
}

export function nameOf(key: string): string {
  return NAMES[key] ?? key.replace(/^entity:/, "");
}

/** Every colour the legend shows (types and evidence), for the palette's test. */
export function legendColours(): ReadonlyArray<{ readonly key: string; readonly colour: string }> {
  return [
    ...Object.entries(TYPE_COLOURS).map(([key, colour]) => ({ key, colour })),
    ...EVIDENCE_KEYS.map(({ key }) => ({ key: `claim:${key}`, colour: EVIDENCE_COLOURS[key] })),
  ];
}

/** A type the palette does not know (none today). */
const OTHER = "#808080";
export const DIMMED = "#e3e6ec";
/** The selected node and the traced path: black, which no type uses. */
export const HIGHLIGHT = "#000000";
