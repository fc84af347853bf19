/** Evidence types of works: their names for people, and which count as weak support. */

const LABELS: Readonly<Record<string, string>> = {
  TertiaryReferenceWork: "tertiary reference work",
  ConsumerHealthPage: "consumer health page",
  SystematicReview: "systematic review",
  MetaAnalysis: "meta-analysis",
  Review: "review",
  PrimaryResearch: "primary research",
  PreclinicalStudy: "preclinical study",
  ClinicalStudy: "clinical study",
  UnknownEvidence: "evidence type unknown",
};

/** Local names of the evidence types a claim should not rest on alone. */
export const WEAK_EVIDENCE: ReadonlySet<string> = new Set([
  "TertiaryReferenceWork",
  "ConsumerHealthPage",
]);

export function evidenceLabel(type: string): string {
  return LABELS[type] ?? type;
}

/** The evidence type for people, saying so when a rule inferred it: "consumer health page (inferred: host:consumer-health)". */
export function evidenceText(e: {
  readonly evidenceType: string;
  readonly evidenceTypeRule: string | null;
  readonly evidenceTypeInferred: boolean;
}): string {
  const label = evidenceLabel(e.evidenceType);
  return e.evidenceTypeInferred ? `${label} (inferred: ${e.evidenceTypeRule})` : label;
}
