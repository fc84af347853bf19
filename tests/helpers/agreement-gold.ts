// The gold list of tests/fixtures/agreement/ (issue #15): the planted assertions, conflicts and
// near-misses, read from gold.json with their IRIs expanded, and matched against what the
// grouping found, so a test can hold recall and precision at 100% and print what differs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Assertion, ConflictKind, Disagreement } from "../../src/agreement/types.ts";
import { ROOT } from "./build.ts";

/** The fixture corpus: six overlapping documents and their gold list. */
export const AGREEMENT_SOURCES = join(ROOT, "tests", "fixtures", "agreement");
export const AGREEMENT_GOLD = join(AGREEMENT_SOURCES, "gold.json");

/** One side of a conflict or near-miss: the documents whose claims make it, and what they say. */
export interface GoldSide {
  readonly documents: readonly string[];
  readonly object?: string;
  readonly value?: string;
  /** The words as written, for the reader; not matched. */
  readonly stated?: string;
}

export interface GoldAssertion {
  readonly id: string;
  readonly note: string;
  readonly subject: string;
  readonly predicate: string;
  readonly object?: string;
  readonly value?: string;
  readonly documents: readonly string[];
  /** How many distinct works stand behind the assertion. */
  readonly works: number;
}

export interface GoldConflict {
  readonly id: string;
  readonly kind?: ConflictKind;
  /** Why it was planted (a conflict) or why it must not count (a near-miss). */
  readonly note: string;
  /** The IRIs a reasonable reading may give as the conflict's subject and predicate. */
  readonly subjects: readonly string[];
  readonly predicates: readonly string[];
  readonly sides: readonly GoldSide[];
}

export interface Gold {
  readonly prefixes: Readonly<Record<string, string>>;
  readonly assertions: readonly GoldAssertion[];
  readonly conflicts: readonly GoldConflict[];
  readonly nearMisses: readonly GoldConflict[];
}

type Raw = Record<string, unknown>;

/** Reads gold.json, expanding every compact IRI (`ent:desipramine`) with its prefixes. */
export function readGold(path: string = AGREEMENT_GOLD): Gold {
  const raw = JSON.parse(readFileSync(path, "utf8")) as Raw;
  const prefixes = raw.prefixes as Record<string, string>;
  const expand = (text: string): string => {
    const colon = text.indexOf(":");
    const base = prefixes[text.slice(0, colon)];
    if (base === undefined) throw new Error(`${path}: no prefix for "${text}"`);
    return base + text.slice(colon + 1);
  };
  const list = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).map((t) => expand(String(t)));
  const side = (s: Raw): GoldSide => ({
    documents: list(s.documents ?? []),
    ...(s.object === undefined ? {} : { object: expand(String(s.object)) }),
    ...(s.value === undefined ? {} : { value: expand(String(s.value)) }),
    ...(s.stated === undefined ? {} : { stated: String(s.stated) }),
  });
  const conflict = (c: Raw): GoldConflict => ({
    id: String(c.id),
    ...(c.kind === undefined ? {} : { kind: c.kind as ConflictKind }),
    note: String(c.note ?? c.why),
    subjects: list(c.subject),
    predicates: list(c.predicate),
    sides: (c.sides as Raw[]).map(side),
  });
  const assertion = (a: Raw): GoldAssertion => ({
    ...side(a),
    id: String(a.id),
    note: String(a.note),
    subject: expand(String(a.subject)),
    predicate: expand(String(a.predicate)),
    works: Number(a.works),
  });
  return {
    prefixes,
    assertions: (raw.assertions as Raw[]).map(assertion),
    conflicts: (raw.conflicts as Raw[]).map(conflict),
    nearMisses: (raw.nearMisses as Raw[]).map(conflict),
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

/** An assertion says what the gold side says: same documents, and its object and value if given. */
function sideMatches(gold: GoldSide, found: Assertion): boolean {
  return (
    sameSet(found.documents, gold.documents) &&
    (gold.object === undefined || found.object === gold.object) &&
    (gold.value === undefined || found.value?.value === gold.value)
  );
}

/** The assertions with the gold one's key (subject, predicate, object, value). */
export function candidatesOf(gold: GoldAssertion, found: readonly Assertion[]): Assertion[] {
  return found.filter(
    (a) =>
      a.subject === gold.subject &&
      a.predicate === gold.predicate &&
      (gold.object === undefined || a.object === gold.object) &&
      (gold.value === undefined || a.value?.value === gold.value),
  );
}

/** True when one found assertion is the gold one: its key, its documents, its number of works. */
export function assertionFound(gold: GoldAssertion, found: readonly Assertion[]): boolean {
  return candidatesOf(gold, found).some(
    (a) => sameSet(a.documents, gold.documents) && a.works.length === gold.works,
  );
}

/**
 * A found conflict is the gold one when kind, subject and predicate agree, every gold side with
 * documents is a distinct side found, and the sides rest on the same documents altogether (a
 * public record's side has none).
 */
export function conflictMatches(gold: GoldConflict, found: Disagreement): boolean {
  if (gold.kind !== undefined && found.kind !== gold.kind) return false;
  if (!gold.subjects.includes(found.subject)) return false;
  if (!gold.predicates.includes(found.predicate)) return false;
  const all = (docs: readonly (readonly string[])[]) => docs.flat();
  if (!sameSet(all(found.sides.map((s) => s.documents)), all(gold.sides.map((s) => s.documents))))
    return false;
  const free = [...found.sides];
  for (const side of gold.sides) {
    if (side.documents.length === 0) continue;
    const at = free.findIndex((f) => sideMatches(side, f));
    if (at < 0) return false;
    free.splice(at, 1);
  }
  return true;
}

export interface ConflictScore {
  readonly missing: readonly GoldConflict[];
  /** Found conflicts that no gold conflict names, each with the near-miss it is, if any. */
  readonly extra: readonly { readonly found: Disagreement; readonly nearMiss?: GoldConflict }[];
}

/** Pairs gold and found conflicts one to one (a duplicate found conflict is extra). */
export function scoreConflicts(gold: Gold, found: readonly Disagreement[]): ConflictScore {
  const unmatched = [...found];
  const missing: GoldConflict[] = [];
  for (const g of gold.conflicts) {
    const at = unmatched.findIndex((f) => conflictMatches(g, f));
    if (at < 0) missing.push(g);
    else unmatched.splice(at, 1);
  }
  const extra = unmatched.map((f) => {
    const nearMiss = gold.nearMisses.find((n) => nearMissMatches(n, f));
    return nearMiss ? { found: f, nearMiss } : { found: f };
  });
  return { missing, extra };
}

/** A found conflict is a near-miss when it stands on that near-miss's subject and documents. */
function nearMissMatches(near: GoldConflict, found: Disagreement): boolean {
  const docs = new Set(near.sides.flatMap((s) => s.documents));
  return (
    near.subjects.includes(found.subject) &&
    found.sides.every((s) => s.documents.every((d) => docs.has(d)))
  );
}
