/**
 * Tab-separated tables: the first row is the header, the first column holds row
 * labels, and every row has as many cells as the header. Each cell keeps its span,
 * display text and citation markers.
 */
import type { Diagnostic } from "../errors.ts";
import { markersWithin } from "./citations.ts";
import { cleanText } from "./clean.ts";
import type { SourceText } from "./source-text.ts";
import type { CitationMarker, Section, Span, Table, TableCell, TableRow } from "./types.ts";

export function parseTable(
  source: SourceText,
  rows: readonly Span[],
  index: number,
  section: Section | undefined,
  citations: readonly CitationMarker[],
  diagnostics: Diagnostic[],
): Table | undefined {
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) return undefined;
  const header = cellsOf(source, headerRow, section, citations);
  if (header.length < 2) return undefined;
  const out: TableRow[] = [];
  dataRows.forEach((row) => {
    const cells = cellsOf(source, row, section, citations);
    if (cells.length !== header.length) {
      diagnostics.push(
        source.diagnostic(
          "RaggedTableRow",
          row.start,
          `table row has ${cells.length} cells but the header has ${header.length}`,
          "separate every column with exactly one tab; an empty cell still needs its tab",
          source.slice(row),
        ),
      );
      return;
    }
    const [label, ...data] = cells;
    if (!label) return;
    out.push({ index: out.length + 1, span: row, label, cells: data });
  });
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
