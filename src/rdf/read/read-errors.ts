/**
 * What a failed parse says: the error the guarded parser throws (n3's, with its context, or the
 * guard's own), its diagnostic code and hint, and how offending input is quoted in a message.
 */
import type { RdfFormat } from "../vocab/rdf-format.ts";
import { LineBreaks } from "./line-offsets.ts";
import type { RdfText } from "./text-pieces.ts";

/** A token as n3's lexer makes it: 1-based line, 0-based UTF-16 columns, end exclusive. */
export interface RdfToken {
  readonly type: string;
  readonly value: string;
  readonly prefix: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The line a multi-line token ends on; `end` is then a column of that line. */
  readonly endLine?: number;
}

/**
 * An error from n3 or from the guard. n3 sets `context` (the offending token, or only the line
 * and the token before when the lexer failed); the guard adds a diagnostic code and a hint.
 */
export interface RdfParseError extends Error {
  context?: { token?: RdfToken; line?: number; previousToken?: RdfToken };
  code?: "RdfSyntax" | "RdfLimit";
  hint?: string;
}

const SYNTAX_HINT = "the file must be valid Turtle, TriG, N-Triples or N-Quads (by its extension)";
const IRI_CHARACTERS =
  'may not hold spaces, control characters or <>"{}|^`\\, written or escaped (\\u0020): percent-encode them (%20)';
const IRI_HINT = `an IRI ${IRI_CHARACTERS}`;

/** The hint for an error n3 raised, from what it says and the syntax the file was read as. */
export function hintFor(error: RdfParseError, format: RdfFormat): string {
  const message = error.message;
  if (error.context?.token?.type === "eof")
    return "the file ends in the middle of a statement: it may be cut short";
  if (message.startsWith("Undefined prefix"))
    return "declare the prefix before its first use (@prefix foo: <http://example.org/foo#> .)";
  if (message.startsWith('Unexpected "<'))
    return `an IRI must end with > on its line and ${IRI_CHARACTERS}`;
  if (format === "N-Triples" && message.startsWith("Expected punctuation"))
    return "a statement with a fourth term (its graph) is N-Quads: name the file .nq";
  if (format === "Turtle" && /^(Unexpected graph|Expected entity but got (\{|GRAPH))/.test(message))
    return "a { … } block is TriG (name the file .trig); JSON-LD must be converted to Turtle first";
  if (/^Unexpected "[{[]/.test(message))
    return "this looks like JSON: convert JSON-LD to Turtle, TriG, N-Triples or N-Quads first";
  if (/^Unexpected "["']/.test(message))
    return 'a literal must close on its line (""" for several lines) and use only valid escapes';
  return SYNTAX_HINT;
}

/** The hint for an IRI that `iriProblem` or `localNameProblem` refused, by its problem. */
export function iriHint(problem: string): string {
  if (problem === "has no scheme")
    return "write the IRI in full (https://…), or declare @base <…> before relative ones";
  return problem.includes('"%"') ? "write a percent sign in an IRI as %25" : IRI_HINT;
}

/** The guard's own error at `token`, shaped like n3's (message ending "on line N."). */
export function refuse(
  token: RdfToken,
  code: "RdfSyntax" | "RdfLimit",
  message: string,
  hint: string,
): RdfParseError {
  const error: RdfParseError = new Error(`${message} on line ${token.line}.`);
  error.context = { token, line: token.line };
  error.code = code;
  error.hint = hint;
  return error;
}

const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028-\u202E\u2066-\u2069\uFFF0-\uFFFF]/g;

/**
 * An offending value for a message: at most 80 characters, with control, bidirectional and
 * other invisible characters written as \u escapes so they neither vanish nor act on a terminal.
 */
export function clip(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return short.replace(
    UNPRINTABLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

/** A place in a text: 1-based line, and 1-based column in code points. */
export interface TextPlace {
  readonly line: number;
  readonly column: number;
}

/**
 * Where a parse of `text` failed. An error with its token is placed at the token's start; a
 * lexer error (no token) just after the token before it, past any whitespace, as that is where
 * n3 stopped. An error with no context at all (JSON-LD's) is placed at 1:1.
 */
export function parseErrorPlace(text: RdfText, error: Error): TextPlace {
  const { context = {} } = error as RdfParseError;
  const token = context.token;
  const line = token?.line ?? context.line ?? 1;
  const lineText = lineOf(text, line);
  let at = 0;
  if (token) at = token.start;
  else {
    const before = context.previousToken;
    if (before && (before.endLine ?? before.line) === line) at = before.end;
    while (at < lineText.length && /\s/.test(lineText[at] ?? "")) at++;
  }
  return { line, column: codePoints(lineText, Math.min(at, lineText.length)) + 1 };
}

/** Line `line` (1-based) of `text`, with n3's line breaks (CR LF, LF or CR). */
function lineOf(text: RdfText, line: number): string {
  const breaks = new LineBreaks(text);
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = breaks.after(start);
    if (next === -1) return "";
    start = next;
  }
  const end = breaks.after(start) === -1 ? text.length : breaks.found;
  return text.slice(start, end);
}

/** Code points in the first `units` UTF-16 code units of `s`. */
function codePoints(s: string, units: number): number {
  let n = units;
  for (let i = 1; i < units; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) n--;
  }
  return n;
}

/** n3's message without its " on line N.", the input it quotes cut short and made printable. */
export function parseErrorMessage(error: Error): string {
  const message = error.message;
  if (!message.startsWith('Unexpected "')) return message.replace(/\s+on line \d+\.?$/, "");
  return `Unexpected "${clip(message.slice(12, message.lastIndexOf('"')))}"`;
}
