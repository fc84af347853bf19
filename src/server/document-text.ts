/**
 * A whole document as the reader shows it: its display text, cleaned as quotes are
 * (`document/clean.ts`: tags, entities, TeX → Unicode, emphasis) line by line and cell by
 * cell, so lines, blank lines and table cells (a tab between them) stay where they were.
 * Citation markers stay in the text (the reader makes them links). Every display
 * character keeps the raw span it came from, so a claim's raw character range maps to
 * exact spans of the display text.
 */
import { cleanText } from "../document/clean.ts";

/** Display text with, for each UTF-16 unit, the raw UTF-16 span it came from. */
export interface DisplayDocument {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** The citation markers of the display text: `[n]` at [start, end). */
  readonly markers: ReadonlyArray<{
    readonly start: number;
    readonly end: number;
    readonly number: number;
  }>;
}

/** A span of display text: [start, end) in UTF-16 units. */
export type Span = readonly [number, number];

const HEADING = /^#{1,6}[ \t]+/;
const MARKER = /\[(\d{1,6})\]/g;

/** `raw` as display text: one display line per raw line, runs of blank lines folded to one. */
export function displayDocument(raw: string): DisplayDocument {
  const out: Builder = { chars: [], starts: [], ends: [] };
  let gap = false;
  let offset = 0;
  for (const line of raw.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    const body = line.endsWith("\r") ? line.slice(0, -1) : line;
    const heading = HEADING.exec(body)?.[0].length ?? 0;
    const cells = cleanCells(body.slice(heading), lineStart + heading);
    if (cells.every((c) => c.text === "")) {
      gap = true;
      continue;
    }
    // The line break before this line, and one blank line for any run of them.
    if (out.chars.length > 0) {
      add(out, "\n", lineStart - 1);
      if (gap) add(out, "\n", lineStart - 1);
    }
    gap = false;
    cells.forEach((cell, i) => {
      if (i > 0) add(out, "\t", cell.tab);
      for (let k = 0; k < cell.text.length; k++) {
        out.chars.push(cell.text[k] as string);
        out.starts.push(cell.starts[k] as number);
        out.ends.push(cell.ends[k] as number);
      }
    });
  }
  const text = out.chars.join("");
  return { text, starts: out.starts, ends: out.ends, markers: markersOf(text, raw, out) };
}

interface Builder {
  readonly chars: string[];
  readonly starts: number[];
  readonly ends: number[];
}

function add(out: Builder, ch: string, rawAt: number): void {
  out.chars.push(ch);
  out.starts.push(rawAt);
  out.ends.push(rawAt + 1);
}

/** A line's tab-separated cells, each cleaned, with the raw offset of the tab before it. */
function cleanCells(line: string, at: number) {
  const cells = [];
  let from = 0;
  for (const cell of line.split("\t")) {
    cells.push({ ...cleanText(cell, at + from, { dropMarkers: false }), tab: at + from - 1 });
    from += cell.length + 1;
  }
  // Trailing empty cells (a ragged row's tabs) show nothing.
  while (cells.length > 1 && cells.at(-1)?.text === "") cells.pop();
  return cells;
}

/** The `[n]` of the display text that are markers in the raw text (not, say, TeX brackets). */
function markersOf(text: string, raw: string, out: Builder): DisplayDocument["markers"] {
  const found: Array<{ start: number; end: number; number: number }> = [];
  for (const m of text.matchAll(MARKER)) {
    const start = m.index;
    const end = start + m[0].length;
    const rawText = raw.slice(out.starts[start], out.ends[end - 1]);
    if (rawText === m[0]) found.push({ start, end, number: Number(m[1]) });
  }
  return found;
}

/**
 * The display spans of the raw range [rawStart, rawEnd): the display characters that come
 * from inside it, less its citation markers (and the space before each), trimmed. A claim's
 * spans are what its display quote reads: joined, they give `cleanText` of its raw quote.
 */
export function spansOf(doc: DisplayDocument, rawStart: number, rawEnd: number): Span[] {
  const from = firstIndex(doc.starts, rawStart);
  // The display characters whose raw span ends at or before rawEnd.
  const to = firstIndex(doc.ends, rawEnd + 1);
  const pieces: Array<[number, number]> = [];
  let at = from;
  for (const m of doc.markers) {
    if (m.end <= from || m.start >= to) continue;
    let cut = m.start;
    while (cut > at && isSpace(doc.text[cut - 1])) cut--;
    pieces.push([at, cut]);
    at = Math.max(at, m.end);
  }
  pieces.push([at, to]);
  const spans = pieces.filter(([s, e]) => e > s);
  const first = spans[0];
  const last = spans.at(-1);
  if (first) while (first[0] < first[1] && isSpace(doc.text[first[0]])) first[0]++;
  if (last) while (last[1] > last[0] && isSpace(doc.text[last[1] - 1])) last[1]--;
  return spans.filter(([s, e]) => e > s);
}

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n";
}

/** The index of the first element of sorted `list` that is ≥ `value`. */
function firstIndex(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Code-point offsets (what `oa:start`/`oa:end` count) → UTF-16 offsets of `text`. */
export function utf16Offsets(text: string): (codePoints: number) => number {
  const pairs: number[] = []; // code-point index of each character that takes two units
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(cp);
        i++;
      }
    }
  }
  // Each pair before the offset adds one unit.
  return (codePoints) => codePoints + firstIndex(pairs, codePoints);
}
