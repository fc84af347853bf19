/**
 * Column roles, read from the template rather than the lexicon: columns 2…n of a table
 * are subject columns unless their header names a value column — a `value-column` cue
 * ("Notes"), a header ending in a cue's head word ("Key Experimental Data", "Supporting
 * Data", "Clinical Findings"), or, by the comparison table's shape, the last header not
 * saying "Performance" when every other one does. A subject header is one of the
 * template's shapes — "Name", "Name (Class)", "Class (Name)", "Class (e.g., A, B)", a bare
 * class, each optionally followed by "Performance" — and names its subject whether or not
 * the lexicon knows it: an unknown name becomes a minted Drug or DrugClass, flagged
 * unnormalised, with its class membership. In "Name (X)" an X neither the lexicon nor the
 * class cues know is still the class: that is the template's shape. The same name gives the
 * same entity in every table of a document.
 */

import { normaliseLabel } from "../base/slug.ts";
import type { TableCell } from "../document/types.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";
import type { ExtractContext } from "./context.ts";
import { entityTerm, headOf, mintedEntity, parentheticals, predicateTerm } from "./terms.ts";
import type { EntityTerm, Membership, PredicateTerm } from "./types.ts";

export interface Column {
  readonly index: number;
  readonly label: string;
  /** The entity the column is about; undefined for a value column such as "Key Experimental Data". */
  readonly subject: EntityTerm | undefined;
  /** For a value column: the predicate its header names. */
  readonly predicate: PredicateTerm | undefined;
  readonly memberships: readonly Membership[];
}

const PERFORMANCE = /\s*\bperformance\b\s*/i;
const EXAMPLE = /^\s*e\.\s?g\.?,?\s*/i;

/** The roles of a table's columns 2…n, from their headers and the table's shape. */
export function readColumns(ctx: ExtractContext, header: readonly TableCell[]): Column[] {
  const cells = header.slice(1);
  const last = cells.at(-1);
  const shaped = last !== undefined && isTrailingValue(cells.map((c) => c.display.text));
  return cells.map((cell) => readColumn(ctx, cell, shaped && cell === last));
}

/**
 * "Lithium Performance | Valproate Performance | Supporting Data": the arms of a comparison
 * say "Performance", so a last header that does not is the template's value column.
 */
function isTrailingValue(labels: readonly string[]): boolean {
  const arms = labels.slice(0, -1);
  const last = labels.at(-1) ?? "";
  return arms.length >= 2 && arms.every((l) => PERFORMANCE.test(l)) && !PERFORMANCE.test(last);
}

/** What a column header names: a subject (with its class and examples), or a value. */
function readColumn(ctx: ExtractContext, cell: TableCell, shapedValue: boolean): Column {
  const { lexicon } = ctx;
  const label = cell.display.text;
  const base = { index: cell.columnIndex, label };
  if (shapedValue || isValueColumn(lexicon, label))
    return {
      ...base,
      subject: undefined,
      predicate: predicateTerm(lexicon, label),
      memberships: [],
    };
  const { subject, memberships } = readArm(lexicon, label.replace(PERFORMANCE, " ").trim());
  return { ...base, subject, predicate: undefined, memberships };
}

/** The arm a subject column's heading names, and the class memberships the heading states. */
function readArm(
  lexicon: Lexicon,
  heading: string,
): { subject: EntityTerm; memberships: Membership[] } {
  const head = headOf(heading);
  const parens = parentheticals(heading);
  const example = parens.find((p) => EXAMPLE.test(p));
  if (example !== undefined) {
    const group = classTerm(lexicon, head);
    const memberships = splitNames(example.replace(EXAMPLE, "")).flatMap((name): Membership[] => {
      const member = drugTerm(lexicon, name);
      return [
        { member, group, relation: "exampleMember" },
        { member, group, relation: "memberOf" },
      ];
    });
    return { subject: group, memberships };
  }
  const memberOf = (subject: EntityTerm, group: EntityTerm) => ({
    subject,
    memberships: [{ member: subject, group, relation: "memberOf" } as const],
  });
  const paren = parens[0];
  if (paren !== undefined && paren !== "" && isClassName(lexicon, paren))
    return memberOf(drugTerm(lexicon, head), classTerm(lexicon, paren));
  if (isClassName(lexicon, head) || (paren !== undefined && pluralOnly(head, paren))) {
    const group = classTerm(lexicon, head);
    if (paren === undefined || paren === "") return { subject: group, memberships: [] };
    // "SSRI (Fluoxetine) Performance": the arm is the drug, a member of the class.
    return memberOf(drugTerm(lexicon, paren), group);
  }
  // "Buspirone (Azapirone)", "Guanfacine (Non-stimulant)": the template's "Name (Class)".
  if (paren !== undefined && namesAClass(lexicon, head, paren))
    return memberOf(drugTerm(lexicon, head), classTerm(lexicon, paren));
  return { subject: drugTerm(lexicon, head === "" ? heading : head), memberships: [] };
}

/** "Quorbamates (Zelnoxetine)": a plural head before a singular name is "Class (Name)". */
function pluralOnly(head: string, paren: string): boolean {
  const plural = (text: string) => /\p{Ll}{2}s$/u.test(text) && !/(?:ss|us|is)$/.test(text);
  return plural(head.trim()) && !plural(paren.trim()) && /^\p{Lu}\p{Ll}+$/u.test(paren.trim());
}

/**
 * Whether the parenthesis of "Name (X)" is the name's class when the lexicon knows neither
 * as one: the template's shape says so, unless X is a drug the lexicon knows, repeats the
 * name, or is no name at all (a dose, a number).
 */
function namesAClass(lexicon: Lexicon, head: string, paren: string): boolean {
  if (head === "" || !/^\p{L}[\p{L}\p{N}\s'-]*$/u.test(paren)) return false;
  if (normaliseLabel(paren) === normaliseLabel(head)) return false;
  const known = lexicon.lookup(paren);
  return known === undefined || known.type === "DrugClass";
}

/** A `value-column` cue, or a header whose last word is a cue's head word ("… Data"). */
export function isValueColumn(lexicon: Lexicon, label: string): boolean {
  const key = normaliseLabel(label);
  const last = key.split(" ").at(-1) ?? "";
  return lexicon
    .cues("value-column")
    .some((c) => normaliseLabel(c.phrase) === (c.value === "head" ? last : key));
}

/** "Fluoxetine, Sertraline or Paroxetine" → its names. */
function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\bor\b|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Whether a header names a class: the lexicon says it is a DrugClass, or it is a class
 * abbreviation or adjective of the template (an "s" plural allowed), or it ends in a word
 * that names classes ("… inhibitors").
 */
export function isClassName(lexicon: Lexicon, text: string): boolean {
  const known = lexicon.lookup(text) ?? lexicon.lookup(singular(text));
  if (known) return known.type === "DrugClass";
  const words = normaliseLabel(text).split(" ");
  const cues = lexicon.cues("drug-class");
  const last = words.at(-1) ?? "";
  if (cues.some((c) => c.value === "suffix" && normaliseLabel(c.phrase) === last)) return true;
  const first = normaliseLabel(singular(text.trim().split(/\s+/)[0] ?? ""));
  const isWord = (c: { phrase: string; value: string }) =>
    c.value !== "suffix" && normaliseLabel(c.phrase) === first;
  return words.length <= 2 && cues.some(isWord) && (words.length === 1 || isClassTail(words[1]));
}

/** "Atypical antidepressant(s)" and "SSRI class" still name a class. */
function isClassTail(word: string | undefined): boolean {
  return word === "class" || word === "agents" || word === "drugs";
}

/** "SNRIs" → "SNRI": an abbreviation's plural is the same class. */
function singular(text: string): string {
  return /^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}s$/u.test(text.trim()) ? text.trim().slice(0, -1) : text;
}

/** The class a header names: the lexicon's, else one minted from the name as written. */
export function classTerm(lexicon: Lexicon, text: string): EntityTerm {
  const name = text.trim();
  const known = lexicon.lookup(name) ?? lexicon.lookup(singular(name));
  if (known && known.type === "DrugClass") return entityTerm(known);
  // "Stimulant" and "Stimulants" in two headers of a document are one class.
  return mintedEntity(singular(name), "DrugClass", singularWord(singular(name)));
}

/** "Atypical Antipsychotics" → "Atypical Antipsychotic": the plural of a class's last word. */
function singularWord(name: string): string {
  return name.replace(/(\p{Ll}{2})s$/u, (m, stem: string) => (/(?:ss|us|is)$/.test(m) ? m : stem));
}

/** The drug a header names: the lexicon's, else one minted from the name. */
export function drugTerm(lexicon: Lexicon, text: string): EntityTerm {
  const name = text.trim();
  const known = lexicon.lookup(name);
  if (known && (known.type === "Drug" || known.type === "DrugClass")) return entityTerm(known);
  return mintedEntity(name, "Drug");
}
