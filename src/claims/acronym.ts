/**
 * Whether a word is written as an acronym: capitals and digits, at least two of them after
 * the first letter ("SERT", "MT1", "5-HT2A"), or one lower-case prefix before capitals as
 * pharmacology writes many ("mCPP", "hERG", "mTOR", "cAMP", "iNOS"). A parenthesis holding one
 * after a name names the same thing again, not a qualifier of it.
 */
export function isAcronym(word: string): boolean {
  return (
    /^\p{Ll}?[\p{Lu}\p{N}][\p{L}\p{N}-]*$/u.test(word) &&
    /^\p{Ll}?\p{Lu}.*[\p{Lu}\p{N}]|^\p{N}.*\p{Lu}/u.test(word)
  );
}
