/**
 * Splits a document into line-based blocks: headings, paragraphs, tab-separated
 * tables, list items (bullets and numbered entries) and rules. Spans exclude line
 * endings (`\n` and `\r\n`) and a leading byte-order mark.
 */
import type { SourceText } from "./source-text.ts";
import type { Span } from "./types.ts";

export type Block =
  | { readonly kind: "heading"; readonly level: number; readonly span: Span; readonly text: Span }
  | { readonly kind: "paragraph"; readonly span: Span }
  | { readonly kind: "table"; readonly span: Span; readonly rows: readonly Span[] }
  | {
      readonly kind: "item";
      readonly span: Span;
      /** The item's text after its `-` or `N.` marker. */
      readonly content: Span;
      readonly number: number | undefined;
    }
  | { readonly kind: "rule"; readonly span: Span };

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const HEADING_MARKS = /^#{1,6}[ \t]/;
/** What `.` does not match: a heading holding one is no heading (as under `/^#… (.*)$/`). */
const LINE_TERMINATOR = /[\r\u2028\u2029]/;
const BULLET = /^[ \t]*[-*+][ \t]+/;
const NUMBERED = /^[ \t]*(\d{1,9})\.[ \t]+/;
const RULE = /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/;

export function splitLines(source: SourceText): Line[] {
  const text = source.text;
  const lines: Line[] = [];
  for (let n = 0; n < source.lineStarts.length; n++) {
    let start = source.lineStarts[n] as number;
    const next = source.lineStarts[n + 1];
    let end = next === undefined ? text.length : next - 1;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (n === 0 && text.charCodeAt(0) === 0xfeff) start++;
    lines.push({ start, end, text: text.slice(start, end) });
  }
  return lines;
}

export function splitBlocks(source: SourceText): Block[] {
  const lines = splitLines(source);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (line.text.trim() === "") {
      i++;
      continue;
    }
    const heading = headingOf(line.text);
    if (heading) {
      blocks.push({
        kind: "heading",
        level: heading.level,
        span: { start: line.start, end: line.end },
        text: { start: line.start + heading.start, end: line.start + heading.end },
      });
      i++;
      continue;
    }
    if (RULE.test(line.text)) {
      blocks.push({ kind: "rule", span: { start: line.start, end: line.end } });
      i++;
      continue;
    }
    if (line.text.includes("\t")) {
      const rows: Span[] = [];
      while (i < lines.length && (lines[i] as Line).text.includes("\t")) {
        const row = lines[i] as Line;
        rows.push({ start: row.start, end: row.end });
        i++;
      }
      blocks.push({
        kind: "table",
        span: { start: (rows[0] as Span).start, end: (rows.at(-1) as Span).end },
        rows,
      });
      continue;
    }
    const bullet = BULLET.exec(line.text);
    const numbered = bullet ? null : NUMBERED.exec(line.text);
    if (bullet || numbered) {
      const lead = (bullet ?? numbered)?.[0] as string;
      let end = line.end;
      i++;
      while (i < lines.length && isContinuation((lines[i] as Line).text)) {
        end = (lines[i] as Line).end;
        i++;
      }
      blocks.push({
        kind: "item",
        span: { start: line.start, end },
        content: { start: line.start + lead.length, end },
        number: numbered ? Number(numbered[1]) : undefined,
      });
      continue;
    }
    const start = line.start;
    let end = line.end;
    i++;
    while (i < lines.length && isContinuation((lines[i] as Line).text)) {
      end = (lines[i] as Line).end;
      i++;
    }
    blocks.push({ kind: "paragraph", span: { start, end } });
  }
  return blocks;
}

function isContinuation(text: string): boolean {
  return (
    text.trim() !== "" &&
    !headingOf(text) &&
    !RULE.test(text) &&
    !text.includes("\t") &&
    !BULLET.test(text) &&
    !NUMBERED.test(text)
  );
}

/**
 * A `#` heading: its level and where its text starts and ends in the line, leading blanks
 * and closing `#`s left out. Trimmed by hand: `/^(#{1,6})[ \t]+(.*?)[ \t#]*$/`, which it
 * replaces, backtracks quadratically over a long run of spaces.
 */
function headingOf(text: string): { level: number; start: number; end: number } | undefined {
  if (!HEADING_MARKS.test(text) || LINE_TERMINATOR.test(text)) return undefined;
  let level = 0;
  while (text[level] === "#") level++;
  const blank = (c: string | undefined) => c === " " || c === "\t";
  let start = level;
  while (blank(text[start])) start++;
  let end = text.length;
  while (end > start && (blank(text[end - 1]) || text[end - 1] === "#")) end--;
  // An empty heading's text stands right after its marks, as it always has.
  return end === start ? { level, start: level, end: level } : { level, start, end };
}
