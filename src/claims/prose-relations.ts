/**
 * Simple relations read from a prose clause where a cue fits: "X inhibits Y", "X is an
 * antagonist at Y", "X binds Y", "X recruits Y", "X is a Z", "X raises Y". The cues and
 * the predicates they name are in `ontology/lexicon/cues.tsv` (kind `relation`); each
 * relation records its cue. A negated cue ("does not inhibit") asserts nothing. The
 * object is the entity named right after the cue — every one of "Y and Z" — or, when the
 * lexicon names none, an entity minted from the noun phrase there and flagged.
 */
import type { Cue, EntityType } from "../lexicon/types.ts";
import { headOf, mintedEntity, type TermMention } from "./terms.ts";
import type { EntityTerm } from "./types.ts";

export interface RelationObject {
  readonly term: EntityTerm;
  /** Display offsets in the sentence. */
  readonly start: number;
  readonly end: number;
  /** True when the lexicon did not name it and it was minted from the words after the cue. */
  readonly minted: boolean;
}

export interface RelationReading {
  readonly cue: Cue;
  /** Display offsets of the cue in the sentence. */
  readonly cueStart: number;
  readonly cueEnd: number;
  readonly objects: readonly RelationObject[];
}

/** Where the words after a cue stop being its object. */
const NP_STOP = new Set(
  (
    "in at of on with without which that who whose to by via for from after during while whereas " +
    "but and or as than when where because since although though leading resulting driving " +
    "is are was were has have had can may might will would does do did not"
  ).split(" "),
);
const DETERMINER = /^(?:the|a|an|its|their|both|either|all|some|several|this|these|those)$/i;
const BRIDGE = /^(?:\s*(?:the|a|an|selectively|directly|potently|weakly|strongly|also)\s+)*\s*$/i;
const COORDINATION =
  /^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as well as\s+)(?:the\s+)?$/i;
const NEGATION = /\b(?:not|no|never|nor|neither|without|lacks?|lacking)\s+(?:\w+\s+){0,2}$/i;
const MAX_NP_WORDS = 6;

/**
 * The relations stated in `clause` (display offsets [from, to) of `text`), in order.
 * `objectType` gives the entity type a minted object takes for each predicate.
 */
export function readRelations(
  text: string,
  from: number,
  to: number,
  cues: readonly Cue[],
  mentions: readonly TermMention[],
  objectType: (predicate: string) => EntityType | undefined,
): RelationReading[] {
  const found: RelationReading[] = [];
  const hits = cueHits(text, from, to, cues);
  hits.forEach((hit, i) => {
    const negative =
      hit.cue.phrase.toLowerCase().startsWith("without") || /^not\b/i.test(hit.cue.phrase);
    if (!negative && NEGATION.test(text.slice(from, hit.start))) return;
    const limit = hits[i + 1]?.start ?? to;
    const type = objectType(hit.cue.value);
    const objects = objectsAfter(text, hit.end, limit, mentions, type);
    if (objects.length > 0)
      found.push({ cue: hit.cue, cueStart: hit.start, cueEnd: hit.end, objects });
  });
  return found;
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

/** The entities named right after a cue, every one of a coordination, else a minted one. */
function objectsAfter(
  text: string,
  from: number,
  to: number,
  mentions: readonly TermMention[],
  type: EntityType | undefined,
): RelationObject[] {
  const objects: RelationObject[] = [];
  let at = from;
  for (const m of mentions) {
    if (m.start < at || m.end > to || !fits(m.term.type, type)) continue;
    const gap = text.slice(at, m.start);
    if (!(objects.length === 0 ? BRIDGE : COORDINATION).test(gap)) break;
    objects.push({ term: m.term, start: m.start, end: m.end, minted: false });
    at = m.end;
    at += (/^\s*\([^()]*\)/.exec(text.slice(at))?.[0] ?? "").length;
  }
  // A drug class is never minted from prose: classes come from what tables and lexicon name.
  if (objects.length > 0 || type === undefined || type === "DrugClass") return objects;
  const phrase = nounPhrase(text, from, to);
  return phrase
    ? [{ term: mintedEntity(headOf(phrase.label), type), ...phrase, minted: true }]
    : [];
}

/** A class only where a class is wanted; any entity but a drug elsewhere. */
function fits(actual: EntityType, wanted: EntityType | undefined): boolean {
  if (wanted === "DrugClass") return actual === "DrugClass";
  return actual !== "Drug" && actual !== "DrugClass";
}

/** The noun phrase after a cue: determiners skipped, up to a stop word or punctuation. */
function nounPhrase(
  text: string,
  from: number,
  to: number,
): { label: string; start: number; end: number } | undefined {
  const words = [
    ...text.slice(from, to).matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’\-/]*|\([^()]*\)|[^\s\p{L}\p{N}]/gu),
  ];
  let start = -1;
  let end = -1;
  let count = 0;
  for (const w of words) {
    const word = w[0];
    const at = from + (w.index ?? 0);
    if (start === -1 && DETERMINER.test(word)) continue;
    if (word.startsWith("(")) {
      if (start === -1) break;
      end = at + word.length;
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(word) || NP_STOP.has(word.toLowerCase()) || count === MAX_NP_WORDS)
      break;
    if (start === -1) start = at;
    end = at + word.length;
    count++;
  }
  if (start === -1 || !/\p{L}{2}/u.test(text.slice(start, end))) return undefined;
  return { label: text.slice(start, end), start, end };
}
