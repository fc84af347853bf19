/**
 * Turning names into terms: lexicon entities where the lexicon knows the name,
 * minted and flagged entities where it does not, and predicates from row labels.
 */

import { slugify } from "../base/slug.ts";
import { type Lexicon, uncovered } from "../lexicon/lexicon.ts";
import type { EntityType, LexiconEntity, Mention } from "../lexicon/types.ts";
import type { EntityTerm, PredicateTerm } from "./types.ts";

export function entityTerm(entity: LexiconEntity): EntityTerm {
  return {
    kind: "entity",
    id: entity.id,
    label: entity.label,
    type: entity.type,
    unnormalised: false,
  };
}

/**
 * An entity minted from a label the lexicon does not know: nothing is dropped. `key`, when
 * given, is what its id is made from (a class's singular, so "Stimulants" is "Stimulant").
 */
export function mintedEntity(label: string, type: EntityType, key = label): EntityTerm {
  const clean = label.replace(/\s+/g, " ").trim();
  const id = slugify(key.replace(/\s+/g, " ").trim(), 60);
  return { kind: "entity", id, label: clean, type, unnormalised: true };
}

/** The text outside parentheses: "Serotonin Transporter (SERT) (weaker)" → "Serotonin Transporter". */
export function headOf(text: string): string {
  return text
    .replace(/\([^()]*\)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The contents of the parenthetical groups of `text`. */
export function parentheticals(text: string): string[] {
  return [...text.matchAll(/\(([^()]*)\)/g)].map((m) => (m[1] as string).trim());
}

/**
 * The entity a label names as a whole: a lexicon entity when its mentions cover every
 * word outside parentheses, else a minted entity of `type` from the label's head.
 */
export function resolveLabel(lexicon: Lexicon, text: string, type: EntityType): EntityTerm {
  const head = headOf(text);
  const exact = lexicon.lookup(text) ?? lexicon.lookup(head);
  if (exact) return entityTerm(exact);
  const mentions = lexicon.mentions(head);
  if (mentions.length > 0 && uncovered(head, mentions) === "") {
    const preferred = mentions.find((m) => m.entity.type === type) ?? (mentions[0] as Mention);
    return entityTerm(preferred.entity);
  }
  return mintedEntity(head === "" ? text : head, type);
}

export function mentionTerms(mentions: readonly Mention[]): EntityTerm[] {
  const seen = new Set<string>();
  const out: EntityTerm[] = [];
  for (const m of mentions) {
    if (seen.has(m.entity.id)) continue;
    seen.add(m.entity.id);
    out.push(entityTerm(m.entity));
  }
  return out;
}

/** The predicate of a row label or curation name; unknown labels are minted and flagged. */
export function predicateTerm(lexicon: Lexicon, label: string): PredicateTerm {
  const known = lexicon.predicate(label);
  if (known) return { name: known.name, label: spaced(known.name), unnormalised: false };
  return { name: slugify(label, 60), label: label.toLowerCase(), unnormalised: true };
}

/** "primaryTarget" → "primary target". */
export function spaced(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

export interface TermMention {
  readonly term: EntityTerm;
  readonly start: number;
  readonly end: number;
}

/**
 * Entities named in `text`: the lexicon's, then the document's own minted entities
 * (matched case-insensitively as whole words), without overlaps, in order.
 */
export function findMentions(
  lexicon: Lexicon,
  text: string,
  documentEntities: readonly EntityTerm[] = [],
): TermMention[] {
  const found: TermMention[] = lexicon
    .mentions(text)
    .map((m) => ({ term: entityTerm(m.entity), start: m.start, end: m.end }));
  const lower = text.toLowerCase();
  for (const term of documentEntities) {
    const name = term.label.toLowerCase();
    if (name === "") continue;
    for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + 1)) {
      const end = at + name.length;
      const bounded =
        !/[\p{L}\p{N}]/u.test(text[at - 1] ?? "") && !/[\p{L}\p{N}]/u.test(text[end] ?? "");
      if (bounded && !found.some((f) => f.start < end && at < f.end))
        found.push({ term, start: at, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The distinct entities of a list of mentions, in order of first mention. */
export function distinctTerms(mentions: readonly TermMention[]): EntityTerm[] {
  const seen = new Map<string, EntityTerm>();
  for (const m of mentions) if (!seen.has(m.term.id)) seen.set(m.term.id, m.term);
  return [...seen.values()];
}
