/**
 * How one arm of a comparative row fared, from what its cell says, and how two arms
 * compare. Cue phrases (`ontology/lexicon/cues.tsv`: untested, no-result, mixed, superior,
 * inferior, similar, negative, positive) classify the cell; a comparison negated ("No better
 * than placebo", "not superior to") is a negative result, not a superior one; a comparative word before
 * "than" names the arm it beats or trails ("Higher response rates than TCAs", "Less
 * effective than MAOIs", "Reduced HAM-A scores more than agomelatine", "Higher remission
 * versus sertraline"), and "than placebo" compares with no arm. A cell that opens with the row's outcome ("Remission in one in four
 * patients") reports it reached.
 */
import type { ExtractContext } from "./context.ts";
import type { Claim, Direction, EntityTerm } from "./types.ts";

export type ArmResult =
  | "NoResult"
  | "Superior"
  | "Inferior"
  | "Similar"
  | "Positive"
  | "Negative"
  | "Unread";

export interface ArmReading {
  readonly term: EntityTerm;
  readonly result: ArmResult;
  /** For Superior or Inferior: the arm the cell names after "than", when it names one. */
  readonly than: EntityTerm | undefined;
}

const MORE = /\b(more|higher|larger|greater|better|faster|stronger)\b/i;
const LESS = /\b(less|lower|smaller|fewer|worse|slower|weaker)\b/i;
const THAN =
  /\b(more|higher|larger|greater|better|faster|stronger|less|lower|smaller|fewer|worse|slower|weaker)\b([^.;]*?)\b(?:than|versus|vs\.?|compared (?:with|to))\s+([^.;,[]+)/i;
/** Words that say how much, not how good: "more dropouts" is worse when dropouts are a harm. */
const QUANTITY = /^(?:more|higher|larger|greater|less|lower|smaller|fewer)$/i;
const NO_ARM = /^(?:the\s+)?(?:placebo|vehicle|baseline|control|no treatment)\b/i;
/** "No better than placebo", "not superior to", "not any more effective than". */
const NEGATED_BETTER =
  /\b(?:no|not)\s+(?:any\s+|significantly\s+)?(?:better|superior|more effective)\b/i;

export function readArm(
  ctx: ExtractContext,
  term: EntityTerm,
  condition: EntityTerm,
  outcome: EntityTerm | undefined,
  claim: Claim | undefined,
  arms: readonly EntityTerm[],
): ArmReading {
  const result = (r: ArmResult, than?: EntityTerm): ArmReading => ({ term, result: r, than });
  const { lexicon } = ctx;
  if (!claim || claim.status) return result("NoResult");
  const text = claim.value ?? claim.text;
  const has = (kind: Parameters<typeof lexicon.hasCue>[0]) => lexicon.hasCue(kind, text);
  if (has("untested") || has("no-result") || causesCondition(ctx, condition, text))
    return result("NoResult");
  const relative = comparative(ctx, text, arms, term, outcome);
  if (relative) return result(relative.result, relative.than);
  if (has("mixed")) return result("Unread");
  if (NEGATED_BETTER.test(text)) return result("Negative");
  if (has("superior")) return result("Superior");
  if (has("inferior")) return result("Inferior");
  if (has("similar")) return result("Similar");
  if (has("negative")) return result("Negative");
  if (has("positive") || opensWith(text, outcome)) return result("Positive");
  return result(reportsCondition(text, condition) ?? "Unread");
}

/** Words of a condition too general to say which one a cell names. */
const GENERIC = new Set(
  "symptom symptoms disorder disorders disease syndrome model test treatment with without and the".split(
    " ",
  ),
);

/**
 * A cell with no cue that names the row's condition reports it: "No withdrawal syndrome"
 * in the row of withdrawal symptoms says the arm was free of it (Positive), "Rebound
 * anxiety and withdrawal" says the arm brought it about (Negative).
 */
function reportsCondition(text: string, condition: EntityTerm): ArmResult | undefined {
  const words = condition.label
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 3 && !GENERIC.has(w));
  const named = words.find((w) => new RegExp(`\\b${escapeRegExp(w)}\\b`, "i").test(text));
  if (!named) return undefined;
  return /^no\s/i.test(text) ? "Positive" : "Negative";
}

/**
 * "Higher … than TCAs": Superior (or Inferior) over the arm named, none for placebo. A quantity
 * of a harm turns it round: "More dropouts than fluvoxamine" is Inferior, "Lower relapse rates
 * than X" Superior; the harm is the words compared, or the row's outcome when they name none.
 */
function comparative(
  ctx: ExtractContext,
  text: string,
  arms: readonly EntityTerm[],
  self: EntityTerm,
  outcome: EntityTerm | undefined,
): { result: ArmResult; than: EntityTerm | undefined } | undefined {
  const m = THAN.exec(text);
  if (!m?.[1] || m[3] === undefined) return undefined;
  const than = arms.find((a) => a.id !== self.id && names(ctx, a, m[3] as string));
  // "Not significantly better than X", "no more effective than X": no difference shown.
  if (NEGATION_BEFORE.test(text.slice(0, m.index)))
    return NO_ARM.test(m[3].trim())
      ? { result: "Negative", than: undefined }
      : { result: "Similar", than };
  if (NO_ARM.test(m[3].trim())) return undefined;
  const harm = QUANTITY.test(m[1]) && isHarm(ctx, m[2] ?? "", outcome);
  const better = harm ? LESS.test(m[1]) : MORE.test(m[1]);
  const worse = harm ? MORE.test(m[1]) : LESS.test(m[1]);
  return { result: better ? "Superior" : worse ? "Inferior" : "Unread", than };
}

/** A negation right before a comparison: "not", "no", "not significantly", "not any". */
const NEGATION_BEFORE = /\b(?:no|not)(?:\s+(?:any|significantly|statistically))*\s+$/i;
/** Words that turn a harm into a benefit: "reduction in relapse", "relapse prevention". */
const AGAINST_HARM = /\b(?:reduc\w*|prevent\w*|protect\w*|decreas\w*|free|time to|avoid\w*)\b/i;

/**
 * Whether the quantity compared is of a harm: the words after the quantity word open with one
 * ("dropouts for adverse events", "relapse rates"), or, when they name nothing, the row's
 * outcome is one ("Dropouts Due to Adverse Events"; not "Relapse Prevention").
 */
function isHarm(ctx: ExtractContext, words: string, outcome: EntityTerm | undefined): boolean {
  const named = /\p{L}{3}/u.test(words) ? words.trim() : (outcome?.label ?? "");
  if (named === "" || AGAINST_HARM.test(named)) return false;
  return ctx.lexicon
    .matchCues("harm", named)
    .some((c) => named.toLowerCase().startsWith(c.phrase.toLowerCase()));
}

/** True when `text` names the arm: its label or a lexicon synonym, a plural "s" aside. */
function names(ctx: ExtractContext, arm: EntityTerm, text: string): boolean {
  const synonyms = ctx.lexicon.entities.get(arm.id)?.synonyms ?? [];
  const lower = text.toLowerCase();
  return [arm.label, ...synonyms].some((name) => {
    const n = name.toLowerCase().replace(/s$/, "");
    return n.length > 1 && new RegExp(`\\b${escapeRegExp(n)}s?\\b`).test(lower);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function opensWith(text: string, outcome: EntityTerm | undefined): boolean {
  if (!outcome) return false;
  const label = outcome.label.toLowerCase();
  return label.length > 2 && text.toLowerCase().startsWith(label);
}

/** "SSRIs can cause sexual dysfunction" in the row of sexual dysfunction is not a result. */
function causesCondition(ctx: ExtractContext, condition: EntityTerm, text: string): boolean {
  const cause = /\b(?:causes?|caused|induces?|induced|can cause|may cause)\b/i.exec(text);
  if (!cause) return false;
  const after = text.slice(cause.index).toLowerCase();
  const named = ctx.lexicon.mentions(after).some((m) => m.entity.id === condition.id);
  return named || after.includes(condition.label.toLowerCase());
}

/** How far an arm's own words put it, when no cell compares it with the other arm. */
const LEVEL: Readonly<Record<ArmResult, number>> = {
  NoResult: 0,
  Unread: 0,
  Similar: 0,
  Negative: -1,
  Inferior: 1,
  Positive: 2,
  Superior: 3,
};

/**
 * How two arms compare: an arm with no result means no comparison; a cell that says it did
 * better or worse than the other arm decides (a cell naming no arm speaks of the other arm
 * when the row has two); then "similar" on either side; then each arm's own level
 * (negative, unread, a hedged or unplaced result, positive): the higher positive one is
 * favoured, two equal polarities are similar, anything else is unclear.
 */
export function directionOf(
  a: ArmReading,
  b: ArmReading,
  armCount: number,
): { direction: Direction; favours: EntityTerm | undefined } {
  if (a.result === "NoResult" || b.result === "NoResult")
    return { direction: "NotCompared", favours: undefined };
  const score = over(a, b.term, armCount) - over(b, a.term, armCount);
  if (score !== 0) return { direction: "Favours", favours: score > 0 ? a.term : b.term };
  if (a.result === "Similar" || b.result === "Similar")
    return { direction: "Similar", favours: undefined };
  const la = LEVEL[a.result];
  const lb = LEVEL[b.result];
  if (la > lb && la > 0) return { direction: "Favours", favours: a.term };
  if (lb > la && lb > 0) return { direction: "Favours", favours: b.term };
  if (la === lb && la !== 0) return { direction: "Similar", favours: undefined };
  return { direction: "Unclear", favours: undefined };
}

/** +1 when `arm` says it did better than `other`, -1 worse, 0 when it says neither. */
function over(arm: ArmReading, other: EntityTerm, armCount: number): number {
  if (arm.result !== "Superior" && arm.result !== "Inferior") return 0;
  const placed = arm.than ? arm.than.id === other.id : armCount === 2;
  if (!placed) return 0;
  return arm.result === "Superior" ? 1 : -1;
}
