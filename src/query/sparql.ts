/**
 * SPARQL over knowledge-base files with an embedded store (oxigraph, loaded only by
 * this command). The default graph is the union of all graphs, so the same query
 * answers on Turtle and on TriG.
 */
import { displayPath } from "../base/display-path.ts";
import { type Diagnostic, InputError, SparqlSyntaxError, UsageError } from "../base/errors.ts";
import { formatOf, parseKnowledgeBaseTexts, readKnowledgeBaseSources } from "../graph/load.ts";
import { storeTexts } from "../graph/store-texts.ts";
import type { QueryAnswer, QueryFormat } from "../sparql/answer.ts";
import { checkSparql } from "../sparql/form.ts";
import { resultsTable, type TableOptions } from "../sparql/table.ts";

/** The media type oxigraph reads each knowledge-base format as. */
export const MEDIA: Readonly<Record<string, string>> = {
  Turtle: "text/turtle",
  TriG: "application/trig",
  "N-Triples": "application/n-triples",
  "N-Quads": "application/n-quads",
};

/**
 * Runs `sparql` over the files. `prefixMap` is declared before the query (a query may
 * declare a prefix again); `compact` shortens IRIs in the table. The text is read with a
 * SPARQL parser first, before any file: one that does not parse is located in it, and an
 * update is refused (the store lives in memory, so it would change nothing).
 */
export async function runQuery(
  files: readonly string[],
  sparql: string,
  format: QueryFormat,
  prefixMap: Readonly<Record<string, string>>,
  compact: (iri: string) => string,
  table: TableOptions = {},
): Promise<QueryAnswer> {
  checkSparql(sparql, prefixMap, "local");
  // One line, so the store's positions in errors are the query's own, one line down.
  const prologue = Object.entries(prefixMap)
    .map(([p, ns]) => `PREFIX ${p}: <${ns}>`)
    .join(" ");
  const store = await loadStore(files);
  const run = runner(store, prologue, sparql);
  const result = run({});
  if (typeof result === "boolean")
    return {
      kind: "ask",
      text: format === "json" ? JSON.stringify({ head: {}, boolean: result }) : String(result),
    };
  const rows = [...(result as Iterable<unknown>)];
  if (rows.length > 0 && !(rows[0] instanceof Map)) {
    return {
      kind: "graph",
      text: rows.map((q) => `${(q as { toString(): string }).toString()} .`).join("\n"),
    };
  }
  return selectAnswer(run, rows as SolutionRow[], format, compact, table);
}

/** Runs the query on the store, with options for the results' format. */
type Run = (options: Record<string, unknown>) => unknown;

/** One solution of a SELECT query, as oxigraph gives it: variable → term. */
type SolutionRow = Map<string, { termType: string; value: string }>;

/** `full` run over the union of the store's graphs; a query the store refuses is a usage error. */
function runner(
  store: Awaited<ReturnType<typeof loadStore>>,
  prologue: string,
  sparql: string,
): Run {
  return (options) => {
    try {
      return store.query(`${prologue}\n${sparql}`, {
        use_default_graph_as_union: true,
        ...options,
      }) as unknown;
    } catch (error) {
      throw storeError(String((error as Error).message ?? error), sparql);
    }
  };
}

const STORE_HINT =
  "check the SPARQL syntax; the prefixes of claimgraph's vocabulary and knowledge base are predeclared";

/**
 * What the store refused: a syntax error its own parser found (`error at LINE:COLUMN`, in code
 * points, counting the prologue's line) located in the user's text, else a usage error.
 */
function storeError(message: string, sparql: string): UsageError {
  const at = /^error at (\d+):(\d+): ?/.exec(message);
  if (at && Number(at[1]) > 1)
    return new SparqlSyntaxError(
      message.slice(at[0].length),
      { line: Number(at[1]) - 1, column: Number(at[2]) },
      STORE_HINT,
      { text: sparql },
    );
  return new UsageError(`the query does not run: ${message}`, STORE_HINT);
}

/** A SELECT answer: SPARQL JSON or CSV results as the store writes them, or a table of `rows`. */
function selectAnswer(
  run: Run,
  rows: readonly SolutionRow[],
  format: QueryFormat,
  compact: (iri: string) => string,
  table: TableOptions,
): QueryAnswer {
  if (format !== "table")
    return {
      kind: "select",
      text: run({ results_format: format === "json" ? "json" : "csv" }) as string,
    };
  // The column list comes from the query's own variables (SPARQL JSON results' head), so a
  // variable no row binds still gets its column.
  const head = JSON.parse(run({ results_format: "json" }) as string) as {
    head: { vars?: string[] };
  };
  return { kind: "select", text: resultsTable(head.head.vars ?? [], rows, compact, table) };
}

/** The knowledge base files in an oxigraph store, each checked by claimgraph's reader first. */
async function loadStore(files: readonly string[]) {
  const ox = await import("oxigraph");
  const store = new ox.Store();
  // claimgraph's own reader checks the files first (nesting, sizes, IRIs; errors located at
  // their line and column) and reads them strictly; oxigraph then loads what passed.
  const texts = readKnowledgeBaseSources(files);
  const loads = files.map((file, i) => storeTexts(file, texts[i] ?? ""));
  await parseKnowledgeBaseTexts(files, texts, () => {});
  const diagnostics: Diagnostic[] = [];
  for (const [i, file] of files.entries()) {
    const f = formatOf(file) as string;
    try {
      for (const text of loads[i] ?? []) store.load(text, { format: MEDIA[f] as string });
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
  return store;
}
