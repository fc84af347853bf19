/**
 * The design of the study a protocol bullet describes, from the design cues of
 * `ontology/lexicon/cues.tsv`. A study that pools others (a meta-analysis, a network
 * meta-analysis, a systematic review) has its own design only: the words describing the
 * trials it pools ("a meta-analysis of 46 randomised placebo-controlled trials") are theirs,
 * not its own.
 */
import type { Lexicon } from "../lexicon/lexicon.ts";

/** Designs of a study made of other studies. */
const POOLING = new Set(["meta-analysis", "network meta-analysis", "systematic review"]);

/** "of 46 randomised placebo-controlled trials", "of randomised trials": the pooled studies. */
const POOLED = /\bof\s+(?:[\d,]+\s+)?(?:[\w-]+,?\s+){0,4}?(?:trials|studies|RCTs|experiments)\b/gi;

export function designOf(lexicon: Lexicon, text: string): string[] {
  const designs = (within: string) => [
    ...new Set(lexicon.matchCues("design", within).map((c) => c.value)),
  ];
  const all = designs(text);
  if (!all.some((d) => POOLING.has(d))) return all;
  return designs(text.replace(POOLED, " "));
}
