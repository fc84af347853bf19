import { readField, type Subjects } from "../rdf/read/read-row.ts";
import { REFERENCE } from "../rdf/vocab/records.ts";

/**
 * What a claim or study cites: the reference entries it cites through (cg:viaReference), and
 * what it cites as evidence (cito:citesAsEvidence) that none of them refers to — a work cited
 * directly, or a reference entry, as files written before cg:viaReference cite.
 */
export function citations(
  row: { readonly viaReference: readonly string[]; readonly citesAsEvidence: readonly string[] },
  subjects: Subjects,
): string[] {
  const via = row.viaReference;
  const reached = new Set(
    via.map((ref) => readField(REFERENCE.fields.work, subjects.get(ref), subjects)),
  );
  const direct = row.citesAsEvidence.filter((x) => !reached.has(x));
  return [...new Set([...via, ...direct])].sort();
}
