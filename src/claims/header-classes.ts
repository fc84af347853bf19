/**
 * One document's headers may give a drug two classes where one is no class at all: vendor
 * pages put a brand where the template puts the class ("Pregabalin (Gabapentinoid)" in the
 * feature table, "Pregabalin (Lyrica)" over the side effects). When the headers give a drug
 * more than one class, a class minted from a single word that reads like no class — not an
 * abbreviation, not a class word of the lexicon's cues, not an adjective or "-oid" — is not
 * asserted. A drug with one class keeps it: one header alone cannot tell a brand from a class.
 */
import type { Lexicon } from "../lexicon/lexicon.ts";
import { isClassName } from "./columns.ts";
import type { Membership } from "./types.ts";

/** How class names end when they are words: Tricyclic, Multimodal, Gabapentinoid, Stimulant. */
const CLASS_WORD = /(?:ic|al|oid|ant|ive|ary|ergic|ine|one)s?$/i;

export function oneClassPerDrug(
  lexicon: Lexicon,
  memberships: readonly Membership[],
): Membership[] {
  const groups = new Map<string, Set<string>>();
  for (const m of memberships) {
    if (m.relation !== "memberOf") continue;
    groups.set(m.member.id, (groups.get(m.member.id) ?? new Set()).add(m.group.id));
  }
  return memberships.filter(
    (m) => (groups.get(m.member.id)?.size ?? 0) < 2 || readsAsClass(lexicon, m.group.label, m),
  );
}

function readsAsClass(lexicon: Lexicon, label: string, m: Membership): boolean {
  if (!m.group.unnormalised || /\s/.test(label.trim())) return true;
  return (
    isClassName(lexicon, label) || /^\p{Lu}[\p{Lu}\p{N}]+s?$/u.test(label) || CLASS_WORD.test(label)
  );
}
