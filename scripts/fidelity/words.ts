/**
 * claimgraph's model names in the gold files' words (tests/fixtures/corpus/README.md): evidence
 * types, comparison directions, the adverse-effect frequency scale, relation predicates and
 * identifier schemes. Where the model keeps one level for two of the gold's words ("uncommon"
 * and "less common" are both Uncommon), the level answers to both.
 */
import type { Direction, EvidenceType, Frequency } from "../../src/claims/types.ts";

export const EVIDENCE: Readonly<Record<EvidenceType, string>> = {
  TertiaryReferenceWork: "tertiary",
  ConsumerHealthPage: "consumer",
  PreclinicalStudy: "primary-research",
  ClinicalStudy: "primary-research",
  PrimaryResearch: "primary-research",
  SystematicReview: "systematic-review",
  MetaAnalysis: "meta-analysis",
  Review: "review",
  UnknownEvidence: "unknown",
};

export const DIRECTION: Readonly<Record<Direction, string>> = {
  Favours: "favours",
  Similar: "similar",
  NotCompared: "not-compared",
  Unclear: "unclear",
};

/** Alternatives joined by "|", as gold writes them; an unread frequency is no level. */
export const FREQUENCY: Readonly<Record<Frequency, string>> = {
  VeryCommon: "very common",
  Common: "common",
  Uncommon: "uncommon|less common",
  Rare: "rare",
  VeryRare: "very rare",
  Possible: "possible",
  LowRisk: "low|lower",
  ModerateRisk: "moderate",
  HighRisk: "high|significant",
  NoRisk: "none",
  DoseDependent: "dose-dependent",
  Varies: "varies",
  UnreadFrequency: "",
};

/**
 * Relation predicates whose name is not the gold's word once camelCase is split
 * (`antagonistAt` is "antagonist at" by the label key; `bindsTo` is not "binds").
 */
const RELATION: Readonly<Record<string, string>> = {
  bindsTo: "binds",
  memberOf: "is a",
};

export function relationWords(predicate: string): string {
  return RELATION[predicate] ?? predicate;
}

/** Identifier schemes as gold writes them (`bookshelf:NBK…` for an NCBI Bookshelf id). */
const SCHEME: Readonly<Record<string, string>> = { nbk: "bookshelf" };

export function identifierWords(scheme: string, id: string): string {
  return `${SCHEME[scheme] ?? scheme}:${id}`;
}
