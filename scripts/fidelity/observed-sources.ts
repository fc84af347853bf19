/**
 * The rows of what a document cites and reports beside its claims: its protocol bullets
 * (studies and their arms) and its reference list (entries and the identifiers they give).
 * Part of the adapter (`observed.ts`).
 */
import type { ResolvedReference, Study, StudyArm, Term, Work } from "../../src/claims/types.ts";
import { citationKey, type FactRow } from "./rows.ts";
import { EVIDENCE, identifierWords } from "./words.ts";

export type Names = (term: Term) => string[];
export type Fields = Partial<Omit<FactRow, "kind" | "document" | "file" | "line" | "endLine">>;

export function studyFields(study: Study): Fields {
  return {
    subject: [study.label],
    citations: citationKey(study.citations),
    attributes: {
      design: study.design.join(","),
      n: study.totalSampleSize === undefined ? "" : String(study.totalSampleSize),
      duration: study.duration ?? "",
      "follow-up": study.followUp ?? "",
    },
  };
}

export function armFields(study: Study, arm: StudyArm, names: Names): Fields {
  return {
    subject: [study.label],
    object: arm.intervention ? names(arm.intervention) : [arm.label],
    attributes: {
      n: arm.sampleSize === undefined ? "" : String(arm.sampleSize),
      dose: doseWords(arm),
      unit: arm.doseUnit ?? "",
      route: arm.route ?? "",
    },
  };
}

/** A dose as gold writes it: "10–20" for a range, "~20" when approximate. */
export function doseWords(arm: StudyArm): string {
  const low = arm.dose;
  const high = arm.doseMax;
  const value =
    low !== undefined && high !== undefined && low !== high
      ? `${low}–${high}`
      : (low ?? high ?? "");
  return arm.doseApproximate && value !== "" ? `~${value}` : value;
}

export function referenceFields(ref: ResolvedReference, work: Work | undefined): Fields {
  return {
    subject: [String(ref.number)],
    object: ref.host ? [ref.host] : [],
    attributes: { evidence: work ? EVIDENCE[work.evidenceType] : "unknown" },
  };
}

/**
 * The identifiers the entry itself gives (parsed from its locator, stated by the document).
 * Identifiers checked against public records (`ontology/identifiers.tsv`, the work's
 * `identifiers`) are not what the document gives, so they make no rows: scoring them made
 * seed+curation's precision fall for records the seed's entries never state.
 */
export function identifierFields(ref: ResolvedReference): Fields[] {
  return ref.identifiers.map((id) => ({
    subject: [String(ref.number)],
    object: [identifierWords(id.scheme, id.id)],
    attributes: { source: "stated" },
  }));
}
