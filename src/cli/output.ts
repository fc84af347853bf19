/** Printing for people: diagnostics like a compiler's, with the offending line shown. */
import { readFileSync } from "node:fs";
import { type Diagnostic, formatDiagnostic } from "../errors.ts";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colour for people: only on a terminal, and never when NO_COLOR is set. */
  readonly color?: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
};

/** A diagnostic, then the line it points at with a caret under the column. */
export function renderDiagnostic(d: Diagnostic): string {
  const head = formatDiagnostic(d);
  const line = d.code === "BinaryInput" ? undefined : sourceLine(d.file, d.line);
  if (line === undefined || line.length > 400) return head;
  const gutter = String(d.line).length;
  const caretPad = [...line]
    .slice(0, d.column - 1)
    .map((c) => (c === "\t" ? "\t" : " "))
    .join("");
  return `${head}\n ${" ".repeat(gutter)} |\n ${d.line} | ${line}\n ${" ".repeat(gutter)} | ${caretPad}^`;
}

function sourceLine(file: string, line: number): string | undefined {
  try {
    const text = readFileSync(file, "utf8");
    const lines = text.split("\n");
    const found = lines[line - 1];
    return found === undefined ? undefined : found.replace(/\r$/, "").replace(/\0/g, "\\0");
  } catch {
    return undefined;
  }
}
