/**
 * The top level of a JSON-LD document shaped as claimgraph writes it, `{"@context": {…},
 * "@graph": [entry, …]}`, found in its UTF-8 bytes without parsing the entries: each entry can
 * then be decoded and turned into RDF on its own, a few at a time, instead of the whole document
 * at once. For such a document the entries' quads together are the document's quads: the
 * top-level object is no node, so each entry is a top-level node object (or named graph) of its
 * own. Only ASCII bytes are looked at, and no byte of a multi-byte UTF-8 character is ASCII.
 */

export interface JsonLdEntries {
  /** Where the `@context` value (a JSON object) starts and ends (exclusive). */
  readonly context: readonly [number, number];
  /** Start and end (exclusive) of each entry of `@graph`, in pairs. */
  readonly spans: readonly number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The context and entries of the document in `bytes`, or undefined when it is not exactly one
 * object with an object `@context` and an array `@graph` and nothing else, or holds `@index`
 * (which JSON-LD checks across the whole document). Entries are only delimited here;
 * `JSON.parse` checks each one.
 */
export function jsonLdEntries(bytes: Buffer): JsonLdEntries | undefined {
  if (bytes.includes('"@index"')) return undefined;
  let context: [number, number] | undefined;
  let spans: number[] | undefined;
  let at = skipSpace(bytes, 0);
  if (bytes[at] !== OPEN_BRACE) return undefined;
  at = skipSpace(bytes, at + 1);
  for (;;) {
    const keyEnd = stringEnd(bytes, at);
    if (keyEnd < 0) return undefined;
    const key = bytes.toString("latin1", at + 1, keyEnd - 1);
    at = skipSpace(bytes, keyEnd);
    if (bytes[at] !== COLON) return undefined;
    at = skipSpace(bytes, at + 1);
    if (key === "@context" && context === undefined && bytes[at] === OPEN_BRACE) {
      const end = valueEnd(bytes, at);
      if (end < 0) return undefined;
      context = [at, end];
      at = end;
    } else if (key === "@graph" && spans === undefined && bytes[at] === OPEN_BRACKET) {
      spans = [];
      at = skipSpace(bytes, at + 1);
      if (bytes[at] !== CLOSE_BRACKET) {
        for (;;) {
          const end = valueEnd(bytes, at);
          if (end < 0) return undefined;
          spans.push(at, end);
          at = skipSpace(bytes, end);
          if (bytes[at] === CLOSE_BRACKET) break;
          if (bytes[at] !== COMMA) return undefined;
          at = skipSpace(bytes, at + 1);
        }
      }
      at++;
    } else return undefined;
    at = skipSpace(bytes, at);
    if (bytes[at] === CLOSE_BRACE) break;
    if (bytes[at] !== COMMA) return undefined;
    at = skipSpace(bytes, at + 1);
  }
  if (skipSpace(bytes, at + 1) !== bytes.length || context === undefined || spans === undefined)
    return undefined;
  return { context, spans };
}

/** The first position from `at` that is not JSON whitespace. */
function skipSpace(bytes: Buffer, at: number): number {
  let i = at;
  for (;;) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** Just past the string starting at `at`, or -1 when none starts there or it does not end. */
function stringEnd(bytes: Buffer, at: number): number {
  if (bytes[at] !== QUOTE) return -1;
  let i = at + 1;
  for (;;) {
    const quote = bytes.indexOf(QUOTE, i);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
}

/** Just past the JSON value starting at `at` (brackets matched, strings skipped), or -1. */
function valueEnd(bytes: Buffer, at: number): number {
  const first = bytes[at];
  if (first === QUOTE) return stringEnd(bytes, at);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let i = at;
    while (i < bytes.length && !ENDS_SCALAR.has(bytes[i] as number)) i++;
    return i === at ? -1 : i;
  }
  let depth = 0;
  for (let i = at; i < bytes.length; ) {
    const c = bytes[i];
    if (c === QUOTE) {
      i = stringEnd(bytes, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

const ENDS_SCALAR = new Set([0x20, 0x0a, 0x0d, 0x09, COMMA, CLOSE_BRACE, CLOSE_BRACKET]);
