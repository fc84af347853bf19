/**
 * How many subjects a protocol bullet counts, and whose count it is. A number is read whole,
 * thousands separators included ("14,346" is 14346, never 346). The study's total is a count
 * of people ("279 adult outpatients", "a total of 120", "N=120"), or an "n=" written before the
 * bullet names any arm ("Children with ADHD (n=148) were randomised to …"): an "n=" after an
 * arm is that arm's (`study-arms.ts`), and "n=10 per arm" is every arm's.
 */

/** A count as written: digits, or digits grouped by thousands separators; never a range's upper bound. */
export const COUNT = String.raw`(?<![\d,.\-–—])(?:\d{1,3}(?:,\d{3})+|\d{1,7})(?!,?\d)`;

/** Counts written as words, as protocols write small ones ("Twelve healthy volunteers"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
    "sixteen seventeen eighteen nineteen twenty",
  ]
    .join(" ")
    .split(" ")
    .map((word, k) => [word, k + 1]),
);
/**
 * A count written as a word, capitalised or not: "six", "Twelve"; never a part of a longer
 * number ("Twenty-four", "One hundred", "six-thousand"), which is not read.
 */
export const WORD_COUNT = String.raw`(?<![\p{L}-])(?:${Object.keys(NUMBER_WORDS)
  .map((w) => `[${w[0]}${w[0]?.toUpperCase()}]${w.slice(1)}`)
  .join("|")})(?![\p{L}-])(?!\s+(?:hundred|thousand|million)\b)`;

/** The number a COUNT or WORD_COUNT match stands for. */
export function countValue(text: string): number {
  return NUMBER_WORDS[text.toLowerCase()] ?? Number(text.replace(/,/g, ""));
}

const PEOPLE =
  "patients|participants|subjects|adults|outpatients|inpatients|volunteers|children|adolescents|women|men|individuals|people|smokers";
/** Words that cannot stand between a count and the people it counts ("8 weeks in patients"). */
const NOT_ADJECTIVE = String.raw`(?:days?|weeks?|months?|years?|hours?|mg|in|of|with|and|or|per|to|for|at|the|a|an|who|were|was|had|received|trials?|studies)\b`;

/**
 * A count of the whole study: "a total of 120", "279 adult outpatients", "Twelve healthy
 * volunteers", "24 drug-naïve patients", "N = 120", "n=120 in total". A "(N = 60)" written after
 * each arm counts the arms (`capitalsPerArm`); then only `LEADING_N` reads one as the study's.
 */
const totalPattern = (parenthesisedN: boolean) =>
  new RegExp(
    String.raw`\b(?:[Aa] total of|[Tt]otal of|in total|[Oo]verall)\s+(${COUNT})|(${COUNT}|${WORD_COUNT})\s+(?:(?!${NOT_ADJECTIVE})\p{Ll}[\p{L}\p{N}-]*\s+){0,2}(?:${PEOPLE})\b|${parenthesisedN ? "" : String.raw`(?<!\(\s*)`}\bN\s*=\s*(${COUNT})|\bn\s*=\s*(${COUNT})\s*(?:in total|total|overall)\b`,
    "u",
  );
const TOTAL = totalPattern(true);
const TOTAL_BESIDE_ARMS = totalPattern(false);
/** "(N = 60)", "(N=3,097)": a count in parentheses with a capital N. */
const PARENTHESISED_N = new RegExp(String.raw`\(\s*N\s*=\s*${COUNT}\s*\)`, "g");

/** Whether "(N = …)" is written more than once, after each arm: then each is its arm's n. */
export function capitalsPerArm(text: string): boolean {
  return (text.match(PARENTHESISED_N) ?? []).length >= 2;
}
/** An "n=" or "N =" before any arm; one that counts every arm ("n=10 per arm") is not the study's total. */
const LEADING_N = new RegExp(
  String.raw`\b[nN]\s*=\s*(${COUNT})(?!\s*(?:per\b|in each\b|each\b|\/|[-–—]\s*\d))`,
  "g",
);

/**
 * The study's total n in `text`; `firstArmAt` is where the bullet first names an arm (its
 * length when it names none).
 */
export function totalSizeOf(text: string, firstArmAt: number): number | undefined {
  const total = (capitalsPerArm(text) ? TOTAL_BESIDE_ARMS : TOTAL).exec(text);
  if (total) return countValue((total[1] ?? total[2] ?? total[3] ?? total[4]) as string);
  for (const m of text.matchAll(LEADING_N)) {
    if (m.index < firstArmAt) return countValue(m[1] as string);
  }
  return undefined;
}
