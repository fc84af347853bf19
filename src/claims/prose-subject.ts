/**
 * Who a prose sentence is about, read from the sentence itself: "Unlike X, Y …" is about
 * Y; "it", "its" and "this drug" are the section's compound; "they", "their" and a bare
 * "this" take the subject of the sentence before in the same paragraph; otherwise the
 * drug or class named before the main verb. When no rule decides, the answer is
 * `undefined` and the statement is flagged as having an unclear subject: a guess is
 * never made silently.
 */
import type { TermMention } from "./terms.ts";
import type { EntityTerm } from "./types.ts";

/** How a sentence's subject was decided; recorded on the claim. */
export type SubjectRule =
  | "contrast" // "Unlike X, Y …" → Y
  | "pronoun" // "it", "its", "this drug" → the section's compound
  | "previous" // "they", "their", "this" → the subject of the sentence before
  | "subject-position"; // the one drug or class named before the main verb

export interface SubjectReading {
  readonly term: EntityTerm;
  readonly rule: SubjectRule;
  /** Where the main clause starts in the sentence's display text. */
  readonly clauseStart: number;
  /** Where the sentence names the subject, when it does (not for pronouns). */
  readonly mention?: TermMention | undefined;
}

export interface SubjectContext {
  /** The section's compound: the antecedent of "it", "its", "this drug". */
  readonly focus: EntityTerm | undefined;
  /** The subject of the sentence before, in the same paragraph or bullet. */
  readonly previous: EntityTerm | undefined;
}

const CONTRAST = /^(?:unlike|in contrast to|contrary to|compared (?:with|to)|like|as with)\s/i;
const FOCUS_PRONOUN =
  /^(?:it|its|it's|this (?:drug|compound|agent|molecule)|the (?:drug|compound|agent))\b/i;
const PLURAL_PRONOUN = /^(?:they|their|them)\b/i;
const DEMONSTRATIVE = /^(?:this|these)\s+([\p{L}-]+)/iu;
const LEADING_FILLER =
  /^(?:(?:in addition|moreover|furthermore|however|notably|importantly|additionally|overall|thus|therefore|also|finally),?\s+)+/i;

/**
 * Words that end a sentence's subject: copulas, auxiliaries and the verbs such documents
 * use; a drug named after one of them is an object or a comparison, not the subject.
 */
const MAIN_VERB = new RegExp(
  `\\b(?:${[
    "is|are|was|were|be|been|has|have|had|can|could|may|might|must|should|shall|will|would|does|do|did",
    "shows?|showed|shown|demonstrates?|demonstrated|suggests?|suggested|indicates?|indicated",
    "lies|lie|differs?|differed|depends?|offers?|offered|makes?|made|remains?|appears?|seems?",
    "acts?|acted|binds?|bound|inhibits?|inhibited|blocks?|blocked|recruits?|recruited|activates?",
    "increases?|increased|decreases?|decreased|reduces?|reduced|raises?|raised|lowers?|lowered",
    "improves?|improved|reverses?|reversed|restores?|restored|causes?|caused|produces?|produced",
    "leads?|led|results?|resulted|exhibits?|exhibited|displays?|displayed|works?|worked",
    "predominantly|primarily|mainly|selectively|potently|strongly|weakly",
  ].join("|")})\\b`,
  "i",
);

export function sentenceSubject(
  text: string,
  mentions: readonly TermMention[],
  context: SubjectContext,
): SubjectReading | undefined {
  const { start: clauseStart, contrast } = mainClause(text, mentions);
  const clause = text.slice(clauseStart);
  if (FOCUS_PRONOUN.test(clause)) {
    return context.focus ? { term: context.focus, rule: "pronoun", clauseStart } : undefined;
  }
  if (isAnaphor(clause)) {
    return context.previous ? { term: context.previous, rule: "previous", clauseStart } : undefined;
  }
  const mention = subjectInPosition(text, clauseStart, mentions);
  if (!mention) return undefined;
  return {
    term: mention.term,
    rule: contrast ? "contrast" : "subject-position",
    clauseStart,
    mention,
  };
}

/**
 * The subject of a later clause ("…, while Desipramine primarily inhibits …"): the drug or
 * class before its verb, or the section's compound for "it"; undefined when it names none.
 */
export function clauseSubject(
  text: string,
  from: number,
  mentions: readonly TermMention[],
  focus: EntityTerm | undefined,
): SubjectReading | undefined {
  if (focus && FOCUS_PRONOUN.test(text.slice(from)))
    return { term: focus, rule: "pronoun", clauseStart: from };
  const mention = subjectInPosition(text, from, mentions);
  return mention
    ? { term: mention.term, rule: "subject-position", clauseStart: from, mention }
    : undefined;
}

/** "They …", "Their …", or a bare "This …" / "These …" (a verb follows): the sentence before. */
function isAnaphor(clause: string): boolean {
  if (PLURAL_PRONOUN.test(clause)) return true;
  const next = DEMONSTRATIVE.exec(clause)?.[1];
  return next !== undefined && MAIN_VERB.exec(next)?.[0] === next;
}

/** After a leading "Unlike X," (and fillers such as "However,"), where the main clause starts. */
function mainClause(
  text: string,
  mentions: readonly TermMention[],
): { start: number; contrast: boolean } {
  const at = (LEADING_FILLER.exec(text)?.[0] ?? "").length;
  if (!CONTRAST.test(text.slice(at))) return { start: at, contrast: false };
  const comma = text.indexOf(",", at);
  // A contrast names its term before a comma, close by; else the sentence is read whole.
  if (comma === -1 || comma - at > 80 || mentions.some((m) => m.start < comma && m.end > comma))
    return { start: at, contrast: false };
  let start = comma + 1;
  while (text[start] === " ") start++;
  return { start, contrast: true };
}

/**
 * The one drug or class named between `from` and the main verb, else the one entity of
 * any type named there ("This direct receptor down-regulation is …"). Two of them joined
 * by "and" / "or" ("Desipramine or an SSRI") are no single subject: undefined.
 */
function subjectInPosition(
  text: string,
  from: number,
  mentions: readonly TermMention[],
): TermMention | undefined {
  const verb = MAIN_VERB.exec(text.slice(from));
  const end = verb ? from + verb.index : text.length;
  const named = mentions.filter(
    (m) => m.start >= from && m.end <= end && !insideParentheses(text, m.start),
  );
  const agents = named.filter((m) => m.term.type === "Drug" || m.term.type === "DrugClass");
  return single(agents.length > 0 ? agents : named);
}

function single(mentions: readonly TermMention[]): TermMention | undefined {
  return new Set(mentions.map((m) => m.term.id)).size === 1 ? mentions[0] : undefined;
}

function insideParentheses(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf("(") > before.lastIndexOf(")");
}
