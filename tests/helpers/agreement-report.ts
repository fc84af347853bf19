// What differs between the gold list of tests/fixtures/agreement/ and what the grouping found,
// written for a person: compact IRIs, one line per assertion or conflict.
import type { Assertion, Disagreement } from "../../src/agreement/types.ts";
import {
  type ConflictScore,
  candidatesOf,
  type Gold,
  type GoldAssertion,
  type GoldConflict,
  type GoldSide,
} from "./agreement-gold.ts";

/** An IRI in its shortest prefixed form (`ent:desipramine`), or whole when no prefix fits. */
export function compact(gold: Gold, iri: string): string {
  let best = iri;
  for (const [prefix, base] of Object.entries(gold.prefixes)) {
    if (iri.startsWith(base) && iri.length - base.length + prefix.length + 1 < best.length) {
      best = `${prefix}:${iri.slice(base.length)}`;
    }
  }
  return best;
}

function sideText(gold: Gold, s: GoldSide | Assertion): string {
  const value = "value" in s && typeof s.value === "object" ? s.value?.value : s.value;
  const what = [s.object, value].filter((x): x is string => x !== undefined);
  const words = "stated" in s && s.stated !== undefined ? ` "${s.stated}"` : "";
  const docs = s.documents.map((d) => compact(gold, d)).join(", ");
  return `${what.map((x) => compact(gold, x)).join(" ")}${words} [${docs || "no document"}]`;
}

export function conflictText(gold: Gold, c: Disagreement): string {
  const sides = c.sides.map((s) => sideText(gold, s)).join("  <>  ");
  return `${c.kind} ${compact(gold, c.subject)} ${compact(gold, c.predicate)}: ${sides}`;
}

export function goldConflictText(gold: Gold, c: GoldConflict): string {
  const sides = c.sides.map((s) => sideText(gold, s)).join("  <>  ");
  const subject = c.subjects.map((x) => compact(gold, x)).join("|");
  const predicate = c.predicates.map((x) => compact(gold, x)).join("|");
  return `${c.id} ${c.kind ?? "near-miss"} ${subject} ${predicate}: ${sides} (${c.note})`;
}

/** A missing assertion, with what was found under its key instead. */
export function missingAssertionText(
  gold: Gold,
  g: GoldAssertion,
  found: readonly Assertion[],
): string {
  const key = [g.subject, g.predicate, g.object, g.value].filter((x) => x !== undefined);
  const docs = g.documents.map((d) => compact(gold, d)).join(", ");
  const head = `${g.id} ${key.map((x) => compact(gold, x)).join(" ")} [${docs}] works=${g.works} (${g.note})`;
  const instead = candidatesOf(g, found).map(
    (a) => `\n    found instead: ${sideText(gold, a)} works=${a.works.length}`,
  );
  return head + (instead.length > 0 ? instead.join("") : "\n    found instead: nothing");
}

/** The whole difference, or "" when the conflicts and assertions are exactly the gold's. */
export function differenceText(
  gold: Gold,
  score: ConflictScore,
  assertions: readonly { gold: GoldAssertion; found: readonly Assertion[] }[],
): string {
  const lines: string[] = [];
  for (const c of score.missing) lines.push(`missing conflict: ${goldConflictText(gold, c)}`);
  for (const { found, nearMiss } of score.extra) {
    const why = nearMiss ? ` — near-miss ${nearMiss.id}: ${nearMiss.note}` : "";
    lines.push(`extra conflict: ${conflictText(gold, found)}${why}`);
  }
  for (const a of assertions)
    lines.push(`missing assertion: ${missingAssertionText(gold, a.gold, a.found)}`);
  return lines.join("\n");
}
