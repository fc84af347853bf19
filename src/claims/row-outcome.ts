/**
 * The outcome of a comparative row. The template puts it in the row label's closing
 * parenthesis ("Major Depression (Response)"): read there by position, a known outcome
 * normalised, an unknown one minted (and flagged). A parenthesis that abbreviates the label
 * ("Attention Deficit Hyperactivity Disorder (ADHD)"), names a drug, class, condition, species
 * or design ("(in vitro)"), or gives a count, duration or examples ("(n=120)", "(12 weeks)") is
 * not an outcome. Without one, the outcome is what the arm cells say the arms
 * changed (the object named in most arms, the first on a tie), or name a benefit or effect
 * on ("Modest benefit on pain and function"), else the first outcome the lexicon finds in the
 * label or the row's cells.
 */
import { type ArmRelation, nounPhrases } from "./arm-relations.ts";
import type { ExtractContext } from "./context.ts";
import { entityTerm, headOf, resolveLabel } from "./terms.ts";
import type { EntityTerm } from "./types.ts";

const OUTCOME_PREDICATES = new Set(["increases", "decreases", "noEffectOn", "reverses"]);
const NOT_OUTCOME_TYPES = new Set(["Drug", "DrugClass", "Condition"]);
/** A count, a duration or an example list in parentheses: "(n=120)", "(12 weeks)", "(e.g., …)". */
const NOT_OUTCOME = /^(?:\d|n\s*=|e\.g\.|i\.e\.|see\b)/i;

export function rowOutcome(
  ctx: ExtractContext,
  rowLabel: string,
  armRelations: readonly (readonly ArmRelation[])[],
  texts: readonly string[],
): EntityTerm | undefined {
  const labelled = labelOutcome(ctx, rowLabel);
  if (labelled) return labelled;
  const changed = mostNamed(armRelations) ?? effectOn(ctx, texts);
  if (changed) return changed;
  for (const text of [headOf(rowLabel), ...texts]) {
    const found = ctx.lexicon.mentions(text).find((m) => m.entity.type === "Outcome");
    if (found) return entityTerm(found.entity);
  }
  return undefined;
}

/** The closing parenthesis of the label, when it names an outcome. */
export function labelOutcome(ctx: ExtractContext, rowLabel: string): EntityTerm | undefined {
  const m = /\(([^()]*)\)\s*$/.exec(rowLabel);
  const inner = m?.[1]?.trim();
  if (!m || !inner || !/\p{L}/u.test(inner)) return undefined;
  const head = rowLabel.slice(0, m.index).trim();
  if (head === "" || abbreviates(inner, head) || NOT_OUTCOME.test(inner)) return undefined;
  if (ctx.lexicon.hasCue("species", inner) || ctx.lexicon.hasCue("design", inner)) return undefined;
  const known = ctx.lexicon.lookup(inner);
  if (known && NOT_OUTCOME_TYPES.has(known.type)) return undefined;
  return known ? entityTerm(known) : resolveLabel(ctx.lexicon, inner, "Outcome");
}

/** "ADHD" for "Attention Deficit Hyperactivity Disorder": the letters are the words' initials. */
function abbreviates(inner: string, head: string): boolean {
  const letters = inner.replace(/[^\p{L}]/gu, "");
  if (letters.length < 2 || letters !== letters.toUpperCase()) return false;
  const initials = head
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "")
    .map((w) => (w[0] ?? "").toUpperCase())
    .join("");
  let at = 0;
  for (const c of letters) {
    at = initials.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  return letters[0] === initials[0];
}

const EFFECT_ON = /\b(?:(?:benefits?|effects?)\s+on|changes?\s+in)\s+/i;

/** "benefit on pain": the outcome a cell says an arm acted on, without saying how. */
function effectOn(ctx: ExtractContext, texts: readonly string[]): EntityTerm | undefined {
  for (const text of texts) {
    const m = EFFECT_ON.exec(text);
    const [phrase] = m ? nounPhrases(text, m.index + m[0].length, 1) : [];
    if (phrase) return resolveLabel(ctx.lexicon, phrase.label, "Outcome");
  }
  return undefined;
}

/** The outcome object named by most arms (column order breaks a tie). */
function mostNamed(armRelations: readonly (readonly ArmRelation[])[]): EntityTerm | undefined {
  const counts = new Map<string, { term: EntityTerm; arms: number }>();
  for (const relations of armRelations) {
    const seen = new Set<string>();
    for (const r of relations) {
      if (!OUTCOME_PREDICATES.has(r.predicate) || seen.has(r.object.id)) continue;
      seen.add(r.object.id);
      const entry = counts.get(r.object.id) ?? { term: r.object, arms: 0 };
      counts.set(r.object.id, { ...entry, arms: entry.arms + 1 });
    }
  }
  let best: { term: EntityTerm; arms: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.arms > best.arms) best = entry;
  return best?.term;
}
