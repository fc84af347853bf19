/**
 * CSV for spreadsheets (RFC 4180): fields with a comma, quote or line break are quoted,
 * quotes doubled, lines ended by CRLF. A cell that starts with = + - @ (or a tab or
 * carriage return) is prefixed with an apostrophe, so a spreadsheet shows it as text
 * instead of running it as a formula.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}
