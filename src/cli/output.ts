/** Printing for people: diagnostics like a compiler's, with the offending line shown. */
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { type Diagnostic, formatDiagnostic } from "../base/errors.ts";
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
  const gutter = String(d.line).length;
  const caretPad = [...line]
    .slice(0, d.column - 1)
    .map((c) => (c === "\t" ? "\t" : " "))
    .join("");
  return `${head}\n ${" ".repeat(gutter)} |\n ${d.line} | ${line}\n ${" ".repeat(gutter)} | ${caretPad}^`;
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
