/**
 * The entities a feature cell names, each with its qualifiers: one name ("Serotonin
 * Transporter (SERT) (weaker)"), coordinated names sharing words ("MT1 and MT2 receptors
 * (agonist)", see `coordination.ts`), clauses after a comma (", at higher doses"), a role
 * after a receptor ("5-HT1B receptor partial agonist"), a phrase after a name ("NET at
 * higher doses"), and clauses separated by ";" each read the same way. A cell is split into
 * objects only when every part reads as an entity; otherwise its text stays one value.
 */

import { normaliseLabel } from "../base/slug.ts";
import { type Lexicon, uncovered } from "../lexicon/lexicon.ts";
import type { EntityType } from "../lexicon/types.ts";
import { isAcronym } from "./acronym.ts";
import { splitOutside } from "./cells.ts";
import { type Conjunct, readings } from "./coordination.ts";
import { entityTerm, headOf, mintedEntity, parentheticals } from "./terms.ts";
import type { EntityTerm } from "./types.ts";

export interface CellObject {
  readonly term: EntityTerm;
  /** What qualifies this object: "(weaker)", "(partial agonist)", ", at higher doses". */
  readonly qualifiers: readonly string[];
}

/**
 * The entities a cell names, or undefined when any part is not an entity. Lexicon names
 * win; where the row's predicate gives an object type (or a role says the objects are
 * targets: "… receptor antagonist", "(partial agonist)"), a part that names nothing the
 * lexicon knows becomes a minted entity of it.
 */
export function readObjects(
  lexicon: Lexicon,
  text: string,
  objectType: EntityType | undefined,
): CellObject[] | undefined {
  const clauses = splitOutside(text, /;/).filter((c) => c !== "");
  const read = clauses.map((c) => readClause(lexicon, c, objectType));
  if (read.length === 0 || read.some((r) => r === undefined)) return undefined;
  return read.flatMap((r) => r ?? []);
}

const CONJUNCTION = /\s(?:and|&)\s|^(?:and|&)\s/i;

function readClause(
  lexicon: Lexicon,
  text: string,
  objectType: EntityType | undefined,
): CellObject[] | undefined {
  const { body, role } = trailingRole(lexicon, text);
  const isRole = roleParenthesis(lexicon);
  const { names, after } = namesOf(body, isRole);
  const shared = [...(role ? [role] : []), ...after];
  const named = role !== undefined || names.some((n) => parentheticals(n).some(isRole));
  const type = objectType ?? (named ? "Target" : undefined);
  for (const reading of readings(names, (p) => !isSynonym(lexicon, p))) {
    if (reading.shared && alreadyWhole(lexicon, names)) continue;
    const mintAs = type ?? (reading.shared ? knownType(lexicon, reading.conjuncts) : undefined);
    const objects = reading.conjuncts.map((c) => readObject(lexicon, c, mintAs, reading.shared));
    if (objects.length > 0 && objects.every((o) => o !== undefined))
      return objects.map((o) => ({ ...o, qualifiers: [...o.qualifiers, ...shared] }));
  }
  return undefined;
}

/**
 * The names of a clause, and the clauses after a comma that qualify them all. A list is
 * "A, B and C", or names each with its role ("A (agonist), B (antagonist)"); otherwise
 * what follows the first comma qualifies (", at higher doses").
 */
function namesOf(
  body: string,
  isRole: (parenthesis: string) => boolean,
): { names: string[]; after: string[] } {
  const parts = splitOutside(body, /,/);
  const isList =
    parts.length > 1 &&
    (splitOutside(parts.at(-1) ?? "", CONJUNCTION).length > 1 ||
      parts.every((p) => parentheticals(p).some(isRole)));
  const phrases = isList ? parts : parts.slice(0, 1);
  return {
    names: phrases.flatMap((p) => splitOutside(p, CONJUNCTION)).filter((p) => p !== ""),
    after: isList ? [] : parts.slice(1).filter((p) => p !== ""),
  };
}

/** "(partial agonist)", "(inverse agonist)", "(weak antagonist)": ends in a role's head noun. */
function roleParenthesis(lexicon: Lexicon): (parenthesis: string) => boolean {
  const heads = new Set(roleNouns(lexicon).map((r) => r.split(" ").at(-1)));
  return (p) => heads.has(p.toLowerCase().split(/\s+/).at(-1));
}

function readObject(
  lexicon: Lexicon,
  conjunct: Conjunct,
  objectType: EntityType | undefined,
  shared: boolean,
): CellObject | undefined {
  const { text } = conjunct;
  const core = headOf(text);
  if (core === "") return undefined;
  const qualifiers = [
    ...parentheticals(text).filter((p) => !isSynonym(lexicon, p)),
    ...conjunct.qualifiers,
  ];
  const known = lexiconEntity(lexicon, core, objectType);
  if (known) return { term: known, qualifiers };
  const mentions = lexicon.mentions(core);
  // A name completed with shared words is a name even where the lexicon knows one of its words.
  if (objectType && (mentions.length === 0 || shared) && core.split(" ").length <= 6)
    return { term: mintedEntity(core, objectType), qualifiers };
  // "NET at higher doses": a name the lexicon knows as the row's type, then a phrase
  // qualifying it ("Arrestin-biased ligand at α2A receptors" in a mechanism row is no such).
  const m = /^(.+?)\s+((?:at|in|with|when|during|via|from|under)\s.+)$/i.exec(core);
  const head = m && objectType ? lexiconEntity(lexicon, m[1] as string, objectType) : undefined;
  if (m && head && head.type === objectType)
    return { term: head, qualifiers: [...qualifiers, m[2] as string] };
  return undefined;
}

/** The lexicon entity `text` names as a whole, if one. */
function lexiconEntity(
  lexicon: Lexicon,
  text: string,
  objectType: EntityType | undefined,
): EntityTerm | undefined {
  // "Serotonin and norepinephrine transporters": a plural names the lexicon's entity too.
  const exact = lexicon.lookup(text) ?? lexicon.lookup(text.replace(/(\p{Ll}{2})s$/u, "$1"));
  if (exact) return entityTerm(exact);
  const mentions = lexicon.mentions(text);
  if (mentions.length === 0 || uncovered(text, mentions) !== "") return undefined;
  const best = mentions.find((m) => m.entity.type === objectType) ?? mentions[0];
  if (best && mentions.every((m) => m.entity.id === best.entity.id)) return entityTerm(best.entity);
  return undefined;
}

/**
 * "DAT and Norepinephrine Transporter": a name before the last that the lexicon knows by a
 * label ending in the last one's head noun ("dopamine transporter") is whole already.
 */
function alreadyWhole(lexicon: Lexicon, names: readonly string[]): boolean {
  const noun = (text: string) => (normaliseLabel(text).split(" ").at(-1) ?? "").replace(/s$/, "");
  const head = noun(headOf(names.at(-1) ?? ""));
  return names.slice(0, -1).some((n) => {
    const known = lexicon.lookup(headOf(n));
    return known !== undefined && noun(known.label) === head;
  });
}

/** The type of a coordinated name the lexicon knows: the names sharing its words share it. */
function knownType(lexicon: Lexicon, conjuncts: readonly Conjunct[]): EntityType | undefined {
  for (const c of conjuncts) {
    const known = lexiconEntity(lexicon, headOf(c.text), undefined);
    if (known) return known.type;
  }
  return undefined;
}

/**
 * "5-HT3 and 5-HT7 receptor antagonist" → body "5-HT3 and 5-HT7 receptor", role
 * "antagonist": a role noun after a receptor, transporter, channel or site. Role nouns are
 * the relation cues "X at" without their "at" (agonist, partial agonist, antagonist, …).
 */
function trailingRole(lexicon: Lexicon, text: string): { body: string; role?: string } {
  for (const role of roleNouns(lexicon)) {
    const m = new RegExp(
      `^(.*\\b(?:receptors?|transporters?|channels?|sites?))\\s+${escapeRegExp(role)}$`,
      "i",
    ).exec(text.trim());
    if (m) return { body: m[1] as string, role: role.toLowerCase() };
  }
  return { body: text };
}

/** Role nouns, longest first: the relation cues "X at" without their "at" ("partial agonist"). */
function roleNouns(lexicon: Lexicon): string[] {
  return lexicon
    .cues("relation")
    .map((c) => /^(.+)\s+at$/i.exec(c.phrase)?.[1]?.toLowerCase())
    .filter((r): r is string => r !== undefined && !/^is\b/.test(r))
    .sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A parenthesis that names its entity again: a lexicon name, or an acronym ("(MT1)"). */
function isSynonym(lexicon: Lexicon, text: string): boolean {
  if (isAcronym(text)) return true;
  const mentions = lexicon.mentions(text);
  return mentions.length > 0 && uncovered(text, mentions) === "";
}
