/**
 * Tab-separated tables: the first row is the header, the first column holds row
 * labels, and every row has as many cells as the header. Each cell keeps its span,
 * display text and citation markers. A row may have at most `MAX_TABLE_COLUMNS` cells.
 */
import type { Diagnostic } from "../base/errors.ts";
import { markersWithin } from "./citations.ts";
import { cleanText } from "./clean.ts";
import type { SourceText } from "./source-text.ts";
import type { CitationMarker, Section, Span, Table, TableCell, TableRow } from "./types.ts";

/** The most cells a table row may have: the row label and 63 data columns. */
export const MAX_TABLE_COLUMNS = 64;

export function parseTable(
  source: SourceText,
  rows: readonly Span[],
  index: number,
  section: Section | undefined,
  citations: readonly CitationMarker[],
  diagnostics: Diagnostic[],
): Table | undefined {
  // Checked before any cell is built, so a line of a million tabs costs one scan of it.
  const wide = tooWide(source, rows);
  if (wide) {
    diagnostics.push(wide);
    return undefined;
  }
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return undefined;
  const header = cellsOf(source, headerRow, section, citations);
  if (header.length < 2) return undefined;
  const out = tableRows(source, dataRows, header.length, section, citations, diagnostics);
  if (out.length === 0) {
    diagnostics.push(
      source.diagnostic(
        "EmptyTable",
        headerRow.start,
        "the table has a header row but no data rows",
        "add rows under the header, or remove the table",
        undefined,
        "warning",
      ),
    );
  }
  return {
    index,
    span: { start: headerRow.start, end: (rows.at(-1) as Span).end },
    section,
    header,
    rows: out,
  };
}

/** The data rows with as many cells as the header; a ragged row is reported and left out. */
function tableRows(
  source: SourceText,
  rows: readonly Span[],
  width: number,
  section: Section | undefined,
  citations: readonly CitationMarker[],
  diagnostics: Diagnostic[],
): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    const cells = cellsOf(source, row, section, citations);
    if (cells.length !== width) {
      diagnostics.push(
        source.diagnostic(
          "RaggedTableRow",
          row.start,
          `table row has ${cells.length} cells but the header has ${width}`,
          "separate every column with exactly one tab; an empty cell still needs its tab",
          source.slice(row),
        ),
      );
      continue;
    }
    const [label, ...data] = cells;
    if (label) out.push({ index: out.length + 1, span: row, label, cells: data });
  }
  return out;
}

/**
 * `TableTooWide` at the first row with more than `MAX_TABLE_COLUMNS` cells, pointing at
 * its first cell past the limit; the table is then not read at all (its other rows would
 * only repeat the error or be ragged against it).
 */
function tooWide(source: SourceText, rows: readonly Span[]): Diagnostic | undefined {
  let over = 0;
  let first: { cells: number; at: number } | undefined;
  for (const row of rows) {
    let cells = 1;
    let at = -1;
    for (let i = row.start; i < row.end; i++) {
      if (source.text.charCodeAt(i) !== 9) continue;
      cells++;
      if (cells === MAX_TABLE_COLUMNS + 1) at = i + 1;
    }
    if (cells <= MAX_TABLE_COLUMNS) continue;
    over++;
    first ??= { cells, at };
  }
  if (!first) return undefined;
  const others = over > 1 ? ` (${over} rows of this table are over it)` : "";
  return source.diagnostic(
    "TableTooWide",
    first.at,
    `table row has ${first.cells} cells; the limit is ${MAX_TABLE_COLUMNS}${others}`,
    `a table may have at most ${MAX_TABLE_COLUMNS} columns, the row label included; split it into narrower tables, or remove stray tabs (a tab separates two cells)`,
  );
}

function cellsOf(
  source: SourceText,
  row: Span,
  section: Section | undefined,
  citations: readonly CitationMarker[],
): TableCell[] {
  const cells: TableCell[] = [];
  let start = row.start;
  for (let i = row.start; i <= row.end; i++) {
    if (i < row.end && source.text[i] !== "\t") continue;
    let a = start;
    let b = i;
    while (a < b && /\s/.test(source.text[a] as string)) a++;
    while (b > a && /\s/.test(source.text[b - 1] as string)) b--;
    const span = { start: a, end: b };
    cells.push({
      kind: "cell",
      columnIndex: cells.length + 1,
      span,
      display: cleanText(source.slice(span), a),
      citations: markersWithin(citations, span),
      section,
    });
    start = i + 1;
  }
  return cells;
}
