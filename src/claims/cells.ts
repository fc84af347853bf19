/**
 * What a table cell says: nothing (a null cell), one or more entities with their
 * qualifiers ("DAT and NET", "Serotonin Transporter (SERT) (weaker)", "MT1 and MT2
 * receptors, allosteric site binding"), a frequency on the adverse-effect scale, or a
 * phrase kept as it stands. A cell is split into objects only when every part reads as
 * an entity; otherwise its whole text stays one value.
 */
import { type Lexicon, uncovered } from "../lexicon/lexicon.ts";
import type { EntityType } from "../lexicon/types.ts";
import { normaliseLabel } from "../slug.ts";
import { entityTerm, headOf, mintedEntity, parentheticals } from "./terms.ts";
import type { CellStatus, EntityTerm, Frequency } from "./types.ts";

/** The status of a null cell, or undefined when the cell states something. */
export function nullStatus(
  lexicon: Lexicon,
  text: string,
  except: readonly string[] = [],
): CellStatus | undefined {
  const key = normaliseLabel(text);
  if (key === "") return "NotStated";
  for (const cue of lexicon.cues("null")) {
    const phrase = normaliseLabel(cue.phrase);
    if (except.includes(phrase)) continue;
    const prefix = phrase.includes(" ") && key.startsWith(`${phrase} `);
    if (key === phrase || prefix) return cue.value === "NotTested" ? "NotTested" : "NotStated";
  }
  return undefined;
}

export interface CellObject {
  readonly term: EntityTerm;
  /** Parentheses of this object that are not its synonyms: "(weaker)", "(partial agonist)". */
  readonly qualifiers: readonly string[];
}

export interface CellObjects {
  readonly objects: readonly CellObject[];
  /** Clauses after a comma that qualify every object: ", at higher doses". */
  readonly qualifiers: readonly string[];
}

/**
 * The entities a cell names, or undefined when any part is not an entity. Lexicon names
 * win; where the row's predicate gives an object type, a part that names nothing the
 * lexicon knows becomes a minted entity of that type.
 */
export function readObjects(
  lexicon: Lexicon,
  text: string,
  objectType: EntityType | undefined,
): CellObjects | undefined {
  const parts = splitOutside(text, /,/);
  const isList = parts.length > 1 && splitOutside(parts.at(-1) ?? "", CONJUNCTION).length > 1;
  const phrases = isList ? parts : parts.slice(0, 1);
  const qualifiers = isList ? [] : parts.slice(1).filter((p) => p !== "");
  const conjuncts = distribute(
    phrases.flatMap((p) => splitOutside(p, CONJUNCTION)).filter((p) => p !== ""),
  );
  const objects: CellObject[] = [];
  for (const conjunct of conjuncts) {
    const object = readObject(lexicon, conjunct, objectType);
    if (!object) return undefined;
    objects.push(object);
  }
  return objects.length > 0 ? { objects, qualifiers } : undefined;
}

const CONJUNCTION = /\s(?:and|&)\s|^(?:and|&)\s/i;

function readObject(
  lexicon: Lexicon,
  text: string,
  objectType: EntityType | undefined,
): CellObject | undefined {
  const core = headOf(text);
  if (core === "") return undefined;
  const qualifiers = parentheticals(text).filter((p) => !isSynonym(lexicon, p));
  const exact = lexicon.lookup(core);
  if (exact) return { term: entityTerm(exact), qualifiers };
  const mentions = lexicon.mentions(core);
  if (mentions.length > 0 && uncovered(core, mentions) === "") {
    const best = mentions.find((m) => m.entity.type === objectType) ?? mentions[0];
    if (best && mentions.every((m) => m.entity.id === best.entity.id))
      return { term: entityTerm(best.entity), qualifiers };
    return undefined;
  }
  // A short name is minted as an entity; a phrase of more words stays the cell's value.
  if (objectType && mentions.length === 0 && core.split(" ").length <= 6)
    return { term: mintedEntity(core, objectType), qualifiers };
  return undefined;
}

/** A parenthesis that names its entity again: a lexicon name, or an acronym ("(MT1)"). */
function isSynonym(lexicon: Lexicon, text: string): boolean {
  if (/^[\p{Lu}\p{N}][\p{L}\p{N}-]*$/u.test(text) && /\p{Lu}.*[\p{Lu}\p{N}]/u.test(text))
    return true;
  const mentions = lexicon.mentions(text);
  return mentions.length > 0 && uncovered(text, mentions) === "";
}

/**
 * "MT1 and MT2 receptors": a one-word conjunct before a longer last one shares the last
 * one's head noun ("MT1 receptors", "MT2 receptors").
 */
function distribute(conjuncts: readonly string[]): string[] {
  const last = conjuncts.at(-1);
  if (!last || conjuncts.length < 2) return [...conjuncts];
  const words = headOf(last).split(" ");
  const shortOnes = conjuncts.slice(0, -1).every((c) => !/\s/.test(c.trim()));
  if (!shortOnes || words.length < 2 || !/s$/.test(words.at(-1) ?? "")) return [...conjuncts];
  const tail = words.slice(1).join(" ");
  return [...conjuncts.slice(0, -1).map((c) => `${c.trim()} ${tail}`), last];
}

/** Splits `text` at `separator` outside parentheses, trimming each part (empty parts kept). */
export function splitOutside(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const global = new RegExp(separator.source, `${separator.flags.replace("g", "")}g`);
  // Masked unit by unit (not by code point), so indices into `masked` are indices into `text`.
  const masked = text
    .split("")
    .map((ch) => {
      if (ch === "(") depth++;
      const out = depth > 0 ? "\u0000" : ch;
      if (ch === ")") depth = Math.max(0, depth - 1);
      return out;
    })
    .join("");
  for (const m of masked.matchAll(global)) {
    parts.push(text.slice(start, m.index).trim());
    start = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(start).trim());
  return parts;
}

export interface FrequencyReading {
  readonly frequency: Frequency;
  /** What the cell adds after the frequency word: "especially upon initiation". */
  readonly qualifier: string | undefined;
}

/**
 * The frequency or risk an adverse-effect cell begins with, or `UnreadFrequency`. Hedging
 * adverbs before it ("Generally lower risk") do not hide it: they are kept in the qualifier.
 */
export function readFrequency(lexicon: Lexicon, text: string): FrequencyReading {
  const { hedge, body } = leadingHedge(text);
  const lower = body.toLowerCase();
  const cues = [...lexicon.cues("frequency")].sort((a, b) => b.phrase.length - a.phrase.length);
  for (const cue of cues) {
    const phrase = cue.phrase.toLowerCase();
    if (!lower.startsWith(phrase) || /[\p{L}\p{N}]/u.test(body[phrase.length] ?? "")) continue;
    const rest = body
      .slice(phrase.length)
      .replace(/^[\s,;:.\-–—]+/, "")
      .replace(/^\(([^()]*)\)[\s,;]*/, (_, inner: string, at: number, all: string) =>
        at + _.length < all.length ? `${inner}; ` : inner,
      )
      .trim();
    const qualifier = [hedge, rest].filter((q) => q !== "").join("; ");
    return {
      frequency: cue.value as Frequency,
      qualifier: qualifier === "" ? undefined : qualifier,
    };
  }
  return { frequency: "UnreadFrequency", qualifier: undefined };
}

/** "Generally lower risk" → hedge "generally", body "lower risk": leading "-ly" adverbs. */
function leadingHedge(text: string): { hedge: string; body: string } {
  const m = /^((?:\p{L}+ly\s+){1,2})(?=\p{L})/iu.exec(text);
  if (!m) return { hedge: "", body: text };
  return { hedge: (m[1] as string).trim().toLowerCase(), body: text.slice(m[0].length) };
}
