/**
 * The numbered reference list: `N. Title as given ... [host]`. A title that ends in
 * "..." (or "…") is marked cut short; the host in brackets is kept as given.
 */
import type { Diagnostic } from "../errors.ts";
import { cleanText } from "./clean.ts";
import type { SourceText } from "./source-text.ts";
import type { ReferenceEntry, Span } from "./types.ts";

const ENTRY = /^(\d{1,9})\.[ \t]+(.*?)[ \t]*(?:\[([^\]\s]+)\])?[ \t]*$/s;
const ELLIPSIS = /(?:\.\.\.|…)\s*$/;

export function parseReferenceEntry(
  source: SourceText,
  span: Span,
  diagnostics: Diagnostic[],
): ReferenceEntry | undefined {
  const raw = source.slice(span);
  const m = ENTRY.exec(raw);
  if (!m) {
    diagnostics.push(
      source.diagnostic(
        "MalformedReference",
        span.start,
        "a reference entry must read `N. Title [host]`",
        "number the entry and put its host in square brackets",
        raw,
      ),
    );
    return undefined;
  }
  const number = Number(m[1]);
  const titleRaw = m[2] as string;
  const titleStart = span.start + raw.indexOf(titleRaw, (m[1] as string).length);
  const truncated = ELLIPSIS.test(titleRaw);
  const display = cleanText(titleRaw.replace(ELLIPSIS, ""), titleStart).text;
  if (display === "") {
    diagnostics.push(
      source.diagnostic(
        "MalformedReference",
        span.start,
        `reference ${number} has no title`,
        "give the title of the cited work after the number",
        raw,
      ),
    );
  }
  return { number, titleAsGiven: display, truncated, host: m[3], span };
}
