/**
 * A quote shown where it stands, like a compiler diagnostic: the document's lines
 * around it with line numbers, and the quoted span marked under each of its lines.
 * Long lines (table rows) are shown in a window that starts a little before the quote. Carets
 * are as wide as the characters above them on a terminal (a CJK character takes two columns).
 */
import { displayWidth } from "../base/display-width.ts";

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const WINDOW = 100;
const LEAD = 20;

export function quoteInContext(text: string, span: Span, around = 2): string[] {
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  const first = Math.max(1, span.line - around);
  const last = Math.min(lines.length, span.endLine + around);
  const gutter = String(last).length;
  const out: string[] = [];
  // The first line of the quote opens its window just before the quote; lines after it,
  // where the quote continues from column 1, open at column 1. Context lines follow the
  // nearest quoted line, so the table columns stay under each other.
  const startFrom = Math.max(0, span.column - 1 - LEAD);
  const singleLineWidth =
    span.line === span.endLine ? Math.max(0, span.endColumn - span.column) : 0;
  for (let n = first; n <= last; n++) {
    const chars = [...(lines[n - 1] ?? "")];
    const from = n <= span.line ? startFrom : 0;
    const to = Math.min(chars.length, from + WINDOW + singleLineWidth);
    const shown = chars.slice(from, to).map(visible);
    const head = from > 0 ? "…" : "";
    const tail = to < chars.length ? "…" : "";
    out.push(`${String(n).padStart(gutter)} | ${head}${shown.join("")}${tail}`);
    if (n < span.line || n > span.endLine) continue;
    const markFrom = n === span.line ? span.column - 1 : 0;
    const markTo = n === span.endLine ? span.endColumn - 1 : chars.length;
    const marks = chars.slice(from, to).map((c, i) => {
      const at = from + i;
      const width = c === "\t" ? TAB.length : displayWidth(c);
      return at >= markFrom && at < markTo ? "^".repeat(width) : " ".repeat(width);
    });
    const line = `${" ".repeat(gutter)} | ${head === "" ? "" : " "}${marks.join("")}`.trimEnd();
    if (line.includes("^")) out.push(line);
  }
  return out;
}

const TAB = " ⇥ ";

/** Tabs shown as a visible column separator of fixed width; other characters as they are. */
function visible(c: string): string {
  return c === "\t" ? TAB : c;
}
