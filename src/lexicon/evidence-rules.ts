/**
 * The rules that infer what kind of evidence a cited work is from its reference entries
 * (`ontology/lexicon/evidence.tsv`): its host, its host and path, words of its title, or an
 * identifier it states. Each rule has a name the knowledge base records with the inference.
 */

import type { Diagnostic } from "../base/errors.ts";
import { normaliseLabel } from "../base/slug.ts";
import { fieldDiagnostic, readTsv } from "../base/tsv.ts";
import type { StatedIdentifier } from "../document/locator.ts";

export const EVIDENCE_TYPES = [
  "TertiaryReferenceWork",
  "ConsumerHealthPage",
  "SystematicReview",
  "MetaAnalysis",
  "Review",
  "PrimaryResearch",
  "PreclinicalStudy",
  "ClinicalStudy",
  "UnknownEvidence",
] as const;

export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The rule recorded when a curator's `works.tsv` row gives the evidence type. */
export const CURATION_RULE = "curation";

export function isEvidenceType(name: string): name is EvidenceType {
  return (EVIDENCE_TYPES as readonly string[]).includes(name);
}

const TESTS = ["host", "host-path", "title", "identifier"] as const;
type RuleTest = (typeof TESTS)[number];

export interface EvidenceRule {
  /** The name recorded with an inference, e.g. "host:consumer-health". */
  readonly rule: string;
  readonly test: RuleTest;
  readonly value: string;
  readonly evidenceType: EvidenceType;
}

/** What a rule reads of a reference entry. */
export interface EntryFacts {
  readonly titleAsGiven: string;
  readonly host: string | undefined;
  readonly path: string;
  readonly identifiers: readonly StatedIdentifier[];
}

export function readEvidenceRules(
  file: string,
  text: string,
  diagnostics: Diagnostic[],
): EvidenceRule[] {
  const rows = readTsv(file, text, ["rule", "test", "value", "evidenceType"], diagnostics);
  const out: EvidenceRule[] = [];
  for (const row of rows) {
    const f = row.fields;
    const test = f.test as RuleTest;
    const evidenceType = f.evidenceType ?? "";
    const problem = !TESTS.includes(test)
      ? { column: "test", message: `unknown test "${f.test}"`, hint: TESTS.join(", ") }
      : !isEvidenceType(evidenceType)
        ? {
            column: "evidenceType",
            message: `unknown evidence type "${evidenceType}"`,
            hint: EVIDENCE_TYPES.join(", "),
          }
        : undefined;
    if (problem) {
      const { column, message, hint } = problem;
      diagnostics.push(
        fieldDiagnostic(file, row, column, "LexiconError", message, `use one of ${hint}`),
      );
      continue;
    }
    out.push({
      rule: f.rule ?? "",
      test,
      value: f.value ?? "",
      evidenceType: evidenceType as EvidenceType,
    });
  }
  return out;
}

export function ruleMatches(rule: EvidenceRule, entry: EntryFacts): boolean {
  const value = rule.value.toLowerCase();
  switch (rule.test) {
    case "host":
      return onHost(entry.host, value);
    case "host-path": {
      const slash = value.indexOf("/");
      const host = slash === -1 ? value : value.slice(0, slash);
      const path = slash === -1 ? "/" : value.slice(slash);
      return onHost(entry.host, host) && entry.path.toLowerCase().startsWith(path);
    }
    case "title": {
      const words = normaliseLabel(value);
      return words !== "" && ` ${normaliseLabel(entry.titleAsGiven)} `.includes(` ${words} `);
    }
    case "identifier":
      return entry.identifiers.some((i) => i.scheme === value);
  }
}

/** The host is `site` or one of its sub-domains (`www.healthline.com` is on `healthline.com`). */
function onHost(host: string | undefined, site: string): boolean {
  return host !== undefined && (host === site || host.endsWith(`.${site}`));
}
