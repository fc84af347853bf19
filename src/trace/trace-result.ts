/** The answer `trace` gives, as a type: the shape behind `--json` (docs/trace-json.md). */
import type { ConflictKind, Support } from "../agreement/types.ts";
import type { Suggestion } from "../graph/resolve.ts";
import type { CitationJson, ClaimJson, Named } from "./answers.ts";

export interface PredicateGroup {
  readonly predicate: Named;
  /** Whether the traced entity is the claims' subject or their object. */
  readonly role: "subject" | "object";
  /** How many claims the group holds in all. */
  readonly count: number;
  /** The group's claims on this page. */
  readonly claims: readonly ClaimJson[];
}

export interface Page {
  /** Claims skipped (default 0). */
  readonly offset?: number;
  /** Most claims returned (default 100). */
  readonly limit?: number;
}

export const DEFAULT_LIMIT = 100;

export interface TraceResult {
  readonly query: string;
  readonly match: "claim" | "entity" | "reference" | "work" | "none";
  /** How many claims the answer holds in all. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** The claims on this page, in document order. */
  readonly claims: readonly ClaimJson[];
  readonly entity: {
    readonly id: string;
    readonly label: string;
    readonly type: string;
    readonly synonyms: readonly string[];
    readonly identifiers: readonly string[];
    readonly unverifiedIdentifiers: readonly string[];
    readonly unnormalised: boolean;
    /** Every group with its count, and its claims on this page. */
    readonly groups: readonly PredicateGroup[];
    /** How many more claims mention the entity without it being their subject or object. */
    readonly mentionedInCount: number;
    readonly mentionedIn: readonly Named[];
    /** What several documents say together about it, when traced with an Agreement (#15). */
    readonly assertions?: readonly AssertionJson[];
  } | null;
  /** How many references the answer rests on in all (`references` holds the first `limit`). */
  readonly referenceCount: number;
  readonly references: ReadonlyArray<{
    readonly id: string;
    readonly number: number | null;
    readonly document: Named | null;
    readonly citation: CitationJson;
    /** Other numbers under which the same work is listed. */
    readonly sameWork: ReadonlyArray<{ readonly id: string; readonly number: number | null }>;
  }>;
  readonly tried: readonly string[];
  readonly suggestions: readonly Suggestion[];
}

/** The claims an answer carries: `limit` of them from `offset`. */
export interface Window {
  readonly offset: number;
  readonly limit: number;
}

/** An assertion about a traced entity (entity-assertions.ts), with its support and conflicts. */
export interface AssertionJson {
  readonly id: string;
  readonly key: string;
  readonly predicate: Named;
  /** Whether the traced entity is the assertion's subject or its object. */
  readonly role: "subject" | "object";
  /** What it says: the other entity's name, or the value on its scale. */
  readonly says: string;
  readonly claims: readonly string[];
  readonly documents: number;
  readonly works: number;
  readonly support: Support;
  readonly guessed: boolean;
  readonly conflicts: ReadonlyArray<{ readonly id: string; readonly kind: ConflictKind }>;
}
