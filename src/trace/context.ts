/**
 * A quote shown where it stands, like a compiler diagnostic: the document's lines
 * around it with line numbers, and the quoted span marked under each of its lines.
 * Long lines (table rows) are shown in a window around the span.
 */

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const WINDOW = 100;

export function quoteInContext(text: string, span: Span, around = 2): string[] {
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  const first = Math.max(1, span.line - around);
  const last = Math.min(lines.length, span.endLine + around);
  const gutter = String(last).length;
  const out: string[] = [];
  // One window for every line, so the marks stay under the text they mark.
  const from = Math.max(0, span.line === span.endLine ? span.column - 1 - 20 : 0);
  for (let n = first; n <= last; n++) {
    const chars = [...(lines[n - 1] ?? "")];
    const to = Math.min(
      chars.length,
      from + WINDOW + Math.max(0, span.endLine === span.line ? span.endColumn - span.column : 0),
    );
    const shown = chars.slice(from, to).map(visible);
    const head = from > 0 ? "…" : "";
    const tail = to < chars.length ? "…" : "";
    out.push(`${String(n).padStart(gutter)} | ${head}${shown.join("")}${tail}`);
    if (n < span.line || n > span.endLine) continue;
    const markFrom = n === span.line ? span.column - 1 : 0;
    const markTo = n === span.endLine ? span.endColumn - 1 : chars.length;
    const marks = chars.slice(from, to).map((c, i) => {
      const at = from + i;
      const inside = at >= markFrom && at < markTo;
      return inside ? "^".repeat(visible(c).length) : " ".repeat(visible(c).length);
    });
    const line = `${" ".repeat(gutter)} | ${head === "" ? "" : " "}${marks.join("")}`.trimEnd();
    if (line.includes("^")) out.push(line);
  }
  return out;
}

/** Tabs shown as a visible column separator of fixed width. */
function visible(c: string): string {
  return c === "\t" ? " ⇥ " : c;
}
