/**
 * Simple relations read from a prose clause where a cue fits: "X inhibits Y", "X is an
 * antagonist at Y", "X binds Y", "X recruits Y", "X is a Z", "X raises Y". The cues and
 * the predicates they name are in `ontology/lexicon/cues.tsv` (kind `relation`); each
 * relation records its cue. A negated cue asserts its negative predicate where the
 * vocabulary has one ("does not inhibit", "causes neither … nor …", "has no effect on"),
 * and nothing otherwise ("never binds"): never the positive one. The objects are read by
 * `prose-objects.ts`. An apposition naming a class ("Mirtazapine (atypical
 * antidepressant)") states "is a".
 */
import type { Cue } from "../lexicon/types.ts";
import { type ObjectRules, objectsAfter, type RelationObject } from "./prose-objects.ts";
import { headOf, mintedEntity, type TermMention } from "./terms.ts";

export type { RelationObject } from "./prose-objects.ts";

export interface RelationReading {
  readonly cue: Cue;
  /** Display offsets of the cue in the sentence. */
  readonly cueStart: number;
  readonly cueEnd: number;
  readonly objects: readonly RelationObject[];
}

const NEGATION = /\b(?:not|no|never|nor|neither|without|lacks?|lacking)\s+(?:\w+\s+){0,2}$/i;
/** A cue that carries its own negation ("does not inhibit", "without activating"). */
const NEGATIVE_CUE = /\b(?:not|no|neither|without|never)\b/i;

/**
 * The relations stated in `clause` (display offsets [from, to) of `text`), in order.
 * `rulesFor` gives how the objects of each cue are read (their type, whether a class may be
 * minted).
 */
export function readRelations(
  text: string,
  from: number,
  to: number,
  cues: readonly Cue[],
  mentions: readonly TermMention[],
  rulesFor: (cue: Cue) => ObjectRules,
): RelationReading[] {
  const found: RelationReading[] = [];
  const hits = cueHits(text, from, to, cues).filter((h) => !insideParentheses(text, h.start));
  hits.forEach((hit, i) => {
    const negative = NEGATIVE_CUE.test(hit.cue.phrase);
    if (!negative && NEGATION.test(text.slice(from, hit.start))) return;
    const next = hits[i + 1]?.start;
    const limit = next === undefined ? to : beforeNextRelation(text, hit.end, next);
    const objects = objectsAfter(text, hit.end, limit, mentions, rulesFor(hit.cue));
    if (objects.length > 0)
      found.push({ cue: hit.cue, cueStart: hit.start, cueEnd: hit.end, objects });
  });
  return found;
}

/**
 * Where the objects of a cue end when another cue follows: before the "and a weak" that opens
 * the next relation ("an antagonist at 5-HT2A receptors and a weak inhibitor of SERT"). Only
 * an article opens it, so "inhibits SERT and NET and blocks …" keeps NET.
 */
function beforeNextRelation(text: string, from: number, next: number): number {
  const lead =
    /\s*,?\s*\b(?:and|or|but|while|whereas)\s+(?:(?:is|was|acts as)\s+)?(?:a|an|the|its)\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}$/iu.exec(
      text.slice(from, next),
    );
  return lead ? from + lead.index : next;
}

export function insideParentheses(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf("(") > before.lastIndexOf(")");
}

interface CueHit {
  readonly cue: Cue;
  readonly start: number;
  readonly end: number;
}

/** Every cue occurrence in the clause, longest phrase first where two overlap, in order. */
function cueHits(text: string, from: number, to: number, cues: readonly Cue[]): CueHit[] {
  const lower = text.toLowerCase();
  const taken: CueHit[] = [];
  const sorted = [...cues].sort((a, b) => b.phrase.length - a.phrase.length);
  for (const cue of sorted) {
    const phrase = cue.phrase.toLowerCase();
    for (
      let at = lower.indexOf(phrase, from);
      at !== -1 && at + phrase.length <= to;
      at = lower.indexOf(phrase, at + 1)
    ) {
      const end = at + phrase.length;
      // A cue may close a compound ("arrestin-biased ligand at"), never open one.
      if (!(boundary(text, at - 1) || text[at - 1] === "-") || !boundary(text, end)) continue;
      if (taken.some((h) => h.start < end && at < h.end)) continue;
      taken.push({ cue, start: at, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function boundary(text: string, index: number): boolean {
  const c = text[index];
  return c === undefined || !/[\p{L}\p{N}-]/u.test(c);
}

export interface Apposition {
  readonly subject: TermMention;
  readonly object: RelationObject;
}

/** "Mirtazapine (atypical antidepressant)": a drug named with its class in parentheses. */
export function appositions(
  text: string,
  mentions: readonly TermMention[],
  classRules: ObjectRules,
): Apposition[] {
  const out: Apposition[] = [];
  for (const m of mentions) {
    if (m.term.type !== "Drug" || insideParentheses(text, m.start)) continue;
    const group = /^\s*\(([^()]*)\)/.exec(text.slice(m.end));
    if (!group) continue;
    const from = m.end + group[0].indexOf("(") + 1;
    const [object] = objectsAfter(
      text,
      from,
      from + (group[1] as string).length,
      mentions,
      classRules,
    );
    if (object) out.push({ subject: m, object });
  }
  return out;
}

/** "Nausea is the leading side effect of vortioxetine": the drug causes the effect. */
const EFFECT_OF =
  /^(\p{L}[^;,]{0,60}?)\s+(?:is|are)\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}(?:side|adverse)\s+effects?\s+of\s+$/iu;

export function effectOf(
  text: string,
  from: number,
  mentions: readonly TermMention[],
): Apposition | undefined {
  const drug = mentions.find(
    (m) => m.start > from && (m.term.type === "Drug" || m.term.type === "DrugClass"),
  );
  const match = drug && EFFECT_OF.exec(text.slice(from, drug.start));
  if (!drug || !match) return undefined;
  const end = from + (match[1] as string).length;
  const named = mentions.find((m) => m.start >= from && m.end <= end);
  if (named)
    return named.term.type === "Drug" || named.term.type === "DrugClass"
      ? undefined
      : {
          subject: drug,
          object: { term: named.term, start: named.start, end: named.end, minted: false },
        };
  const label = headOf(match[1] as string);
  if (label.split(" ").length > 4) return undefined;
  return {
    subject: drug,
    object: { term: mintedEntity(label, "AdverseEffect"), start: from, end, minted: true },
  };
}
