/**
 * Sentence boundaries in display text. A sentence ends at `.`, `!` or `?` followed by
 * white space and a capital, a digit or an opening bracket, outside parentheses and
 * not after a known abbreviation ("e.g.", "vs.", "et al.", "Ph.D.").
 */

const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "vs",
  "al",
  "approx",
  "fig",
  "figs",
  "no",
  "nos",
  "dr",
  "prof",
  "ph.d",
  "etc",
  "cf",
  "ca",
  "resp",
  "i.p",
  "i.v",
  "s.c",
  "p.o",
  "b.i.d",
  "t.i.d",
  "st",
  "mr",
  "mrs",
  "ms",
  "inc",
  "ltd",
  "co",
]);

/** Display-text ranges [start, end) of the sentences in `text`. */
export function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    if (depth > 0 || (c !== "." && c !== "!" && c !== "?")) continue;
    let end = i + 1;
    while (end < text.length && /["')\u201d\u2019]/.test(text[end] as string)) end++;
    if (text[end] !== " ") continue;
    const next = text[end + 1];
    if (next === undefined || !/[\p{Lu}\p{N}"(\u201c[]/u.test(next)) continue;
    if (c === "." && isAbbreviation(text, start, i)) continue;
    out.push([start, end]);
    start = end + 1;
  }
  if (start < text.length) out.push([start, text.length]);
  return out.filter(([a, b]) => text.slice(a, b).trim() !== "");
}

function isAbbreviation(text: string, from: number, dot: number): boolean {
  let w = dot;
  while (w > from && /[\p{L}.]/u.test(text[w - 1] as string)) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter before the dot is an initial ("J. Smith", "by J. Smith"), unless
  // a noun comes before it: "substance P.", "vitamin D.", "hepatitis C." end a sentence.
  if (!/^\p{Lu}$/u.test(text.slice(w, dot))) return false;
  const before = /(?<![\p{L}-])(\p{Ll}[\p{L}-]*)\s+$/u.exec(
    text.slice(Math.max(from, w - 40), w),
  )?.[1];
  return before === undefined || NAME_LEADS.has(before);
}

/** Lower-case words a person's initial follows: "by J. Smith", "and A. B. Jones". */
const NAME_LEADS = new Set([
  "by",
  "and",
  "or",
  "with",
  "of",
  "to",
  "from",
  "for",
  "et",
  "per",
  "von",
  "van",
  "de",
]);
