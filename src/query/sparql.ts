/**
 * SPARQL over knowledge-base files with an embedded store (oxigraph, loaded only by
 * this command). The default graph is the union of all graphs, so the same query
 * answers on Turtle and on TriG.
 */
import { readFileSync } from "node:fs";
import { displayPath } from "../build/files.ts";
import { type Diagnostic, InputError, UsageError } from "../errors.ts";
import { formatOf } from "../graph/load.ts";

const MEDIA: Readonly<Record<string, string>> = {
  Turtle: "text/turtle",
  TriG: "application/trig",
  "N-Triples": "application/n-triples",
  "N-Quads": "application/n-quads",
};

export type QueryFormat = "table" | "json" | "csv";

export interface QueryAnswer {
  /** SELECT: variables and rows of terms; ASK: a boolean; CONSTRUCT/DESCRIBE: N-Triples text. */
  readonly kind: "select" | "ask" | "graph";
  readonly text: string;
}

export async function runQuery(
  files: readonly string[],
  sparql: string,
  format: QueryFormat,
  compact: (iri: string) => string,
): Promise<QueryAnswer> {
  const ox = await import("oxigraph");
  const store = new ox.Store();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const f = formatOf(file);
    if (!f)
      throw new UsageError(
        `cannot tell the format of "${file}"`,
        "use a .ttl, .trig, .nt or .nq file",
      );
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new UsageError(
        `knowledge base file "${file}" does not exist`,
        "run `claimgraph build` first, or pass --kb FILE",
      );
    }
    try {
      store.load(text, { format: MEDIA[f] as string });
    } catch (error) {
      const message = String((error as Error).message ?? error);
      const at = /line (\d+) column (\d+)/.exec(message);
      diagnostics.push({
        code: "RdfSyntax",
        severity: "error",
        file: displayPath(file),
        line: at ? Number(at[1]) : 1,
        column: at ? Number(at[2]) : 1,
        message: message.replace(/^Parser error (between|at) [^:]*: /, ""),
        hint: "the file must be valid Turtle, TriG, N-Triples or N-Quads (by its extension)",
      });
    }
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  let result: unknown;
  try {
    result =
      format === "table"
        ? store.query(sparql, { use_default_graph_as_union: true })
        : store.query(sparql, {
            use_default_graph_as_union: true,
            results_format: format === "json" ? "json" : "csv",
          });
  } catch (error) {
    throw new UsageError(
      `the query does not run: ${String((error as Error).message ?? error)}`,
      "check the SPARQL syntax and the prefixes it uses",
    );
  }
  if (typeof result === "string") return { kind: "select", text: result };
  if (typeof result === "boolean") return { kind: "ask", text: String(result) };
  const rows = [...(result as Iterable<unknown>)];
  if (rows.length > 0 && !(rows[0] instanceof Map)) {
    return {
      kind: "graph",
      text: rows.map((q) => `${(q as { toString(): string }).toString()} .`).join("\n"),
    };
  }
  return {
    kind: "select",
    text: table(rows as Array<Map<string, { termType: string; value: string }>>, compact),
  };
}

function table(
  rows: Array<Map<string, { termType: string; value: string }>>,
  compact: (iri: string) => string,
): string {
  if (rows.length === 0) return "(no results)";
  const vars = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  const cell = (t: { termType: string; value: string } | undefined) =>
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
