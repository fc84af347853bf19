/**
 * Text an XML file can hold: XML 1.0 forbids most C0 controls, U+FFFE, U+FFFF and lone
 * surrogates anywhere — escaped or not — and a strict reader (Gephi's, Cytoscape's) refuses
 * the whole file for one of them. Dropping them keeps the rest readable.
 */

const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 cannot hold. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Text for an XML attribute value or element: only characters XML allows, escaped. */
export function xmlEscaped(text: string): string {
  return xmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;");
}
