/**
 * Which strings claimgraph accepts as IRIs when it reads RDF (RFC 3987). n3 refuses spaces,
 * control characters below U+0021 and <>"{}|^`\ in an IRI, written or escaped; this adds what
 * it lets through: DEL and the C1 controls, the characters RFC 3987 leaves out (U+FDD0–U+FDEF,
 * U+FFF0–U+FFFF, each plane's last two code points, the tags block U+E0000–U+E0FFF), the
 * bidirectional formatting characters its section 4.1 forbids (U+200E, U+200F, U+202A–U+202E;
 * and the later isolates U+2066–U+2069), a "%" not followed by two hex digits, and a missing
 * scheme. The structure after the scheme (authority,
 * where "[" and private-use characters stand) is not checked. Lone surrogates cannot reach here:
 * files are decoded strictly and n3 refuses escaped surrogates.
 */

/** Plain ASCII with a scheme and no "%": nearly every IRI, accepted with one anchored test. */
const PLAIN_ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]*$/;
const PLAIN_PART = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** A character no IRI may hold, in UTF-16 code units (astral characters as surrogate pairs). */
const BAD_CHARACTER =
  /[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%\u00A0-\u200D\u2010-\u2029\u202F-\u2065\u206A-\uD7FF\uE000-\uFDCF\uFDF0-\uFFEF\uD800-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uDB40-\uDB43][\uDC00-\uDFFF]/;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;

/**
 * Why `iri` is not an acceptable IRI, or undefined when it is. `relative` allows a reference
 * without a scheme (a base IRI is in force); a prefixed name's local part is checked with
 * `part`, which needs no scheme either.
 */
export function iriProblem(iri: string, relative = false): string | undefined {
  if ((relative ? PLAIN_PART : PLAIN_ABSOLUTE).test(iri)) return undefined;
  return partProblem(iri) ?? (relative || SCHEME.test(iri) ? undefined : "has no scheme");
}

/**
 * Why a prefixed name's local part (as n3 unescaped it) cannot end an IRI. n3 holds it to
 * Turtle's PN_LOCAL, whose characters below U+D800 are all IRI characters and whose "%" always
 * has two hex digits, so only one holding U+D800 or above needs the full check. This runs for
 * every prefixed name read: a loop over the code units costs less than a regular expression.
 */
export function localNameProblem(local: string): string | undefined {
  for (let i = 0; i < local.length; i++) {
    if (local.charCodeAt(i) >= 0xd800) return partProblem(local);
  }
  return undefined;
}

/** Why a piece of an IRI (a local name, a relative reference) cannot stand in one. */
export function partProblem(part: string): string | undefined {
  if (PLAIN_PART.test(part)) return undefined;
  const bad = BAD_CHARACTER.exec(part);
  if (bad) {
    const code = bad[0].codePointAt(0) ?? 0;
    return `holds U+${code.toString(16).toUpperCase().padStart(4, "0")}, which no IRI may contain`;
  }
  return BAD_PERCENT.test(part) ? 'holds a "%" not followed by two hex digits' : undefined;
}

const BAD_CHARACTER_ALL = new RegExp(BAD_CHARACTER.source, "g");
const BAD_PERCENT_ALL = new RegExp(BAD_PERCENT.source, "g");

/**
 * An address read from a document (`Available at: …`, a curated URL) as an IRI that every
 * reader takes: each character no IRI may hold is percent-encoded as its UTF-8 bytes, as a
 * browser does, and so is a "%" not followed by two hex digits. Undefined without a scheme.
 */
export function toIri(address: string): string | undefined {
  if (!SCHEME.test(address)) return undefined;
  if (PLAIN_ABSOLUTE.test(address)) return address;
  return address.replace(BAD_PERCENT_ALL, "%25").replace(BAD_CHARACTER_ALL, (c) =>
    // A lone surrogate has no UTF-8 form; it stands for U+FFFD, as a decoder reads it.
    c.length === 1 && c >= "\uD800" && c <= "\uDFFF" ? "%EF%BF%BD" : encodeURIComponent(c),
  );
}
