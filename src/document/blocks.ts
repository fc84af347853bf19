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

/** The text cut into blocks: headings, rules, tables, list items and paragraphs, skipping blank lines. */
export function splitBlocks(source: SourceText): Block[] {
  const lines = splitLines(source);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if ((lines[i] as Line).text.trim() === "") {
      i++;
      continue;
    }
    const [block, next] = blockAt(lines, i);
    blocks.push(block);
    i = next;
  }
  return blocks;
}

/** The block that starts at line `i` (not blank), and the index of the line after it. */
function blockAt(lines: readonly Line[], i: number): [Block, number] {
  const line = lines[i] as Line;
  const heading = headingOf(line.text);
  if (heading) {
    const block: Block = {
      kind: "heading",
      level: heading.level,
      span: { start: line.start, end: line.end },
      text: { start: line.start + heading.start, end: line.start + heading.end },
    };
    return [block, i + 1];
  }
  if (RULE.test(line.text))
    return [{ kind: "rule", span: { start: line.start, end: line.end } }, i + 1];
  if (line.text.includes("\t")) return tableAt(lines, i);
  const bullet = BULLET.exec(line.text);
  const numbered = bullet ? null : NUMBERED.exec(line.text);
  const { end, next } = continued(lines, i);
  if (bullet || numbered) {
    const lead = (bullet ?? numbered)?.[0] as string;
    const block: Block = {
      kind: "item",
      span: { start: line.start, end },
      content: { start: line.start + lead.length, end },
      number: numbered ? Number(numbered[1]) : undefined,
    };
    return [block, next];
  }
  return [{ kind: "paragraph", span: { start: line.start, end } }, next];
}

/** The run of lines holding a tab from line `i` on, as one table. */
function tableAt(lines: readonly Line[], i: number): [Block, number] {
  const rows: Span[] = [];
  let next = i;
  while (next < lines.length && (lines[next] as Line).text.includes("\t")) {
    const row = lines[next] as Line;
    rows.push({ start: row.start, end: row.end });
    next++;
  }
  const span = { start: (rows[0] as Span).start, end: (rows.at(-1) as Span).end };
  return [{ kind: "table", span, rows }, next];
}

/** Where the item or paragraph starting at line `i` ends, with the lines that continue it. */
function continued(lines: readonly Line[], i: number): { end: number; next: number } {
  let end = (lines[i] as Line).end;
  let next = i + 1;
  while (next < lines.length && isContinuation((lines[next] as Line).text)) {
    end = (lines[next] as Line).end;
    next++;
  }
  return { end, next };
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
