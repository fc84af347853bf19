/**
 * `claimgraph compare`'s table for people: the features and effects as rows, the drugs as
 * columns, each cell the document's words with their citation numbers (a quote read into
 * several claims once), "(null: …)" for a cell the document left without a statement and "—"
 * for one no document fills, then the references the numbers stand for. Across many documents
 * a cell lists its first `perCell` statements and its `perCell` best-supported assertions, each
 * followed by how many more there are, and its conflicts once per kind with their count, so a
 * cell thousands of documents fill stays a cell. Columns are aligned in display columns (CJK
 * characters take two, combining marks none) and cut at `maxCell` when given, as a terminal
 * wants; whole when piped.
 */
import { clipToWidth, displayWidth, padToWidth } from "../base/display-width.ts";
import type { CompareCell, CompareClaim, CompareRow, Comparison } from "./compare.ts";
import { type AnnotatedCell, supportText } from "./compare-agreement.ts";

export interface CompareTableOptions {
  readonly maxCell?: number | undefined;
  /** Quotes and assertions a cell lists (the rest counted); every one when undefined or 0. */
  readonly perCell?: number | undefined;
}

export function compareTable(c: Comparison, options: CompareTableOptions = {}): string {
  if (c.rows.length === 0) return "(no claims about these drugs)";
  const several = c.documents.length > 1;
  const perCell =
    options.perCell !== undefined && options.perCell > 0
      ? options.perCell
      : Number.POSITIVE_INFINITY;
  const head = measured(["feature", ...c.columns.map((col) => col.label)]);
  const shown = c.rows.map((row) => row.cells.map((x) => statementsOf(x, several)));
  const body = c.rows.map((row, r) =>
    measured([
      rowLabel(row),
      ...row.cells.map((x, i) => cellText(x, shown[r]?.[i] ?? [], perCell)),
    ]),
  );
  const limit = options.maxCell ?? Number.POSITIVE_INFINITY;
  const widths = head.map((h, i) =>
    Math.min(limit, Math.max(h.width, ...body.map((b) => b[i]?.width ?? 0))),
  );
  const line = (cells: readonly Measured[]) =>
    cells
      .map((s, i) => fitted(s, widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  // The notes under the table speak of the statements listed only.
  const listed = shown.map((cells) =>
    cells.map((x) => x.slice(0, perCell).flatMap((s) => s.claims)),
  );
  return [
    line(head),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...body.map(line),
    "",
    ...viaLines(c, listed),
    ...referenceLines(c, listed, several),
  ].join("\n");
}

/** A cell's text with its display width, measured once (a long cell costs to measure). */
interface Measured {
  readonly text: string;
  readonly width: number;
}

function measured(texts: readonly string[]): Measured[] {
  return texts.map((text) => ({ text, width: displayWidth(text) }));
}

/** `cell` cut to `width` columns when wider, then padded to it. */
function fitted(cell: Measured, width: number): string {
  if (cell.width > width) return padToWidth(clipToWidth(cell.text, width), width);
  return cell.text + " ".repeat(width - cell.width);
}

/** A row's cells' listed claims, cell by cell. */
type Listed = ReadonlyArray<ReadonlyArray<readonly CompareClaim[]>>;

/** The classes whose claims a column lists (marked "*" in its cells), those that gave any. */
function viaLines(c: Comparison, listed: Listed): string[] {
  return c.columns.flatMap((col, i) => {
    const used = new Set(listed.flatMap((cells) => cells[i]?.map((x) => x.via?.id) ?? []));
    const via = col.via.filter((v) => used.has(v.id)).map((v) => v.label);
    return via.length > 0 ? [`* in ${col.label}'s column: said of ${via.join(", ")}`] : [];
  });
}

function rowLabel(row: CompareRow): string {
  return row.effect ? `${row.predicate.label} · ${row.effect.label}` : row.predicate.label;
}

/** A quote of a cell, with the citations of every claim read from it. */
interface Statement {
  readonly text: string;
  readonly claims: readonly CompareClaim[];
}

/** The cell's distinct quotes (by document and class), each with its citations, in order. */
function statementsOf(cell: CompareCell, several: boolean): Statement[] {
  const seen = new Map<string, { marks: string[]; claims: CompareClaim[] }>();
  for (const claim of cell.claims) {
    const key = `${claim.quote}\n${claim.document.id}\n${claim.via?.id ?? ""}`;
    const found = seen.get(key) ?? { marks: [], claims: [] };
    for (const m of markers(claim, several)) if (!found.marks.includes(m)) found.marks.push(m);
    found.claims.push(claim);
    seen.set(key, found);
  }
  return [...seen.entries()].map(([key, { marks, claims }]) => {
    const [quote = "", , via = ""] = key.split("\n");
    return { text: [withoutMarkers(quote), ...marks].join(" ") + (via ? "*" : ""), claims };
  });
}

/**
 * The cell's first `perCell` statements, the others counted; then its support and conflicts.
 */
function cellText(cell: CompareCell, statements: readonly Statement[], perCell: number): string {
  if (cell.state === "empty") return "—";
  const listed = statements.slice(0, perCell).map((s) => s.text);
  const said = listed.join("; ") + more(statements.length, perCell);
  return [cell.state === "null" ? `(null: ${said})` : said, ...agreementText(cell, perCell)].join(
    " ",
  );
}

/** "; +12 more" when `perCell` of `total` are listed. */
function more(total: number, perCell: number): string {
  return total > perCell ? `; +${total - perCell} more` : "";
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

/**
 * Support and conflicts, when the cell was annotated (compare-agreement.ts): the `perCell`
 * assertions most works stand behind (then by IRI), how many more, and each kind of conflict
 * once, with its count when more than one.
 */
function agreementText(cell: CompareCell, perCell: number): string[] {
  if (!("assertions" in cell)) return [];
  const a = cell as AnnotatedCell;
  const assertions = [...a.assertions].sort((x, y) => y.works - x.works);
  const kinds = new Map<string, number>();
  for (const x of a.conflicts) kinds.set(x.kind, (kinds.get(x.kind) ?? 0) + 1);
  return [
    ...assertions.slice(0, perCell).map((x) => `{${supportText(x)}}`),
    ...(assertions.length > perCell ? [`{+${assertions.length - perCell} more}`] : []),
    ...[...kinds].map(([kind, n]) => `⚠ ${kind}${n > 1 ? ` ×${n}` : ""}`),
  ];
}

/** The documents of the listed claims, and the references their numbers stand for. */
function referenceLines(c: Comparison, listed: Listed, several: boolean): string[] {
  const refs = new Map<string, string>();
  const documents = new Set<string>();
  for (const cells of listed)
    for (const cell of cells)
      for (const claim of cell) {
        documents.add(claim.document.id);
        for (const r of claim.citations) {
          if (r.number === null) continue;
          const mark = `${several ? docName(claim.document.id) : ""}[${r.number}]`;
          refs.set(mark, `${mark} ${r.title}${r.host ? ` (${r.host})` : ""}`);
        }
      }
  return [
    ...c.documents
      .filter((d) => documents.has(d.id))
      .map((d) => `document${several ? ` ${docName(d.id)}` : ""}: ${d.label}`),
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
