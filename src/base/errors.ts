/**
 * claimgraph's error hierarchy. Every error a person can cause carries a stable `name`,
 * and problems found in input files carry diagnostics with file, line, column and a hint,
 * printed like a compiler's. `isClaimgraphError` tells them from programming errors.
 */

export type Severity = "error" | "warning";

export interface Diagnostic {
  /** Stable machine-readable code, e.g. "UnknownReference". Tests assert this, not the wording. */
  readonly code: string;
  readonly severity: Severity;
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in Unicode code points. */
  readonly column: number;
  readonly message: string;
  readonly hint: string;
  /** The offending text, when there is one. */
  readonly text?: string;
}

export class ClaimgraphError extends Error {
  override name = "ClaimgraphError";
}

/** One or more problems in input files (documents, curation tables, RDF). */
export class InputError extends ClaimgraphError {
  override name = "InputError";
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    super(
      errors.length === 1 && errors[0]
        ? formatDiagnostic(errors[0])
        : `${errors.length} errors in the input:\n${errors.map(formatDiagnostic).join("\n")}`,
    );
    this.diagnostics = diagnostics;
  }
}

/** A command was called wrongly: unknown option value, missing file. */
export class UsageError extends ClaimgraphError {
  override name = "UsageError";
  readonly hint: string;

  constructor(message: string, hint = "") {
    super(message);
    this.hint = hint;
  }
}

/**
 * A SPARQL text that does not parse, located in the text the user wrote (`line:column`,
 * 1-based, in code points; the predeclared prefixes are not counted), with the file it was
 * read from when there is one (`query --file`). `text` is kept so the line can be shown
 * with a caret. Semantic errors the parser finds without a position (a variable projected
 * twice) carry no location.
 */
export class SparqlSyntaxError extends UsageError {
  override name = "SparqlSyntaxError";
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problem: string;
  readonly text: string | undefined;
  readonly file: string | undefined;

  constructor(
    problem: string,
    at: { readonly line: number; readonly column: number } | undefined,
    hint: string,
    source: { readonly text?: string | undefined; readonly file?: string | undefined } = {},
  ) {
    const where = at ? ` at ${source.file ? `${source.file}:` : ""}${at.line}:${at.column}` : "";
    super(`the query does not parse${where}: ${problem}`, hint);
    this.line = at?.line;
    this.column = at?.column;
    this.problem = problem;
    this.text = source.text;
    this.file = source.file;
  }

  /** The same error, located in `file` (the text was read from it). */
  inFile(file: string): SparqlSyntaxError {
    const at = this.line === undefined ? undefined : { line: this.line, column: this.column ?? 1 };
    return new SparqlSyntaxError(this.problem, at, this.hint, { text: this.text, file });
  }
}

/** An output could not be written (permissions, a folder in the way, a full disk). */
export class OutputError extends ClaimgraphError {
  override name = "OutputError";
  readonly path: string;

  constructor(path: string, message: string) {
    super(`cannot write ${path}: ${message}`);
    this.path = path;
  }
}

/**
 * A worker thread reading the documents (`build --jobs N`) failed: it threw on a document (a
 * bug: `file` names it), ran out of memory, or could not start. The build stops before writing.
 */
export class WorkerFailure extends ClaimgraphError {
  override name = "WorkerFailure";
  /** The document the worker was reading, when it was reading one. */
  readonly file: string | undefined;
  readonly hint: string;

  constructor(file: string | undefined, problem: string, hint: string, cause?: unknown) {
    const on = file === undefined ? "" : ` on "${file}"`;
    super(`a worker thread reading the documents failed${on}: ${problem}\n  hint: ${hint}`, {
      cause,
    });
    this.file = file;
    this.hint = hint;
  }
}

/** A built export failed validation (SHACL or re-parse). */
export class ValidationError extends ClaimgraphError {
  override name = "ValidationError";
}

export function isClaimgraphError(error: unknown): error is ClaimgraphError {
  return error instanceof ClaimgraphError;
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.column}: ${d.severity}[${d.code}]: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** Orders diagnostics by file, position and code so reports are stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
