/** Evidence types of works: their names for people, and which count as weak support. */

const LABELS: Readonly<Record<string, string>> = {
  TertiaryReferenceWork: "tertiary reference work",
  ConsumerHealthPage: "consumer health page",
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
