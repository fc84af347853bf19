/**
 * The evidence type of a work no curation row types, inferred by rules and recorded with the
 * rule that gave it. `lexicon/evidence.tsv` reads the reference entries (host, path, title,
 * stated identifiers); a work the rules call primary research is then refined by what the
 * document's own protocol bullets citing it say of their subjects (human subjects or a clinical
 * trial: clinical; animals, cell lines or in vitro work: preclinical; both or neither: left as
 * primary research).
 */
import type { Study } from "../claims/types.ts";
import {
  CURATION_RULE,
  type EntryFacts,
  type EvidenceRule,
  type EvidenceType,
  ruleMatches,
} from "../lexicon/evidence-rules.ts";

export { CURATION_RULE };

export interface EvidenceInference {
  readonly evidenceType: EvidenceType;
  /** The rule's name; undefined when no rule matched (the type is then unknown). */
  readonly rule: string | undefined;
}

/** Rule names of the refinement by protocol bullets. */
export const CLINICAL_RULE = "protocol:human-subjects";
export const PRECLINICAL_RULE = "protocol:animals-or-cells";

/** The first rule (in file order) that matches any of a work's entries. */
export function inferEvidence(
  entries: readonly EntryFacts[],
  rules: readonly EvidenceRule[],
): EvidenceInference {
  for (const rule of rules) {
    if (entries.some((e) => ruleMatches(rule, e)))
      return { evidenceType: rule.evidenceType, rule: rule.rule };
  }
  return { evidenceType: "UnknownEvidence", rule: undefined };
}

/** Primary research refined into clinical or preclinical by the studies that cite the work. */
export function refineByStudies(
  inference: EvidenceInference,
  studies: readonly Study[],
): EvidenceInference {
  if (inference.evidenceType !== "PrimaryResearch" || studies.length === 0) return inference;
  const human = studies.some(
    (s) => s.species.includes("human") || s.design.includes("clinical trial"),
  );
  const preclinical = studies.some(
    (s) =>
      s.species.some((x) => x !== "human") ||
      s.cellLines.length > 0 ||
      s.design.includes("in vitro"),
  );
  if (human === preclinical) return inference;
  return human
    ? { evidenceType: "ClinicalStudy", rule: CLINICAL_RULE }
    : { evidenceType: "PreclinicalStudy", rule: PRECLINICAL_RULE };
}
