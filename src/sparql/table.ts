/** The table `claimgraph query` prints, for the embedded store and for a remote one alike. */

/** A result row: variable → term (IRI, literal or blank node). */
export type TableRow = ReadonlyMap<string, { readonly termType: string; readonly value: string }>;

/**
 * The table `claimgraph query` prints: one column per variable, IRIs shortened by
 * `compact`, cells clipped at 60 characters, and the row count.
 */
export function resultsTable(
  vars: readonly string[],
  rows: readonly TableRow[],
  compact: (iri: string) => string,
): string {
  if (rows.length === 0) return "(no results)";
  const cell = (t: { readonly termType: string; readonly value: string } | undefined) =>
    t === undefined
      ? ""
      : t.termType === "NamedNode"
        ? compact(t.value)
        : t.value.replace(/\s+/g, " ");
  const body = rows.map((r) => vars.map((v) => cell(r.get(v))));
  const widths = vars.map((v, i) =>
    Math.min(60, Math.max(v.length + 1, ...body.map((b) => (b[i] ?? "").length))),
  );
  const clipPad = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const lines = [
    vars.map((v, i) => clipPad(`?${v}`, widths[i] ?? 10)).join("  "),
    widths.map((w) => "-".repeat(w)).join("  "),
  ];
  for (const b of body)
    lines.push(
      b
        .map((c, i) => clipPad(c, widths[i] ?? 10))
        .join("  ")
        .trimEnd(),
    );
  lines.push(`${rows.length} row${rows.length === 1 ? "" : "s"}`);
  return lines.join("\n");
}
