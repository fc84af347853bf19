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
/** A count written as a word, capitalised or not: "six", "Twelve". */
export const WORD_COUNT = String.raw`\b(?:${Object.keys(NUMBER_WORDS)
  .map((w) => `[${w[0]}${w[0]?.toUpperCase()}]${w.slice(1)}`)
  .join("|")})\b`;

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
 * volunteers", "24 drug-naïve patients", "N = 120", "n=120 in total". "(N = 60)" in
 * parentheses is an arm's when it follows one (`study-arms.ts`), so only `LEADING_N` reads it.
 */
const TOTAL = new RegExp(
  String.raw`\b(?:[Aa] total of|[Tt]otal of|in total|[Oo]verall)\s+(${COUNT})|(${COUNT}|${WORD_COUNT})\s+(?:(?!${NOT_ADJECTIVE})\p{Ll}[\p{L}\p{N}-]*\s+){0,2}(?:${PEOPLE})\b|(?<!\(\s*)\bN\s*=\s*(${COUNT})|\bn\s*=\s*(${COUNT})\s*(?:in total|total|overall)\b`,
  "u",
);
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
  const total = TOTAL.exec(text);
  if (total) return countValue((total[1] ?? total[2] ?? total[3] ?? total[4]) as string);
  for (const m of text.matchAll(LEADING_N)) {
    if (m.index < firstArmAt) return countValue(m[1] as string);
  }
  return undefined;
}
