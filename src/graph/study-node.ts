/**
 * A study node: its row of the vocabulary table, with its qualifiers gathered for display and
 * each arm's dose as the document gave it.
 */

import type { Subjects } from "../rdf/read/read-row.ts";
import type { Row } from "../rdf/vocab/fields.ts";
import type { STUDY } from "../rdf/vocab/records.ts";
import { citations } from "./citations.ts";
import { spacedLocalName } from "./local-name.ts";
import type { StudyNode } from "./types.ts";

/** The study fields shown as its qualifiers, in this order, each as its values written. */
const QUALIFIERS = [
  "design",
  "species",
  "strain",
  "sex",
  "cellLine",
  "duration",
  "followUp",
  "totalSampleSize",
  "timePoint",
  "measure",
  "model",
] as const;

export function studyNode(iri: string, row: Row<typeof STUDY>, subjects: Subjects): StudyNode {
  const qualifiers: Record<string, string[]> = {};
  for (const q of QUALIFIERS) {
    const value = row[q];
    const values = value === undefined ? [] : Array.isArray(value) ? value : [String(value)];
    if (values.length > 0) qualifiers[q] = values;
  }
  return {
    kind: "study",
    iri,
    label: row.label ?? spacedLocalName(iri),
    document: row.document,
    citations: citations(row, subjects),
    qualifiers,
    arms: row.arms.map((arm) => ({
      label: arm.label ?? spacedLocalName(arm.iri),
      intervention: arm.intervention,
      sampleSize: arm.sampleSize,
      dose: doseText(arm.dose, arm.doseMax, arm.doseApproximate),
      doseUnit: arm.doseUnit,
      route: arm.route,
      schedule: arm.schedule,
    })),
    supports: row.supports,
  };
}

/** A dose as the document gave it: "10", "10–20", "up to 20", "~20". */
function doseText(
  dose: string | undefined,
  max: string | undefined,
  approximate: boolean,
): string | undefined {
  const value = dose && max ? `${dose}–${max}` : (dose ?? (max ? `up to ${max}` : undefined));
  return value && approximate ? `~${value}` : value;
}
