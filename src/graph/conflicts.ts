/**
 * Statements of one claim that disagree: a claim has one line, one column, one quote, and its
 * quote one text and one position, but a knowledge base edited by hand, or two merged, may state
 * two. The graph shows one of them (the least, so any order of the quads gives the same graph);
 * `audit` reports each such property with every value and where each was stated.
 */
import { CG, OA } from "../rdf/vocabulary.ts";
import type { StatementPlace } from "./quad-source.ts";

/** The claim properties that have one value (the claim's own, then its quote's selectors'). */
export const CLAIM_PROPERTIES: readonly string[] = [
  CG.line.value,
  CG.column.value,
  CG.endLine.value,
  CG.endColumn.value,
  CG.quote.value,
];
export const SELECTOR_PROPERTIES: readonly string[] = [
  OA.exact.value,
  OA.prefix.value,
  OA.suffix.value,
  OA.start.value,
  OA.end.value,
];

/** The properties whose statements the graph builder notes the place of. */
export const PLACED_PROPERTIES: ReadonlySet<string> = new Set([
  ...CLAIM_PROPERTIES,
  ...SELECTOR_PROPERTIES,
]);

export interface ConflictValue {
  readonly value: string;
  /** Where it was stated, when the quads came from a file (not from a store). */
  readonly place: StatementPlace | null;
}

export interface Conflict {
  /** The claim's IRI. */
  readonly claim: string;
  /** The property stated more than once, as an IRI (cg:line, oa:exact, …). */
  readonly property: string;
  /** Every value stated, least first. */
  readonly values: readonly ConflictValue[];
}

interface Stated {
  readonly value: string;
  readonly at?: StatementPlace;
}

/** The conflicts among `properties` of a subject, as the claim `claim`'s. */
export function conflictsOf(
  claim: string,
  props: ReadonlyMap<string, readonly Stated[]> | undefined,
  properties: readonly string[],
): Conflict[] {
  const out: Conflict[] = [];
  for (const property of properties) {
    const stated = props?.get(property);
    if (!stated || stated.length < 2) continue;
    const values = stated
      .map((s) => ({ value: s.value, place: s.at ?? null }))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    out.push({ claim, property, values });
  }
  return out;
}
