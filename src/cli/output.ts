/** Printing for people: diagnostics like a compiler's, with the offending line shown. */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { displayWidth } from "../base/display-width.ts";
import { type Diagnostic, formatDiagnostic, type SparqlSyntaxError } from "../base/errors.ts";
import { FILE_PROBLEM_CODES } from "../pipeline/input-files.ts";
import { writeOrEnd } from "./closed-pipe.ts";
import { colorFor } from "./color.ts";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colour for people: as color.ts decides it (terminal, NO_COLOR, FORCE_COLOR, TERM=dumb). */
  readonly color?: boolean;
  /** Standard output is a terminal: `query` cuts wide table cells there only. */
  readonly terminal?: boolean;
}

export const processIo: Io = {
  // A closed stdout (`| head`) ends the program quietly with 0 (closed-pipe.ts).
  out: (text) => writeOrEnd(process.stdout, text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  color: colorFor(process.stdout),
  terminal: process.stdout.isTTY === true,
};

/** A diagnostic, then the line it points at with a caret under the column. */
export function renderDiagnostic(
  d: Diagnostic,
  files: Map<string, readonly string[] | undefined> = new Map(),
): string {
  const head = formatDiagnostic(d);
  const line =
    d.code === "BinaryInput" || FILE_PROBLEM_CODES.has(d.code)
      ? undefined
      : sourceLine(d.file, d.line, files);
  if (line === undefined || line.length > 400) return head;
  return `${head}\n${caretBlock(line, d.line, d.column)}`;
}

/**
 * The line `lineNo` shown under a message with a caret under `column` (1-based, in code
 * points). The caret is padded in display columns, so it stands under its character after
 * CJK text too; tabs stay tabs.
 */
export function caretBlock(line: string, lineNo: number, column: number): string {
  const gutter = " ".repeat(String(lineNo).length);
  const caretPad = [...line]
    .slice(0, column - 1)
    .map((c) => (c === "\t" ? "\t" : " ".repeat(displayWidth(c))))
    .join("");
  return ` ${gutter} |\n ${lineNo} | ${line}\n ${gutter} | ${caretPad}^`;
}

/** A SPARQL syntax error's line with a caret under the column, or "" when it has no place. */
export function sparqlExcerpt(error: SparqlSyntaxError): string {
  if (error.text === undefined || error.line === undefined) return "";
  const line = error.text.split(/\r\n?|\n/)[error.line - 1];
  if (line === undefined || line.length > 400) return "";
  return `\n${caretBlock(line, error.line, error.column ?? 1)}`;
}

/**
 * Each diagnostic rendered, every file read once for all of them: a hostile document may
 * have thousands of errors.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const files = new Map<string, readonly string[] | undefined>();
  return diagnostics.map((d) => renderDiagnostic(d, files));
}

function sourceLine(
  file: string,
  line: number,
  files: Map<string, readonly string[] | undefined>,
): string | undefined {
  try {
    if (!files.has(file)) files.set(file, readLines(file));
    const found = files.get(file)?.[line - 1];
    return found === undefined ? undefined : found.replace(/\r$/, "").replace(/\0/g, "\\0");
  } catch {
    return undefined;
  }
}

/** Files larger than this are not read again to show a line (one may be what the error is about). */
const MAX_SHOWN_FILE_BYTES = 64 * 1024 * 1024;

/** Only a regular file is read again (opened without blocking: a FIFO must not hang this). */
function readLines(file: string): readonly string[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_SHOWN_FILE_BYTES) return undefined;
    return readFileSync(fd, "utf8").split("\n");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
