/**
 * Relations stated in an arm cell of a comparative table. The template writes an arm cell
 * as a clause whose subject is the arm: "Reduced HAM-A scores [6]", "Did not significantly
 * improve memory performance despite improving mood", "Ineffective as an augmenting agent".
 * A cue of `ontology/lexicon/cues.tsv` (kind `arm-relation`) opening a clause names the
 * predicate; "did not", "does not", "failed to" before it turn an increase or decrease into
 * no effect, and "effective" into "ineffective". The object of an outcome predicate is each
 * noun phrase after the cue ("both ADHD symptoms and tics" gives two), a lexicon entity where
 * the lexicon names it, else minted; the object of effectiveFor, ineffectiveFor and causes
 * is the condition the cell names after "for" (or a model after "in"), else the row's.
 */
import type { Cue } from "../lexicon/types.ts";
import type { ExtractContext } from "./context.ts";
import { resolveLabel } from "./terms.ts";
import type { EntityTerm } from "./types.ts";

export interface ArmRelation {
  /** The predicate's local name (`increases`, `noEffectOn`, `ineffectiveFor` …). */
  readonly predicate: string;
  /** The cue as the cell writes it, lower case, with its negation ("did not improve"). */
  readonly cue: string;
  readonly object: EntityTerm;
  /** Display offsets of the cell text the relation is read from: the cue to the object. */
  readonly start: number;
  readonly end: number;
}

/** What may stand between a clause's start and its cue: adverbs, a negation, "both". */
const LEAD =
  /(?:^|[;,:]\s*|\b(?:despite|while|whereas|and|but|alongside|yet)\s+)((?:(?:did|does|do|not|failed|to|both|also|further|larger|smaller|greater|higher|lower|marked|modest|significant|\p{L}+ly)\s+)*)$/iu;
const GERUND_LEAD = /\b(?:in|by)\s+$/i;
const NEGATED = /\b(?:not|failed)\b/i;
const NEGATION: Readonly<Record<string, string>> = {
  increases: "noEffectOn",
  decreases: "noEffectOn",
  reverses: "noEffectOn",
  effectiveFor: "ineffectiveFor",
};
const CONDITION_PREDICATES = new Set(["effectiveFor", "ineffectiveFor"]);
/** "… in one trial but … in another": mixed evidence states no relation. */
const MIXED = /\bin one (?:trial|study)\b.*\bin (?:another|the other)\b/i;

/** Where an outcome's noun phrase stops. */
const NP_STOP = new Set(
  (
    "in at of on with without which that who to by via for from after before during within while " +
    "whereas but or as than versus vs compared when where because since although though despite " +
    "alongside independent more less similarly equally only through over across throughout until " +
    "is are was were has have had"
  ).split(" "),
);
/** Words before an outcome that say how it was measured, not what it is. */
const MEASURE_OF =
  /^(?:(?:the|a|an)\s+)?(?:(?:number|volume|size|frequency|rate|rates|level|levels|severity|incidence|duration|risk|proportion|percentage|odds)\s+(?:and\s+|or\s+)?)+of\s+/i;
const MODIFIER =
  /^(?:the|a|an|both|either|its|their|subjective|objective|self-rated|self-reported|continuous|average|mean|median|total|overall|global|\d+(?:[-–]\w+)?)$/i;
/** A rate is how often an outcome was reached: "response rates" are about response. */
const RATE = /^rates?$/i;
const MAX_NP_WORDS = 5;

export function readArmRelations(
  ctx: ExtractContext,
  text: string,
  condition: EntityTerm,
): ArmRelation[] {
  const out: ArmRelation[] = [];
  if (MIXED.test(text)) return out;
  for (const hit of cueHits(text, ctx.lexicon.cues("arm-relation"))) {
    const lead = LEAD.exec(before(text, hit.start));
    const gerund = hit.cue.phrase.endsWith("ing") && GERUND_LEAD.test(before(text, hit.start));
    if (!lead && !gerund) continue;
    const negated = lead !== null && NEGATED.test(lead[1] ?? "");
    const predicate = negated ? NEGATION[hit.cue.value] : hit.cue.value;
    if (!predicate) continue;
    const cueStart = hit.start - (negated ? (lead?.[1]?.length ?? 0) : 0);
    const cue = text.slice(cueStart, hit.end).toLowerCase();
    if (CONDITION_PREDICATES.has(predicate)) {
      const named = conditionAfter(ctx, text, hit.end, condition);
      out.push({
        predicate,
        cue,
        object: named?.term ?? condition,
        start: cueStart,
        end: named?.end ?? hit.end,
      });
      continue;
    }
    const phrases = nounPhrases(text, hit.end);
    // What a drug causes is the row's condition unless the cell names it.
    if (predicate === "causes" && phrases.length === 0)
      out.push({ predicate, cue, object: condition, start: cueStart, end: hit.end });
    for (const phrase of phrases) {
      const type = predicate === "causes" ? "Condition" : "Outcome";
      const term = resolveLabel(ctx.lexicon, phrase.label, type);
      const object = term.id === condition.id ? condition : term;
      out.push({ predicate, cue, object, start: cueStart, end: phrase.end });
    }
  }
  return out;
}

/** The text before a cue, its last 120 characters (a mark stands for a cut-off start). */
function before(text: string, at: number): string {
  const from = Math.max(0, at - 120);
  return `${from > 0 ? "\u0000 " : ""}${text.slice(from, at)}`;
}

interface CueHit {
  readonly cue: Cue;
  readonly start: number;
  readonly end: number;
}

/** Every cue occurrence, whole words, longest phrase first where two overlap, in order. */
function cueHits(text: string, cues: readonly Cue[]): CueHit[] {
  const lower = text.toLowerCase();
  const taken: CueHit[] = [];
  for (const cue of [...cues].sort((a, b) => b.phrase.length - a.phrase.length)) {
    const phrase = cue.phrase.toLowerCase();
    for (let at = lower.indexOf(phrase); at !== -1; at = lower.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      if (!isBoundary(text, at - 1) || !isBoundary(text, end)) continue;
      if (taken.some((h) => h.start < end && at < h.end)) continue;
      taken.push({ cue, start: at, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function isBoundary(text: string, index: number): boolean {
  const c = text[index];
  return c === undefined || !/[\p{L}\p{N}-]/u.test(c);
}

/** "for neuropathic pain", "in the same SSRI-resistant model": the condition a cell names. */
function conditionAfter(
  ctx: ExtractContext,
  text: string,
  from: number,
  condition: EntityTerm,
): { term: EntityTerm; end: number } | undefined {
  const m = /^(\s+(?:for|in)\s+)/i.exec(text.slice(from));
  if (!m?.[1]) return undefined;
  const [phrase] = nounPhrases(text, from + m[1].length, 1);
  if (!phrase) return undefined;
  const isFor = /for/i.test(m[1]);
  if (!isFor && !/\bmodel$/i.test(phrase.label)) return undefined;
  const term = resolveLabel(ctx.lexicon, phrase.label.replace(/^same\s+/i, ""), "Condition");
  return { term: term.id === condition.id ? condition : term, end: phrase.end };
}

export interface Phrase {
  readonly label: string;
  readonly end: number;
}

/**
 * The noun phrases after a cue: measure words ("the number and volume of") and modifiers
 * ("subjective", "24-hour average") skipped, up to a stop word or punctuation; "A and B"
 * gives both, unless a verb follows "and" (a clause of its own).
 */
export function nounPhrases(text: string, from: number, max = 4): Phrase[] {
  const out: Phrase[] = [];
  let at = from;
  while (out.length < max) {
    const rest = text.slice(at);
    const skip = MEASURE_OF.exec(rest.trimStart());
    const start = at + (rest.length - rest.trimStart().length) + (skip?.[0].length ?? 0);
    const phrase = nounPhrase(text, start);
    if (!phrase) break;
    out.push(phrase);
    const next = /^(?:\s*,)?\s+(?:and|or)\s+(?!\w+(?:ing|ed)\b)/i.exec(text.slice(phrase.end));
    if (!next) break;
    at = phrase.end + next[0].length;
  }
  return out;
}

function nounPhrase(text: string, from: number): Phrase | undefined {
  const words: Array<{ word: string; end: number }> = [];
  for (const m of text.slice(from).matchAll(/[^\s,;.:()[\]]+|[,;.:()[\]]/g)) {
    const word = m[0];
    // "time to relapse" is one measure: its "to" does not end the phrase.
    const timeTo = /^to$/i.test(word) && /^time$/i.test(words.at(-1)?.word ?? "");
    if (!timeTo && (!/[\p{L}\p{N}]/u.test(word) || NP_STOP.has(word.toLowerCase()))) break;
    if (/^(?:and|or)$/i.test(word)) break;
    if (words.length === 0 && MODIFIER.test(word)) continue;
    words.push({ word, end: from + (m.index ?? 0) + word.length });
    if (words.length === MAX_NP_WORDS) break;
  }
  while (words.length > 1 && RATE.test(words.at(-1)?.word ?? "")) words.pop();
  const last = words.at(-1);
  if (!last || !/\p{L}{2}/u.test(words.map((w) => w.word).join(" "))) return undefined;
  return { label: words.map((w) => w.word).join(" "), end: last.end };
}
