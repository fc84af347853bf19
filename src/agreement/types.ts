/**
 * What several documents say together (issue #15): claims that state the same thing grouped
 * into one assertion with its support, and claims on the same subject and predicate that
 * cannot both hold, as conflicts. This file is the contract the grouping, the conflict rules,
 * the RDF, the commands and the viewer share; the code that fills it lives beside it.
 */

/** One claim as the grouping sees it: the knowledge base's or the loaded graph's, alike. */
export interface ClaimFact {
  /** The claim's IRI. */
  readonly claim: string;
  /** The document's IRI, and its file as the audit shows it. */
  readonly document: string;
  readonly subject: string;
  readonly predicate: string;
  /** An entity's IRI when the claim's object is an entity. */
  readonly object?: string;
  /** A value normalised on a scale (a frequency's IRI, a direction), when it has one. */
  readonly value?: NormalisedValue;
  /** The literal as written, when the object is text. */
  readonly text?: string;
  /**
   * A comparison's frame: the condition compared in and the arm the comparison favours (an
   * entity's IRI), when the claim compares two arms. Two comparisons are one assertion only
   * when condition and favoured arm agree; opposite favoured arms in one condition conflict.
   */
  readonly comparison?: ComparisonFrame;
  /** The distinct works the claim cites (a work listed under two numbers once). */
  readonly works: readonly string[];
  /** The reference numbers the claim cites through, as the document lists them (added in #15). */
  readonly citations?: readonly number[];
  /** The quote, and where it stands. */
  readonly quote: string;
  readonly place: FactPlace;
  /** True when the subject, object or predicate was guessed by the reading (say so, never hide it). */
  readonly guessed: boolean;
}

export interface ComparisonFrame {
  readonly condition: string;
  /** The favoured arm's IRI, or "" when the comparison favours neither (Similar, Unclear…). */
  readonly favours: string;
}

export interface FactPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A value on an ordinal or nominal scale declared in ontology/ (e.g. the frequency scale). */
export interface NormalisedValue {
  /** The scale's IRI (e.g. cg:FrequencyScale). */
  readonly scale: string;
  /** The value's IRI on that scale (e.g. cg:Rare). */
  readonly value: string;
}

/** How a source's evidence counts: the evidence types, grouped as the support summary shows them. */
export type SupportTier = "primary" | "review" | "tertiary" | "consumer" | "unknown";

/** Independent works behind an assertion, by tier (a work cited by two documents counts once). */
export type Support = Readonly<Record<SupportTier, number>>;

/** Claims that state the same thing: one subject, predicate and object (or normalised value). */
export interface Assertion {
  /** A stable IRI: a hash of the key alone, so adding an unrelated document does not move it. */
  readonly iri: string;
  /** The grouping key, readable: subject | predicate | object-or-value. */
  readonly key: string;
  readonly subject: string;
  readonly predicate: string;
  readonly object?: string;
  readonly value?: NormalisedValue;
  /** The literal as its first claim wrote it, when the object is text (not an entity). */
  readonly text?: string;
  /** The comparison's condition and favoured arm, for comparisons. */
  readonly comparison?: ComparisonFrame;
  /** Its claims, documents and distinct works, each sorted. */
  readonly claims: readonly string[];
  readonly documents: readonly string[];
  readonly works: readonly string[];
  readonly support: Support;
  /** True when any claim's subject, predicate or object was guessed. */
  readonly guessed: boolean;
  /** The works whose evidence type a rule inferred (counted in `support` all the same), sorted. */
  readonly inferred?: readonly string[];
  /** What public records give, on the record's side of a PublicRecordDisagrees (no claims). */
  readonly publicValues?: readonly string[];
}

/** The kinds of conflict; each is a rule in ontology/ (data), each with a test. */
export type ConflictKind =
  | "FrequencyGap"
  | "OppositeDirection"
  | "EffectVersusNone"
  | "PrimaryTargetDisagrees"
  | "PublicRecordDisagrees";

/** Two sides that cannot both hold, each with its claims (quotes, places, citations). */
export interface Disagreement {
  /** A stable IRI from the kind and the two assertions' keys, in order. */
  readonly iri: string;
  readonly kind: ConflictKind;
  /** The rule (its IRI in ontology/) that found it. */
  readonly rule: string;
  readonly subject: string;
  readonly predicate: string;
  /** The two sides, in a stable order. */
  readonly sides: readonly [Assertion, Assertion];
}

/** Everything the grouping finds in a set of claims. */
export interface Agreement {
  readonly assertions: readonly Assertion[];
  readonly conflicts: readonly Disagreement[];
}
