/**
 * The objects of a prose relation: the words right after a cue, read as a noun phrase or a
 * coordination of them ("SERT and NET", "norepinephrine, acetylcholine and glutamate",
 * "neither sedation nor dependence"). Each conjunct is the entity the lexicon or the
 * document names there, else an entity minted from its words and flagged. A head or a
 * modifier the conjuncts share is given to each ("MT1 and MT2 receptors" → MT1 receptors,
 * MT2 receptors; "the release of A and B" → A release, B release; "synaptic dopamine and
 * norepinephrine" → synaptic norepinephrine). A drug class is minted only from a phrase
 * whose last word names a class ("… reuptake inhibitor", "… anxiolytic").
 */
import type { EntityType } from "../lexicon/types.ts";
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

export interface ObjectRules {
  /** The entity type the predicate's objects take (a minted object gets it). */
  readonly type: EntityType | undefined;
  /** Words that end a drug-class name ("inhibitor", "anxiolytic"), singular, lower case. */
  readonly classHeads: ReadonlySet<string>;
  /** When false, only a class the lexicon or the document names is taken ("is the reference NDRI"). */
  readonly mayMint: boolean;
}

/** Where the words after a cue stop being its object. */
const NP_STOP = new Set(
  (
    "in at of on with without which that who whose to by via for from after during while whereas " +
    "but as than when where because since although though leading resulting driving only through " +
    "it they " +
    "is are was were has have had can may might will would does do did not versus vs"
  ).split(" "),
);
const DETERMINER = new Set(
  "the a an its their both either neither all some several this these those selectively directly potently weakly strongly also".split(
    " ",
  ),
);
const SEPARATOR = new Set(["and", "or", "nor", ","]);
/** A comparison ("recruits less β-arrestin than …") is not a plain relation. */
const COMPARATIVE = new Set(["less", "more", "fewer", "greater"]);
/** Nouns a coordination shares as its head: "MT1 and MT2 receptors", "the release of A and B". */
const SHARED_HEAD =
  /^(?:receptors?|release|levels?|transporters?|reuptake|uptake|concentrations?|signall?ing|activity|expression|synthesis|turnover|transmission|neurotransmission|channels?|subtypes?)$/i;
/** Modifiers a coordination shares: "synaptic dopamine and norepinephrine". */
const SHARED_MODIFIER =
  /^(?:synaptic|extracellular|intracellular|cortical|prefrontal|striatal|brain|plasma|serum|central|peripheral)$/i;
/** A verb starting a conjunct ends the coordination: "inhibits SERT and acts at …". */
const VERB_LIKE =
  /^(?:is|are|was|were|has|have|had|does|do|did|acts?|binds?|blocks?|inhibits?|causes?|raises?|lowers?|increases?|decreases?|reduces?|shows?|remains?|leads?|makes?|gives?|helps?|offers?|[\p{L}-]+ing)$/iu;
const MAX_WORDS = 6;

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The objects after a cue: display offsets [from, to) of `text`. */
export function objectsAfter(
  text: string,
  from: number,
  to: number,
  mentions: readonly TermMention[],
  rules: ObjectRules,
): RelationObject[] {
  const words = wordsOf(text, from, to);
  let i = 0;
  while (i < words.length && DETERMINER.has(lower(words[i]))) i++;
  const comparative = COMPARATIVE.has(lower(words[i]));
  if (rules.type === "DrugClass") return classObject(text, words.slice(i), mentions, rules);
  if (comparative) return [];
  let sharedHead: string | undefined;
  if (SHARED_HEAD.test(words[i]?.text ?? "") && lower(words[i + 1]) === "of") {
    sharedHead = words[i]?.text;
    i += 2;
  }
  const conjuncts = coordination(words.slice(i));
  const objects = conjuncts.map((c) => conjunctObject(text, c, mentions, rules.type));
  if (objects.some((o) => o === undefined))
    return objects.slice(0, objects.indexOf(undefined)) as RelationObject[];
  return share(objects as RelationObject[], conjuncts, sharedHead, rules.type);
}

/** The conjuncts of a coordination, each a run of words, up to where the phrase stops. */
function coordination(words: readonly Word[]): Word[][] {
  const out: Word[][] = [];
  let current: Word[] = [];
  let viaComma = false;
  for (let k = 0; k < words.length; k++) {
    const word = words[k] as Word;
    const w = word.text.toLowerCase();
    if (SEPARATOR.has(w)) {
      if (current.length === 0) break;
      if (w === "," && !listGoesOn(words, k + 1)) break;
      out.push(current);
      current = [];
      viaComma = w === ",";
      // ", and" (a serial comma) joins the last conjunct as "and" does.
      if (viaComma && SEPARATOR.has(lower(words[k + 1])) && lower(words[k + 1]) !== ",") {
        viaComma = false;
        k++;
      }
      if (!viaComma && lower(words[k + 1]) === "the") k++;
      continue;
    }
    if (word.text.startsWith("(")) {
      if (current.length === 0) break;
      current.push(word);
      continue;
    }
    if (current.length === 0 && DETERMINER.has(w)) continue;
    const stop = !/[\p{L}\p{N}]/u.test(word.text) || NP_STOP.has(w) || current.length === MAX_WORDS;
    const verb = current.length === 0 && out.length > 0 && VERB_LIKE.test(word.text);
    if (stop || verb) {
      // A conjunct after a comma that runs into a stop word was not part of the list.
      if (viaComma && current.length > 0 && stop && NP_STOP.has(w)) current = [];
      break;
    }
    current.push(word);
  }
  if (current.length > 0) out.push(current);
  return out.filter((c) => c.some((w) => !w.text.startsWith("(")));
}

/** After a comma the list goes on only when an "and" / "or" comes before the phrase stops. */
function listGoesOn(words: readonly Word[], k: number): boolean {
  for (let n = 0; k + n < words.length && n <= MAX_WORDS; n++) {
    const w = lower(words[k + n]);
    if (w === "and" || w === "or" || w === "nor") return true;
    if (w === ",") continue;
    if (VERB_LIKE.test(words[k + n]?.text ?? "") && n === 0) return false;
    if (NP_STOP.has(w) || !/[\p{L}\p{N}(]/u.test(w)) return false;
  }
  return false;
}

function conjunctObject(
  text: string,
  words: readonly Word[],
  mentions: readonly TermMention[],
  type: EntityType | undefined,
): RelationObject | undefined {
  const bare = words.filter((w) => !w.text.startsWith("("));
  const start = (bare[0] as Word).start;
  const end = (bare.at(-1) as Word).end;
  const whole = mentions.find((m) => m.start <= start && m.end >= end && fits(m.term.type, type));
  if (whole) return { term: whole.term, start: whole.start, end: whole.end, minted: false };
  const inside = mentions.filter((m) => m.start >= start && m.end <= end);
  // A conjunct that names a drug, or a known entity inside longer words, is not read here.
  if (inside.some((m) => !fits(m.term.type, type))) return undefined;
  // A known entity qualified by the words after it ("α2AAR expression") is that entity.
  const known = inside.find((m) => m.start === start && !m.term.unnormalised);
  if (known) return { term: known.term, start: known.start, end: known.end, minted: false };
  if (type === undefined || type === "DrugClass") return undefined;
  const label = headOf(text.slice(start, end));
  if (!/\p{L}/u.test(label) || label.length < 2) return undefined;
  return { term: mintedEntity(label, type), start, end, minted: true };
}

/** Gives a shared head or modifier to each minted conjunct that lacks it. */
function share(
  objects: RelationObject[],
  conjuncts: readonly Word[][],
  sharedHead: string | undefined,
  type: EntityType | undefined,
): RelationObject[] {
  if (type === undefined || objects.length === 0) return objects;
  const bare = conjuncts.map((c) => c.filter((w) => !w.text.startsWith("(")).map((w) => w.text));
  const last = bare.at(-1) as string[];
  const first = bare[0] as string[];
  let labels = bare.map((words) => words.join(" "));
  if (sharedHead) labels = labels.map((l) => `${l} ${sharedHead}`);
  else if (objects.length > 1 && last.length > 1 && SHARED_HEAD.test(last.at(-1) as string)) {
    const head = last.at(-1) as string;
    labels = bare.map((w, k) =>
      k < bare.length - 1 && !SHARED_HEAD.test(w.at(-1) as string)
        ? `${w.join(" ")} ${head}`
        : w.join(" "),
    );
  } else if (objects.length > 1 && first.length > 1 && SHARED_MODIFIER.test(first[0] as string)) {
    labels = bare.map((w, k) => (k > 0 && w.length === 1 ? `${first[0]} ${w[0]}` : w.join(" ")));
  }
  return objects.map((o, k) =>
    o.minted ? { ...o, term: mintedEntity(labels[k] as string, type) } : o,
  );
}

/**
 * The class after "is a", "are", "remains a": the class the phrase's parenthesis or last word
 * names, else one minted from a phrase whose last word is a class word.
 */
function classObject(
  text: string,
  words: readonly Word[],
  mentions: readonly TermMention[],
  rules: ObjectRules,
): RelationObject[] {
  const phrase = classPhrase(words);
  const bare = phrase.filter((w) => !w.text.startsWith("("));
  const head = bare.at(-1);
  if (!head) return [];
  const start = (bare[0] as Word).start;
  const end = (phrase.at(-1) as Word).end;
  const isClass = (m: TermMention) => m.term.type === "DrugClass";
  const named =
    mentions.find((m) => isClass(m) && m.start >= head.end && m.end <= end) ??
    mentions.find((m) => isClass(m) && m.start <= head.start && m.end >= head.end);
  if (named) return [{ term: named.term, start, end: Math.max(end, named.end), minted: false }];
  if (
    !rules.mayMint ||
    COMPARATIVE.has(lower(bare[0])) ||
    !isClassWord(head.text, rules.classHeads)
  )
    return [];
  if (mentions.some((m) => m.start < head.end && m.end > start && m.term.type === "Drug"))
    return [];
  const after = text.slice(start, head.end);
  const label = after.slice(after.lastIndexOf(",") + 1).trim();
  return [{ term: mintedEntity(label, "DrugClass"), start, end, minted: true }];
}

/**
 * The words of the phrase naming the class: up to MAX_WORDS, to a stop word, separator or
 * punctuation, taking in a parenthesis that follows them.
 */
function classPhrase(words: readonly Word[]): Word[] {
  const phrase: Word[] = [];
  for (const [k, word] of words.entries()) {
    const w = word.text.toLowerCase();
    // Adjectives in a row may be joined by commas: "an irreversible, non-selective … inhibitor".
    if (
      w === "," &&
      phrase.length > 0 &&
      !SEPARATOR.has(lower(words[k + 1])) &&
      !NP_STOP.has(lower(words[k + 1]))
    )
      continue;
    if (word.text.startsWith("(")) {
      if (phrase.length > 0) phrase.push(word);
      break;
    }
    if (
      !/[\p{L}\p{N}]/u.test(w) ||
      NP_STOP.has(w) ||
      SEPARATOR.has(w) ||
      phrase.length === MAX_WORDS
    )
      break;
    phrase.push(word);
  }
  return phrase;
}

export function isClassWord(word: string, classHeads: ReadonlySet<string>): boolean {
  const w = word.toLowerCase();
  return classHeads.has(w) || classHeads.has(w.replace(/s$/, ""));
}

/** A class only where a class is wanted; any entity but a drug elsewhere. */
function fits(actual: EntityType, wanted: EntityType | undefined): boolean {
  if (wanted === "DrugClass") return actual === "DrugClass";
  return actual !== "Drug" && actual !== "DrugClass";
}

function wordsOf(text: string, from: number, to: number): Word[] {
  return [
    ...text
      .slice(from, to)
      .matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’\-/+]*|\([^()]*\)|[^\s\p{L}\p{N}]/gu),
  ].map((m) => {
    const start = from + (m.index ?? 0);
    return { text: m[0], start, end: start + m[0].length };
  });
}

function lower(word: Word | undefined): string {
  return word?.text.toLowerCase() ?? "";
}
