/**
 * Who a prose sentence is about, read from the sentence itself: "Unlike X, Y …" is about
 * Y; "it", "its" and "this drug" are the section's compound, also after a leading clause
 * ("By blocking …, it …"); "they", "their", a bare "this" and "this effect" take the
 * subject of the sentence before in the same paragraph, "both drugs" its two subjects;
 * "its metabolite N" is N; otherwise the drug or class named before the main verb, or
 * opening the sentence — every one of "X and Y". When no rule decides, the answer is
 * `undefined` and the statement is flagged as having an unclear subject: a guess is
 * never made silently.
 */
import { mintedEntity, type TermMention } from "./terms.ts";
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
  /** The other subjects of a coordination ("Duloxetine and venlafaxine are …"). */
  readonly also?: readonly EntityTerm[] | undefined;
}

export interface SubjectContext {
  /** The section's compound: the antecedent of "it", "its", "this drug". */
  readonly focus: EntityTerm | undefined;
  /** The subject of the sentence before, in the same paragraph or bullet. */
  readonly previous: EntityTerm | undefined;
  /** Its other subjects, when it had a coordination of them. */
  readonly previousAlso?: readonly EntityTerm[] | undefined;
}

const CONTRAST = /^(?:unlike|in contrast to|contrary to|compared (?:with|to)|like|as with)\s/i;
const FOCUS_PRONOUN =
  /^(?:it|its|it's|this (?:drug|compound|agent|molecule)|the (?:drug|compound|agent))\b/i;
const PLURAL_PRONOUN = /^(?:they|their|them)\b/i;
const DEMONSTRATIVE = /^(?:this|these)\s+([\p{L}-]+)/iu;
/** "Both drugs", "the two drugs", "these drugs": the subjects of the sentence before. */
const GROUP_ANAPHOR =
  /^(?:both|the two|these|those)\s+(?:drugs|compounds|agents|medicines|medications|classes|arms)\b/i;
/** "This effect …", "This action …": what the sentence before said, by its subject. */
const DEMONSTRATIVE_NOUN =
  /^(?:this|these)\s+(?:effect|effects|action|actions|property|finding|profile)\b/i;
/** "<X> is the <words> of|with": the copula and complement before the drug it is about. */
const COMPLEMENT = /^[^;,]*?\s(?:is|are)\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){1,4}(?:of|with)\s+$/iu;
/** "its metabolite norquetiapine …", "the active metabolite N …": the metabolite itself. */
const METABOLITE =
  /^(?:its|their|the)\s+(?:(?:active|main|major)\s+)?metabolite,?\s+([\p{L}][\p{L}\p{N}-]*)/iu;
/**
 * A leading clause or phrase before the main one: "By blocking 5-HT2C receptors, it …",
 * "Taken at night, it …", "In overdose, it …", "At higher doses, it …" ("In contrast to X,"
 * is a contrast instead).
 */
const LEADING_CLAUSE =
  /^(?:by|through|when|after|before|once|if|taken|used|given|combined|administered|in(?!\s+contrast\b)|at|during|with|over|on)\b[^,;]{0,80},\s*/i;
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
  const metabolite = metaboliteSubject(text, clauseStart);
  if (metabolite) return metabolite;
  if (FOCUS_PRONOUN.test(clause)) {
    return context.focus ? { term: context.focus, rule: "pronoun", clauseStart } : undefined;
  }
  const previous = (): SubjectReading | undefined =>
    context.previous
      ? { term: context.previous, rule: "previous", clauseStart, also: context.previousAlso }
      : undefined;
  if (GROUP_ANAPHOR.test(clause))
    return (context.previousAlso?.length ?? 0) > 0 ? previous() : undefined;
  if (isAnaphor(clause)) return previous();
  const found = subjectInPosition(text, clauseStart, mentions);
  const complement = isAgent(found?.mention.term)
    ? undefined
    : agentOfComplement(text, clauseStart, mentions);
  if (complement)
    return { term: complement.term, rule: "subject-position", clauseStart, mention: complement };
  if (!found) return DEMONSTRATIVE_NOUN.test(clause) ? previous() : undefined;
  return {
    term: found.mention.term,
    rule: contrast ? "contrast" : "subject-position",
    clauseStart,
    mention: found.mention,
    also: found.also,
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
  const metabolite = metaboliteSubject(text, from);
  if (metabolite) return metabolite;
  if (focus && FOCUS_PRONOUN.test(text.slice(from)))
    return { term: focus, rule: "pronoun", clauseStart: from };
  const found = subjectInPosition(text, from, mentions);
  return found
    ? {
        term: found.mention.term,
        rule: "subject-position",
        clauseStart: from,
        mention: found.mention,
        also: found.also,
      }
    : undefined;
}

/**
 * "Nausea is the leading side effect of vortioxetine", "Liver safety is the main concern
 * with agomelatine": a copula whose subject names no drug, and whose complement ends on
 * the one drug or class of its clause, says something about that drug.
 */
export function agentOfComplement(
  text: string,
  from: number,
  mentions: readonly TermMention[],
): TermMention | undefined {
  const end =
    from + (/[;,]|\s(?:while|whereas|but)\s/.exec(text.slice(from))?.index ?? text.length - from);
  const agents = mentions.filter((m) => m.start >= from && m.end <= end && isAgent(m.term));
  const [agent] = agents;
  if (!agent || new Set(agents.map((m) => m.term.id)).size !== 1) return undefined;
  return COMPLEMENT.test(text.slice(from, agent.start)) ? agent : undefined;
}

function isAgent(term: EntityTerm | undefined): boolean {
  return term?.type === "Drug" || term?.type === "DrugClass";
}

/** "its metabolite norquetiapine inhibits …": the metabolite, minted as a drug when unknown. */
function metaboliteSubject(text: string, from: number): SubjectReading | undefined {
  const m = METABOLITE.exec(text.slice(from));
  const name = m?.[1];
  if (!m || !name) return undefined;
  const start = from + m[0].length - name.length;
  const mention = { term: mintedEntity(name, "Drug"), start, end: start + name.length };
  return { term: mention.term, rule: "subject-position", clauseStart: from, mention };
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
  const leading = LEADING_CLAUSE.exec(text.slice(at))?.[0];
  if (leading) {
    // "In overdose, however, it …": a filler may follow the leading phrase.
    const rest = at + leading.length;
    return {
      start: rest + (LEADING_FILLER.exec(text.slice(rest))?.[0] ?? "").length,
      contrast: false,
    };
  }
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
 * The drug or class named between `from` and the main verb (or, with no verb, the first
 * punctuation), else the one entity of any type named there ("This direct receptor
 * down-regulation is …"). A drug or class opening the clause is its subject; "X and Y"
 * ("Both X and Y") are its subjects; "X or Y" is no single subject: undefined.
 */
function subjectInPosition(
  text: string,
  from: number,
  mentions: readonly TermMention[],
): { mention: TermMention; also: EntityTerm[] } | undefined {
  const verb = MAIN_VERB.exec(text.slice(from));
  const stop = /[;:,]/.exec(text.slice(from));
  const end = verb ? from + verb.index : stop ? from + stop.index : text.length;
  const named = mentions.filter(
    (m) =>
      m.start >= from &&
      m.end <= end &&
      !insideParentheses(text, m.start) &&
      text[m.start - 1] !== "-",
  );
  const agents = named.filter((m) => m.term.type === "Drug" || m.term.type === "DrugClass");
  const first = agents[0];
  if (first) {
    const joined = [first];
    for (const next of agents.slice(1)) {
      const gap = text.slice((joined.at(-1) as TermMention).end, next.start);
      if (/^\s*(?:,\s*)?or\s+$/i.test(gap)) return undefined;
      if (!/^\s*(?:,\s*(?:and\s+)?|and\s+)$/i.test(gap)) break;
      joined.push(next);
    }
    const opens = /^\W*(?:(?:the|both)\s+)?$/i.test(text.slice(from, first.start));
    const also = distinct(joined.slice(1).map((m) => m.term)).filter((t) => t.id !== first.term.id);
    if (opens || joined.length === agents.length || single(agents))
      return { mention: first, also: joined.length === agents.length || opens ? also : [] };
    return undefined;
  }
  const one = single(named);
  return one ? { mention: one, also: [] } : undefined;
}

function distinct(terms: readonly EntityTerm[]): EntityTerm[] {
  return [...new Map(terms.map((t) => [t.id, t])).values()];
}

function single(mentions: readonly TermMention[]): TermMention | undefined {
  return new Set(mentions.map((m) => m.term.id)).size === 1 ? mentions[0] : undefined;
}

function insideParentheses(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf("(") > before.lastIndexOf(")");
}
