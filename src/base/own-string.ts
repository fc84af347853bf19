/**
 * A string of its own. V8 keeps a string cut from a larger one (`slice`, a regular expression's
 * match, a parser's term) as a view of the larger one, and a string built by `+` as a pair of
 * its parts: either keeps the larger string alive. A name read from a piece of a large file and
 * kept after the piece is done would keep the whole piece. Prepending a character makes a pair,
 * and cutting it off again makes V8 copy the pair into one new string first: the result views
 * only that copy, `s.length + 1` characters. Short strings are copied anyway.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
