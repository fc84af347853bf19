/**
 * The detection of issue #15: pairs of assertions on one subject that cannot both hold, found
 * by the rules of `ontology/conflict-rules.tsv`. Only assertions that share a subject and an
 * object (or, for a primary target, a subject and a predicate) are compared, so the work grows
 * with what one subject has, not with the square of the knowledge base. A claim whose object is
 * text that says no effect on an entity ("Minimal direct effect on NET", `none-in-text.ts`)
 * is compared with the effects its subject has on that entity.
 */
import { kbPrefixes } from "../rdf/vocab/namespaces.ts";
import { keyIri } from "./group.ts";
import { noneInText } from "./none-in-text.ts";
import type { ConflictRules } from "./rules.ts";
import type { Assertion, ConflictKind, Disagreement } from "./types.ts";

/** The conflicts among `assertions`, sorted by IRI, one per pair (the first rule that holds). */
export function detectConflicts(
  assertions: readonly Assertion[],
  rules: ConflictRules,
  base: string,
): Disagreement[] {
  const out = new Map<string, Disagreement>();
  const add = (kind: ConflictKind, a: Assertion, b: Assertion): void => {
    const d = disagreement(kind, a, b, rules, base);
    if (!out.has(d.iri)) out.set(d.iri, d);
  };
  for (const group of bucket(assertions, bySubjectObject).values())
    forEachPair(group, (a, b) => {
      const kind = pairKind(a, b, rules);
      if (kind) add(kind, a, b);
    });
  const primary = (a: Assertion): string | null =>
    a.object && rules.primary.has(localName(a.predicate)) ? `${a.subject} ${a.predicate}` : null;
  for (const group of bucket(assertions, primary).values())
    forEachPair(group, (a, b) => {
      if (a.object !== b.object) add("PrimaryTargetDisagrees", a, b);
    });
  for (const [none, effect] of textAgainstEffects(assertions, rules, base))
    add("EffectVersusNone", none, effect);
  return [...out.values()].sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
}

/** The rule two assertions on one subject and object break, if any. */
export function pairKind(a: Assertion, b: Assertion, rules: ConflictRules): ConflictKind | null {
  const pa = localName(a.predicate);
  const pb = localName(b.predicate);
  if (a.predicate === b.predicate && gapOf(a, b, rules) >= parameter(rules, "FrequencyGap"))
    return "FrequencyGap";
  if (rules.opposite.has(`${pa} ${pb}`) || favourOpposite(a, b)) return "OppositeDirection";
  if (rules.none.has(`${pa} ${pb}`) || rules.none.has(`${pb} ${pa}`)) return "EffectVersusNone";
  return null;
}

/**
 * Each assertion whose text says no effect on an entity ("Minimal direct effect on NET")
 * paired with each assertion of the same subject that states an effect on that entity, as the
 * "none" rows pair predicates (inhibits against noEffectOn).
 */
function textAgainstEffects(
  assertions: readonly Assertion[],
  rules: ConflictRules,
  base: string,
): Array<[Assertion, Assertion]> {
  const entity = kbPrefixes(base).ent;
  const byObject = bucket(assertions, bySubjectObject);
  const pairs: Array<[Assertion, Assertion]> = [];
  for (const a of assertions) {
    if (a.text === undefined || rules.noneText.sentences.has(localName(a.predicate))) continue;
    for (const stated of noneInText(a.text, rules.noneText))
      for (const b of byObject.get(`${a.subject} ${entity}${stated.entity}`) ?? [])
        if (rules.none.has(`${localName(b.predicate)} ${stated.predicate}`)) pairs.push([a, b]);
  }
  return pairs;
}

/** Two comparisons of one pair of arms in one condition that favour different arms. */
function favourOpposite(a: Assertion, b: Assertion): boolean {
  const ca = a.comparison;
  const cb = b.comparison;
  if (!ca || !cb || a.predicate !== b.predicate || ca.condition !== cb.condition) return false;
  return ca.favours !== "" && cb.favours !== "" && ca.favours !== cb.favours;
}

/** Steps between two values of one scale; -1 when either has no rank or the scales differ. */
function gapOf(a: Assertion, b: Assertion, rules: ConflictRules): number {
  const ra = a.value ? rules.ranks.get(localName(a.value.value)) : undefined;
  const rb = b.value ? rules.ranks.get(localName(b.value.value)) : undefined;
  if (!ra || !rb || ra.scale !== rb.scale) return -1;
  return Math.abs(ra.step - rb.step);
}

function parameter(rules: ConflictRules, kind: ConflictKind): number {
  return rules.rules.get(kind)?.parameter ?? Number.POSITIVE_INFINITY;
}

export function disagreement(
  kind: ConflictKind,
  a: Assertion,
  b: Assertion,
  rules: ConflictRules,
  base: string,
): Disagreement {
  const [first, second] = a.key <= b.key ? [a, b] : [b, a];
  return {
    iri: keyIri(base, "conflict", `${kind} | ${first.key} || ${second.key}`),
    kind,
    rule: rules.rules.get(kind)?.iri ?? kind,
    subject: first.subject,
    predicate: first.predicate,
    sides: [first, second],
  };
}

const bySubjectObject = (a: Assertion): string | null =>
  a.object ? `${a.subject} ${a.object}` : null;

/** The assertions by key, in first-seen order; those whose key is null left out. */
function bucket(
  assertions: readonly Assertion[],
  keyOf: (a: Assertion) => string | null,
): Map<string, Assertion[]> {
  const groups = new Map<string, Assertion[]>();
  for (const a of assertions) {
    const key = keyOf(a);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(a);
    else groups.set(key, [a]);
  }
  return groups;
}

function forEachPair(group: readonly Assertion[], visit: (a: Assertion, b: Assertion) => void) {
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++) visit(group[i] as Assertion, group[j] as Assertion);
}

/** An IRI's local name: what follows its last "#" or "/". */
export function localName(iri: string): string {
  return iri.slice(Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/")) + 1);
}
