/**
 * What a table cell says: nothing (a null cell), a frequency on the adverse-effect scale,
 * or a phrase kept as it stands with its qualifier apart ("2–3 hours (immediate release)",
 * "Norquetiapine, a NET inhibitor"). The entities a cell names are read in
 * `cell-objects.ts`.
 */

import { normaliseLabel } from "../base/slug.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";
import { isAcronym } from "./acronym.ts";
import type { CellStatus, Frequency } from "./types.ts";

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

export interface PhraseReading {
  /** The phrase the cell states: its object, as a literal. */
  readonly value: string;
  readonly qualifier: string | undefined;
}

/**
 * A cell that names no entity the rules can read stays a phrase; a parenthesis at its end
 * ("2–3 hours (immediate release)") or the clauses after a name and a comma ("Norquetiapine,
 * a NET inhibitor") qualify it and are kept apart. A parenthesis giving the phrase another
 * name ("O-desmethylvenlafaxine (desvenlafaxine)", "(SERT)") is part of it, and so is
 * everything after a level word ("High, with withdrawal on stopping").
 */
export function readPhrase(lexicon: Lexicon, text: string): PhraseReading {
  const whole = { value: text, qualifier: undefined };
  // One phrase before the parenthesis: "A (x), B (y)" is no phrase with a qualifier.
  const paren = /^([^(),;]*[^\s(),;])\s*\(([^()]+)\)$/u.exec(text.trim());
  if (paren) {
    const [, value, inner] = paren as unknown as [string, string, string];
    return isOtherName(value, inner) ? whole : { value, qualifier: inner.trim() };
  }
  const [first, ...rest] = splitOutside(text, /,/);
  if (first === undefined || rest.length === 0 || !isName(lexicon, first)) return whole;
  return { value: first, qualifier: rest.join(", ") };
}

/** "(SERT)", "(mCPP)", "(desvenlafaxine)" after "O-desmethylvenlafaxine": an acronym or a name sharing a stem. */
function isOtherName(value: string, inner: string): boolean {
  if (isAcronym(inner)) return true;
  const a = value.toLowerCase();
  const b = inner.toLowerCase();
  if (/\s/.test(b)) return false;
  for (let i = 0; i + 6 <= b.length; i++) if (a.includes(b.slice(i, i + 6))) return true;
  return false;
}

/** One capitalised word that is no level or null word: "Norquetiapine", not "High". */
function isName(lexicon: Lexicon, text: string): boolean {
  if (!/^\p{Lu}[\p{L}\p{N}-]{3,}$/u.test(text)) return false;
  const key = normaliseLabel(text);
  const words = [...lexicon.cues("frequency"), ...lexicon.cues("null")];
  return !words.some((c) => normaliseLabel(c.phrase) === key);
}
