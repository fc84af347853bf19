/**
 * Coordinated names in a cell, and the words they share: "MT1 and MT2 receptors" (a head
 * noun after the last), "Monoamine oxidase A and B" (a head before the first), "Reuptake
 * inhibition of norepinephrine and serotonin", "Significant anticholinergic, antihistaminic,
 * and α1-adrenergic blockade" (a modifier before the first: a qualifier of every name, or
 * dropped when it only says "both": "Dual dopamine and …"), and "DAT and NET (releaser)" (a
 * parenthesis after the last, when no other name has one of its own). Pure string work: the
 * caller decides which reading names entities.
 */
import { headOf, parentheticals } from "./terms.ts";

export interface Conjunct {
  /** The name, completed with the words it shares, its qualifying parentheses removed. */
  readonly text: string;
  /** Qualifiers that apply to this name: its own parentheses and shared ones. */
  readonly qualifiers: readonly string[];
}

export interface Reading {
  readonly conjuncts: readonly Conjunct[];
  /** Whether words were shared between names (a head noun, a modifier, "of …"). */
  readonly shared: boolean;
}

/** Modifiers that only say the names are taken together, like "and" itself. */
const COORDINATOR = /^(?:dual|both|triple|combined|joint)$/i;

/**
 * The readings of coordinated `names` (already split at "and" and commas), most specific
 * first: with shared words completed, then as written. One name gives one reading.
 */
export function readings(
  names: readonly string[],
  isQualifier: (parenthesis: string) => boolean,
): Reading[] {
  const own = names.map((n) => parentheticals(n).filter(isQualifier));
  const bare = names.map((n, i) => withoutParentheses(n, own[i] ?? []));
  // A parenthesis after the last name qualifies them all when no other name has its own.
  const last = own.at(-1) ?? [];
  const spread =
    names.length > 1 && last.length > 0 && own.slice(0, -1).every((q) => q.length === 0);
  const qualifiersOf = (i: number) => (spread ? last : (own[i] ?? []));
  const plain: Reading = {
    conjuncts: bare.map((text, i) => ({ text, qualifiers: qualifiersOf(i) })),
    shared: false,
  };
  if (names.length < 2) return [plain];
  const completed = sharedTail(bare) ?? sharedFront(bare) ?? sharedOf(bare);
  if (!completed) return [plain];
  const modifier = completed.modifier;
  return [
    {
      conjuncts: completed.names.map((text, i) => ({
        text,
        qualifiers: [...qualifiersOf(i), ...(modifier ? [modifier] : [])],
      })),
      shared: true,
    },
    plain,
  ];
}

interface Completed {
  readonly names: readonly string[];
  /** A modifier the first name carried for them all ("significant"). */
  readonly modifier?: string | undefined;
}

const wordsOf = (text: string) =>
  headOf(text)
    .split(" ")
    .filter((w) => w !== "");

/**
 * "MT1 and MT2 receptors", "Dual dopamine and norepinephrine reuptake inhibition": every name
 * before the last is one word (the first may carry modifiers before it) and the last is that
 * word's place followed by the head they share. A name that already ends in the head noun
 * ("Dopamine Transporter and Norepinephrine Transporter") shares nothing.
 */
function sharedTail(names: readonly string[]): Completed | undefined {
  const lastWords = wordsOf(names.at(-1) ?? "");
  if (lastWords.length < 2) return undefined;
  const tail = lastWords.slice(1).join(" ");
  // "SERT, and NET at higher doses": a phrase after the name is no head noun.
  if (FUNCTION_WORD.test(` ${tail} `)) return undefined;
  const headNoun = (lastWords.at(-1) ?? "").toLowerCase();
  const first = wordsOf(names[0] ?? "");
  const middle = names.slice(1, -1).map(wordsOf);
  if (first.length === 0 || first.length > 2 || middle.some((w) => w.length !== 1))
    return undefined;
  if ((first.at(-1) ?? "").toLowerCase() === headNoun) return undefined;
  const lead = first.length === 2 ? (first[0] as string) : undefined;
  const modifier = lead && !COORDINATOR.test(lead) ? lead.toLowerCase() : undefined;
  const heads = [first.at(-1) as string, ...middle.map((w) => w[0] as string)];
  return { names: [...heads.map((h) => `${h} ${tail}`), lastWords.join(" ")], modifier };
}

const FUNCTION_WORD = /\s(?:at|in|on|of|for|to|by|with|from|via|when|during|under|than)\s/i;

const SHORT_ID = /^[\p{Lu}\p{N}][\p{Lu}\p{N}]{0,2}$/u;

/** "Monoamine oxidase A and B": short ids after the first share the words before its own. */
function sharedFront(names: readonly string[]): Completed | undefined {
  const first = wordsOf(names[0] ?? "");
  const rest = names.slice(1).map(wordsOf);
  if (first.length < 2 || !SHORT_ID.test(first.at(-1) ?? "")) return undefined;
  if (!rest.every((w) => w.length === 1 && SHORT_ID.test(w[0] as string))) return undefined;
  const front = first.slice(0, -1).join(" ");
  return { names: [first.join(" "), ...rest.map((w) => `${front} ${w[0]}`)] };
}

/** "Reuptake inhibition of norepinephrine and serotonin" → "norepinephrine reuptake inhibition", … */
function sharedOf(names: readonly string[]): Completed | undefined {
  const m = /^(.+?)\s+of\s+(\S+)$/i.exec(headOf(names[0] ?? ""));
  const rest = names.slice(1).map(wordsOf);
  if (!m || !rest.every((w) => w.length === 1)) return undefined;
  const head = (m[1] as string).replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  return { names: [m[2] as string, ...rest.map((w) => w[0] as string)].map((n) => `${n} ${head}`) };
}

/** `text` without the given parenthetical groups: "DAT (releaser)" → "DAT". */
function withoutParentheses(text: string, groups: readonly string[]): string {
  let out = text;
  for (const g of groups) out = out.replace(`(${g})`, " ");
  return out.replace(/\s+/g, " ").trim();
}
