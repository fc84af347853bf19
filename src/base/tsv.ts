/**
 * A small reader for the tab-separated tables claimgraph keeps its lexicon and
 * curation in: `#` comment lines, one header row, then rows with exactly as many
 * fields. Each row keeps its line number so problems are reported where they are.
 */
import type { Diagnostic } from "./errors.ts";

export interface TsvRow {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
  /** Column (1-based, code points) at which each field starts. */
  readonly columns: Readonly<Record<string, number>>;
}

export function readTsv(
  file: string,
  text: string,
  required: readonly string[],
  diagnostics: Diagnostic[],
): TsvRow[] {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  let header: string[] | undefined;
  const rows: TsvRow[] = [];
  lines.forEach((raw, index) => {
    const lineText = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const line = index + 1;
    if (lineText.trim() === "" || lineText.startsWith("#")) return;
    const cells = lineText.split("\t");
    if (!header) {
      header = cells.map((c) => c.trim());
      for (const d of missingColumns(file, line, header, required)) diagnostics.push(d);
      return;
    }
    if (cells.length > header.length) {
      diagnostics.push({
        code: "RaggedRow",
        severity: "error",
        file,
        line,
        column: 1,
        message: `the row has ${cells.length} fields but the header has ${header.length}`,
        hint: "separate fields with exactly one tab; a tab inside a field is not allowed",
      });
      return;
    }
    rows.push(tsvRow(line, header, cells));
  });
  return rows;
}

/** A diagnostic for each required column the header row lacks. */
function missingColumns(
  file: string,
  line: number,
  header: readonly string[],
  required: readonly string[],
): Diagnostic[] {
  return required
    .filter((name) => !header.includes(name))
    .map((name) => ({
      code: "MissingColumn",
      severity: "error",
      file,
      line,
      column: 1,
      message: `the header row has no "${name}" column`,
      hint: `the columns are: ${required.join(", ")} (tab-separated)`,
    }));
}

/** A row's fields by column name, trimmed, with the column each starts at. */
function tsvRow(line: number, header: readonly string[], cells: readonly string[]): TsvRow {
  const fields: Record<string, string> = {};
  const columns: Record<string, number> = {};
  let column = 1;
  header.forEach((name, k) => {
    const value = cells[k] ?? "";
    fields[name] = value.trim();
    columns[name] = column;
    column += [...value].length + 1;
  });
  return { line, fields, columns };
}

/**
 * A problem in one field of a row, located at the row's line and the field's column, with the
 * field's text (when the row has that column): what every TSV reader reports.
 */
export function fieldDiagnostic(
  file: string,
  row: TsvRow,
  column: string,
  code: string,
  message: string,
  hint: string,
): Diagnostic {
  const text = row.fields[column];
  return {
    code,
    severity: "error",
    file,
    line: row.line,
    column: row.columns[column] ?? 1,
    message,
    hint,
    ...(text !== undefined ? { text } : {}),
  };
}
