/**
 * The vocabulary table: every record of the model, as `records.ts` and `claim-records.ts`
 * declare them. The writer (`rdf/write/quads.ts`) and the reader (`graph/from-quads.ts`) both go by
 * it; tests check it against the ontology and the shapes.
 */

import {
  ADVERSE_EFFECT_STATEMENT,
  ASSERTION_PROVENANCE,
  BUILD_ACTIVITY,
  CLAIM,
  COMPARISON_STATEMENT,
  NANOPUBLICATION,
  PUBLICATION_INFO,
  QUOTE,
  SOFTWARE_AGENT,
  STATED_IDENTIFIER,
  TEXT_POSITION_SELECTOR,
  TEXT_QUOTE_SELECTOR,
  UNSTATED_VALUE,
} from "./claim-records.ts";
import type { RecordSpec } from "./fields.ts";
import {
  DISCREPANCY,
  DOCUMENT,
  ENTITY,
  FIELD_SOURCE,
  IDENTIFIER,
  MEMBERSHIP,
  PREDICATE,
  REFERENCE,
  STUDY,
  STUDY_ARM,
  TABLE,
  WORK,
} from "./records.ts";
import { RDF } from "./vocabulary.ts";

export const RECORDS: readonly RecordSpec[] = [
  DOCUMENT,
  DISCREPANCY,
  REFERENCE,
  TABLE,
  STUDY,
  STUDY_ARM,
  NANOPUBLICATION,
  UNSTATED_VALUE,
  ADVERSE_EFFECT_STATEMENT,
  STATED_IDENTIFIER,
  COMPARISON_STATEMENT,
  ASSERTION_PROVENANCE,
  CLAIM,
  QUOTE,
  TEXT_QUOTE_SELECTOR,
  TEXT_POSITION_SELECTOR,
  PUBLICATION_INFO,
  BUILD_ACTIVITY,
  SOFTWARE_AGENT,
  ENTITY,
  MEMBERSHIP,
  IDENTIFIER,
  WORK,
  PREDICATE,
  FIELD_SOURCE,
];

/**
 * Every predicate the table's records write: rdf:type and each field's, nested records' too,
 * sorted. The graph reader reads nothing else (it reads by the table, and not all of it): a
 * triple with any other predicate (an entity's asserted triples, thousands on a hub) is
 * nothing it keeps.
 */
export function tablePredicates(): string[] {
  const out = new Set<string>([RDF.type.value]);
  const add = (rec: RecordSpec): void => {
    for (const field of Object.values(rec.fields)) {
      out.add(field.p.value);
      for (const nested of field.records ?? []) add(nested);
    }
  };
  for (const rec of RECORDS) add(rec);
  return [...out].sort();
}
