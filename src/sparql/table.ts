/** The table `claimgraph query` prints, for the embedded store and for a remote one alike. */
import { clipToWidth, displayWidth, padToWidth } from "../base/display-width.ts";

/** A result row: variable → term (IRI, literal or blank node). */
export type TableRow = ReadonlyMap<string, { readonly termType: string; readonly value: string }>;

export interface TableOptions {
  /**
   * Cut cells wider than this many columns, ending them in `…` (the command line does on a
   * terminal); undefined: whole cells, as a script reading a pipe wants them.
   */
  readonly maxCell?: number | undefined;
}

/**
 * The table `claimgraph query` prints: one column per variable, IRIs shortened by
 * `compact`, columns aligned in display columns (CJK characters take two, combining marks
 * none), cells cut at `options.maxCell` when given, and the row count.
 */
export function resultsTable(
  vars: readonly string[],
  rows: readonly TableRow[],
  compact: (iri: string) => string,
  options: TableOptions = {},
): string {
  if (rows.length === 0) return "(no results)";
  const cell = (t: { readonly termType: string; readonly value: string } | undefined) =>
    t === undefined
      ? ""
      : t.termType === "NamedNode"
        ? compact(t.value)
        : t.value.replace(/\s+/g, " ");
  const limit = options.maxCell ?? Number.POSITIVE_INFINITY;
  const body = rows.map((r) => vars.map((v) => cell(r.get(v))));
  const widths = vars.map((v, i) =>
    Math.min(limit, Math.max(v.length + 1, ...body.map((b) => displayWidth(b[i] ?? "")))),
  );
  const cellIn = (s: string, w: number) => padToWidth(clipToWidth(s, w), w);
  const lines = [
    vars
      .map((v, i) => cellIn(`?${v}`, widths[i] ?? 10))
      .join("  ")
      .trimEnd(),
    widths.map((w) => "-".repeat(w)).join("  "),
  ];
  for (const b of body)
    lines.push(
      b
        .map((c, i) => cellIn(c, widths[i] ?? 10))
        .join("  ")
        .trimEnd(),
    );
  lines.push(`${rows.length} row${rows.length === 1 ? "" : "s"}`);
  return lines.join("\n");
}
