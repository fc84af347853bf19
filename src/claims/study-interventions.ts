/**
 * What the arms of a protocol bullet received: the drugs it names (the lexicon's, those the
 * document's tables name, and, minted and flagged unnormalised, a capitalised name the
 * bullet writes with a dose or an n, "Zorbatine 10 mg/day (n=40)"), or, when it names no
 * drug, its drug classes ("comparing MAOIs with TCAs"). A class the document named in a
 * header ("MAOI") is found in the plural too.
 */
import type { ExtractContext } from "./context.ts";
import { findMentions, mintedEntity, type TermMention } from "./terms.ts";

/** A capitalised name, an optional formulation ("XR", "SR"), then a dose or "(n=". */
const DOSED_NAME =
  /(?<![\p{L}\p{N}-])(\p{Lu}\p{Ll}{3,}(?:-\p{Ll}{3,})?)(?=(?:\s+\p{Lu}{1,3})?\s*(?:\(\s*)?(?:(?:~|≈)\s*)?(?:\d[\d.,]*\s*(?:[-–—]|to)\s*)?\d[\d.]*\s*(?:mg|µg|μg|mcg|g)\b|\s*\(\s*n\s*=)/gu;
/** Capitalised words that name no drug even before a dose or an n. */
const NOT_A_DRUG = new Set(
  "placebo vehicle saline sham control total overall group cohort arm treatment active baseline week day month year phase dose study trial maximum minimum mean median starting target fixed flexible single then initial".split(
    " ",
  ),
);

export function interventions(ctx: ExtractContext, text: string): TermMention[] {
  const named = ctx.documentEntities ?? [];
  const plurals = named
    .filter((t) => t.type === "DrugClass" && !/s$/i.test(t.label))
    .map((t) => ({ ...t, label: `${t.label}s` }));
  const own = new Map(named.map((t) => [t.id, t]));
  const found = findMentions(ctx.lexicon, text, [...named, ...plurals]).map((m) => ({
    ...m,
    term: own.get(m.term.id) ?? m.term,
  }));
  const drugs = [...found.filter((m) => m.term.type === "Drug"), ...dosedNames(text, found)];
  if (drugs.length > 0) return drugs.sort((a, b) => a.start - b.start);
  return found.filter((m) => m.term.type === "DrugClass");
}

/** Names written with a dose or an n that no known mention covers: minted drugs. */
function dosedNames(text: string, known: readonly TermMention[]): TermMention[] {
  const out: TermMention[] = [];
  for (const m of text.matchAll(DOSED_NAME)) {
    const name = m[1] as string;
    const start = m.index;
    const end = start + name.length;
    // plural nouns ("Patients", "Controls") and adverbs ("Initially") name no drug
    if (NOT_A_DRUG.has(name.toLowerCase()) || /(?:s|ly)$/.test(name)) continue;
    if (known.some((k) => k.start < end && start < k.end)) continue;
    out.push({ term: mintedEntity(name, "Drug"), start, end });
  }
  return out;
}
