/**
 * "Inhibits" against "minimal" (issue #15): a claim whose object is text, such as the feature
 * cell "Minimal direct effect on NET", says no effect on the entity it names. The words are
 * data (`noneword`, `effectword`, `linkword` rows of `ontology/conflict-rules.tsv`); the entity
 * is found with the lexicon the reading uses for a cell's mentions (`Lexicon.mentions`).
 */
import type { Lexicon } from "../lexicon/lexicon.ts";
import type { Mention } from "../lexicon/types.ts";

/** The words of the rules file that make a text say none, and the lexicon to name its entity. */
export interface NoneText {
  /** A none word, up to three words, an effect word, a link word ("minimal direct effect on"). */
  readonly pattern: RegExp | null;
  /** Each none word (lower case) → the predicate its text counts as (e.g. noEffectOn). */
  readonly predicates: ReadonlyMap<string, string>;
  /** Predicates whose text is a whole sentence: the prose rules read its relations already. */
  readonly sentences: ReadonlySet<string>;
  readonly lexicon: Lexicon;
}

/** The words as the rules file lists them. */
export interface NoneWords {
  readonly none: ReadonlyMap<string, string>;
  readonly effect: readonly string[];
  readonly link: readonly string[];
  readonly sentences: ReadonlySet<string>;
}

/** What a text says none of: the predicate it counts as, and the lexicon entity's id. */
export interface NoneStated {
  readonly predicate: string;
  readonly entity: string;
}

export function noneText(words: NoneWords, lexicon: Lexicon): NoneText {
  const predicates = new Map([...words.none].map(([w, p]) => [w.toLowerCase(), p]));
  const any = (list: Iterable<string>) =>
    [...list]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"))
      .join("|");
  const complete = predicates.size > 0 && words.effect.length > 0 && words.link.length > 0;
  const pattern = complete
    ? new RegExp(
        `(?<![\\p{L}\\p{N}])(${any(predicates.keys())})(?:\\s+[\\p{L}-]+){0,3}?\\s+(?:${any(words.effect)})s?\\s+(?:${any(words.link)})\\s+(?:the\\s+)?`,
        "giu",
      )
    : null;
  return { pattern, predicates, sentences: words.sentences, lexicon };
}

/** What `text` says there is no effect on, each entity once ("" texts and sentences: nothing). */
export function noneInText(text: string, cues: NoneText): NoneStated[] {
  if (!cues.pattern) return [];
  const out = new Map<string, NoneStated>();
  for (const m of text.matchAll(cues.pattern)) {
    const predicate = cues.predicates.get((m[1] ?? "").toLowerCase().replace(/\s+/g, " "));
    if (predicate === undefined) continue;
    const rest = clauseOf(text.slice((m.index ?? 0) + m[0].length));
    for (const entity of namedFirst(rest, cues.lexicon))
      out.set(`${predicate} ${entity}`, { predicate, entity });
  }
  return [...out.values()];
}

/** The text up to the end of its clause: a ";", a full stop, or a contrasting conjunction. */
function clauseOf(text: string): string {
  const end = /[;.]|(?<![\p{L}\p{N}])(?:but|while|whereas|although|though|except|unlike)\b/iu.exec(
    text,
  );
  return end ? text.slice(0, end.index) : text;
}

/**
 * The entities `text` opens with: its first mention must begin it, and the next ones follow
 * only joined by "and", "or", commas or parentheses ("NET and DAT", "the norepinephrine
 * transporter (NET)"); a phrase in between ("NET at doses that block SERT") ends the list.
 */
function namedFirst(text: string, lexicon: Lexicon): string[] {
  const mentions: readonly Mention[] = lexicon.mentions(text);
  const ids: string[] = [];
  let at = 0;
  for (const m of mentions) {
    const gap = text
      .slice(at, m.start)
      .replace(/[\s,/()]+/g, " ")
      .trim()
      .toLowerCase();
    if (!(at === 0 ? gap === "" : JOINS.has(gap))) break;
    if (!ids.includes(m.entity.id)) ids.push(m.entity.id);
    at = m.end;
  }
  return ids;
}

const JOINS = new Set(["", "and", "or", "nor", "and the", "or the", "nor the"]);
