/**
 * Statements of one claim that disagree: a claim has one line, one column, one quote, and its
 * quote one text and one position, but a knowledge base edited by hand, or two merged, may state
 * two. The graph shows one of them (the least, so any order of the quads gives the same graph);
 * `audit` reports each such property with every value and where each was stated.
 */
import { checkedPredicates, type Props, type Subjects } from "../rdf/read/read-row.ts";
import { CLAIM } from "../rdf/vocab/claim-records.ts";
import type { Field, RecordSpec } from "../rdf/vocab/fields.ts";
import type { StatementPlace } from "./quad-source.ts";

/**
 * The properties whose statements the graph builder notes the place of: those the vocabulary
 * table marks as checked, of a claim and of the nodes it nests (its quote's selectors).
 */
export const PLACED_PROPERTIES: ReadonlySet<string> = new Set(checkedPredicates(CLAIM));

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

/**
 * Where a claim's statements disagree: its own checked fields, and those of the nodes it nests.
 * A nested node is the one the reader takes (the least), except where a record is told apart
 * from its siblings by a key (the selectors): then every sibling is checked.
 */
export function claimConflicts(claim: string, props: Props, subjects: Subjects): Conflict[] {
  return recordConflicts(CLAIM, claim, props, subjects);
}

function recordConflicts(
  rec: RecordSpec,
  claim: string,
  props: Props | undefined,
  subjects: Subjects,
): Conflict[] {
  const out: Conflict[] = [];
  for (const field of checkedFields(rec)) {
    const stated = props?.get(field.p.value);
    // Most claims state nothing twice: a conflict needs two values.
    if (field.checked && stated !== undefined && stated.length > 1)
      out.push(...conflictsOf(claim, props, [field.p.value]));
    if (field.kind !== "node" || stated === undefined) continue;
    const nodes = stated
      .filter((t) => t.termType === "NamedNode" || t.termType === "BlankNode")
      .map((t) => t.value)
      .sort();
    for (const nested of field.records ?? []) {
      const checked = nested.key !== undefined || field.card === "many" ? nodes : nodes.slice(0, 1);
      for (const n of checked)
        out.push(...recordConflicts(nested, claim, subjects.get(n), subjects));
    }
  }
  return out;
}

/** Each record's fields the check looks at (checked ones, nested nodes), listed once. */
const CHECKED_FIELDS = new WeakMap<RecordSpec, readonly Field[]>();

function checkedFields(rec: RecordSpec): readonly Field[] {
  let fields = CHECKED_FIELDS.get(rec);
  if (fields === undefined) {
    fields = Object.values(rec.fields).filter((f) => f.checked || f.kind === "node");
    CHECKED_FIELDS.set(rec, fields);
  }
  return fields;
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
