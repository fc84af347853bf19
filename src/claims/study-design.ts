/**
 * The design of the study a protocol bullet describes, from the design cues of
 * `ontology/lexicon/cues.tsv`. A study that pools others (a meta-analysis, a network
 * meta-analysis, a systematic review) has its own design only: the words describing the
 * trials it pools ("a meta-analysis of 46 randomised placebo-controlled trials") are theirs,
 * not its own. A negated design word ("non-randomised") is not a design.
 */
import type { Lexicon } from "../lexicon/lexicon.ts";

/** Designs of a study made of other studies. */
const POOLING = new Set(["meta-analysis", "network meta-analysis", "systematic review"]);

/** "of 46 randomised placebo-controlled trials", "pooling 12 double-blind studies": the pooled studies. */
const POOLED =
  /\b(?:of|pooling|pooled|including|included|across|from|combining|covering)\s+(?:[\d,]+\s+)?(?:[\w-]+,?\s+){0,4}?(?:trials|studies|RCTs|experiments)\b/gi;
/** A design word negated: "non-randomised", "not blinded". */
const NEGATED = /(?<![\p{L}-])(?:non-|not\s+)[\p{L}-]+/giu;

export function designOf(lexicon: Lexicon, text: string): string[] {
  const designs = (within: string) => [
    ...new Set(lexicon.matchCues("design", within).map((c) => c.value)),
  ];
  const own = text.replace(NEGATED, " ");
  const all = designs(own);
  if (!all.some((d) => POOLING.has(d))) return all;
  return designs(own.replace(POOLED, " "));
}
