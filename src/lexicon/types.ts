/** The lexicon's records: canonical entities, identifiers, predicates, table kinds and cues. */

export const ENTITY_TYPES = [
  "Drug",
  "DrugClass",
  "Target",
  "Mechanism",
  "Condition",
  "Outcome",
  "AdverseEffect",
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export interface IdentifierRecord {
  readonly scheme: string;
  readonly id: string;
  readonly confidence: "confirmed" | "likely";
  /** Where the identifier was read (a public record), as `identifiers.tsv` says. */
  readonly source: string;
}

export interface LexiconEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly label: string;
  readonly synonyms: readonly string[];
  readonly broader: string | undefined;
  readonly identifiers: readonly IdentifierRecord[];
}

export interface PredicateRecord {
  /** Local name in the claimgraph vocabulary, e.g. "primaryTarget". */
  readonly name: string;
  readonly objectType: EntityType | undefined;
}

export type TableKind = "feature" | "adverse-effect" | "comparative";

export type CueKind =
  | "boilerplate"
  | "null"
  | "untested"
  | "negative"
  | "similar"
  | "mixed"
  | "harm"
  | "not-compared"
  | "positive"
  | "superior"
  | "inferior"
  | "design"
  | "species"
  | "sex"
  | "route"
  | "measure"
  | "value-column"
  | "drug-class"
  | "frequency"
  | "no-result"
  | "relation"
  | "arm-relation";

export interface Cue {
  readonly kind: CueKind;
  readonly phrase: string;
  readonly value: string;
}

/** An entity named in a piece of display text, at [start, end). */
export interface Mention {
  readonly entity: LexiconEntity;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}
