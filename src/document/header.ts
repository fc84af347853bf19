/**
 * The document header of this template: title (the first `#` heading), the
 * `**Author:** … **Date:** …` line, `## Compound Focus: X`, `CAS No.:`, `Cat. No.:`,
 * and the "To cite this document: Publisher. … Available at: [<url>]" line.
 */
import { cleanText } from "./clean.ts";
import type { SourceText } from "./source-text.ts";
import type { HeaderField, Span } from "./types.ts";

export type HeaderKey =
  | "author"
  | "date"
  | "compoundFocus"
  | "casNumber"
  | "catalogNumber"
  | "publisher"
  | "address";

interface Pattern {
  readonly re: RegExp;
  readonly keys: readonly HeaderKey[];
}

const PARAGRAPH_PATTERNS: readonly Pattern[] = [
  {
    re: /^\*\*Author:\*\*[ \t]*(.+?)\.?[ \t]*\*\*Date:\*\*[ \t]*(.+?)[ \t]*$/,
    keys: ["author", "date"],
  },
  { re: /^\*\*Author:\*\*[ \t]*(.+?)\.?[ \t]*$/, keys: ["author"] },
  { re: /^CAS No\.?:[ \t]*(\S.*?)[ \t]*$/, keys: ["casNumber"] },
  { re: /^Cat\. ?No\.?:[ \t]*(\S.*?)[ \t]*$/, keys: ["catalogNumber"] },
];

const CITE = /^To cite this document:[ \t]*([^.[\]]+?)\./;
const ADDRESS = /Available at:[ \t]*\[?<?(https?:\/\/[^\s>\]]+)>?\]?/;
const FOCUS = /^Compound Focus:[ \t]*(.+)$/;

/** Header fields stated by a paragraph, or undefined when it is not a header line. */
export function headerFieldsOf(
  source: SourceText,
  span: Span,
): Partial<Record<HeaderKey, HeaderField>> | undefined {
  const raw = source.slice(span);
  for (const { re, keys } of PARAGRAPH_PATTERNS) {
    const m = re.exec(raw);
    if (!m) continue;
    const out: Partial<Record<HeaderKey, HeaderField>> = {};
    let from = 0;
    keys.forEach((key, k) => {
      const value = m[k + 1] as string;
      const at = raw.indexOf(value, from);
      from = at + value.length;
      out[key] = field(source, { start: span.start + at, end: span.start + at + value.length });
    });
    return out;
  }
  const cite = CITE.exec(raw);
  if (cite) {
    const out: Partial<Record<HeaderKey, HeaderField>> = {};
    const publisher = cite[1] as string;
    const at = raw.indexOf(publisher);
    out.publisher = field(source, {
      start: span.start + at,
      end: span.start + at + publisher.length,
    });
    const address = ADDRESS.exec(raw);
    if (address) {
      const url = address[1] as string;
      const u = raw.indexOf(url, address.index);
      out.address = {
        value: url,
        span: { start: span.start + u, end: span.start + u + url.length },
      };
    }
    return out;
  }
  return undefined;
}

/** The focus compound of a `## Compound Focus: X` heading. */
export function compoundFocusOf(source: SourceText, heading: Span): HeaderField | undefined {
  const raw = source.slice(heading);
  const m = FOCUS.exec(raw);
  if (!m) return undefined;
  const value = m[1] as string;
  const at = raw.indexOf(value, "Compound Focus:".length);
  return field(source, { start: heading.start + at, end: heading.start + at + value.length });
}

function field(source: SourceText, span: Span): HeaderField {
  return { value: cleanText(source.slice(span), span.start).text, span };
}
