/**
 * `claimgraph compare`'s table for people: the features and effects as rows, the drugs as
 * columns, each cell the document's words with their citation numbers (a quote read into
 * several claims once), "(null: …)" for a cell the document left without a statement and "—"
 * for one no document fills, then the references the numbers stand for. Columns are aligned
 * in display columns (CJK characters take two, combining marks none) and cut at `maxCell`
 * when given, as a terminal wants; whole when piped.
 */
import { clipToWidth, displayWidth, padToWidth } from "../base/display-width.ts";
import type { CompareCell, CompareClaim, CompareRow, Comparison } from "./compare.ts";
import { type AnnotatedCell, supportText } from "./compare-agreement.ts";

export interface CompareTableOptions {
  readonly maxCell?: number | undefined;
}

export function compareTable(c: Comparison, options: CompareTableOptions = {}): string {
  if (c.rows.length === 0) return "(no claims about these drugs)";
  const several = c.documents.length > 1;
  const head = ["feature", ...c.columns.map((col) => col.label)];
  const body = c.rows.map((row) => [rowLabel(row), ...row.cells.map((x) => cellText(x, several))]);
  const limit = options.maxCell ?? Number.POSITIVE_INFINITY;
  const widths = head.map((h, i) =>
    Math.min(limit, Math.max(displayWidth(h), ...body.map((b) => displayWidth(b[i] ?? "")))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((s, i) => padToWidth(clipToWidth(s, widths[i] ?? 0), widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [
    line(head),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...body.map(line),
    "",
    ...viaLines(c),
    ...referenceLines(c, several),
  ].join("\n");
}

/** The classes whose claims a column shows (marked "*" in its cells), those that gave any. */
function viaLines(c: Comparison): string[] {
  return c.columns.flatMap((col, i) => {
    const used = new Set(c.rows.flatMap((r) => r.cells[i]?.claims.map((x) => x.via?.id) ?? []));
    const via = col.via.filter((v) => used.has(v.id)).map((v) => v.label);
    return via.length > 0 ? [`* in ${col.label}'s column: said of ${via.join(", ")}`] : [];
  });
}

function rowLabel(row: CompareRow): string {
  return row.effect ? `${row.predicate.label} · ${row.effect.label}` : row.predicate.label;
}

/** The cell's distinct quotes, each with its citations; then its support and conflicts. */
function cellText(cell: CompareCell, several: boolean): string {
  if (cell.state === "empty") return "—";
  const seen = new Map<string, string[]>();
  for (const claim of cell.claims) {
    const key = `${claim.quote}\n${claim.document.id}\n${claim.via?.id ?? ""}`;
    const marks = seen.get(key) ?? [];
    for (const m of markers(claim, several)) if (!marks.includes(m)) marks.push(m);
    seen.set(key, marks);
  }
  const parts = [...seen.entries()].map(([key, marks]) => {
    const [quote = "", , via = ""] = key.split("\n");
    return [withoutMarkers(quote), ...marks].join(" ") + (via ? "*" : "");
  });
  const said = parts.join("; ");
  return [cell.state === "null" ? `(null: ${said})` : said, ...agreementText(cell)].join(" ");
}

/** The quote without its own citation markers (the cell lists them once, resolved). */
function withoutMarkers(quote: string): string {
  return quote
    .replace(/\s*\[\d+\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function markers(claim: CompareClaim, several: boolean): string[] {
  const where = several ? docName(claim.document.id) : "";
  return claim.citations.map((r) => (r.number === null ? `[${r.title}]` : `${where}[${r.number}]`));
}

/** Support and conflicts, when the cell was annotated (compare-agreement.ts). */
function agreementText(cell: CompareCell): string[] {
  if (!("assertions" in cell)) return [];
  const a = cell as AnnotatedCell;
  return [
    ...a.assertions.map((x) => `{${supportText(x)}}`),
    ...a.conflicts.map((x) => `⚠ ${x.kind}`),
  ];
}

/** The references the cells' numbers stand for, by document. */
function referenceLines(c: Comparison, several: boolean): string[] {
  const refs = new Map<string, string>();
  for (const row of c.rows)
    for (const cell of row.cells)
      for (const claim of cell.claims)
        for (const r of claim.citations) {
          if (r.number === null) continue;
          const mark = `${several ? docName(claim.document.id) : ""}[${r.number}]`;
          refs.set(mark, `${mark} ${r.title}${r.host ? ` (${r.host})` : ""}`);
        }
  return [
    ...c.documents.map((d) => `document${several ? ` ${docName(d.id)}` : ""}: ${d.label}`),
    ...[...refs.entries()].sort(byMark).map(([, text]) => text),
  ];
}

function byMark([a]: [string, string], [b]: [string, string]): number {
  const [da, na] = split(a);
  const [db, nb] = split(b);
  return da < db ? -1 : da > db ? 1 : na - nb;
}

function split(mark: string): [string, number] {
  const m = /^(.*)\[(\d+)\]$/.exec(mark);
  return [m?.[1] ?? "", Number(m?.[2] ?? 0)];
}

/** A document IRI's last segment: the id `trace` takes before a number (`desipramine-vs-ssris[2]`). */
function docName(iri: string): string {
  return iri.slice(iri.lastIndexOf("/") + 1);
}
