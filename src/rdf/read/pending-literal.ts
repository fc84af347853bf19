/**
 * A literal left open at the end of the text fed to n3 so far, for longer than any literal may
 * be: refused where it opens, before n3 buffers, copies and splits the rest of the input to find
 * its end. A one-quote literal that a line break ends first is left to n3, which reports it.
 */
import type { LineOffsets } from "./line-offsets.ts";
import { LITERAL_HINT, LITERAL_TOO_LONG, MAX_LITERAL_LENGTH } from "./rdf-limits.ts";
import { type RdfParseError, refuse } from "./read-errors.ts";

const SPACE_OR_COMMENT = /(?:\s+|#[^\r\n]*)*/y;

/**
 * The refusal of the literal opening at the first token after `from` (past whitespace and
 * comments, before `fed`), if it is too long; undefined for anything else. `text` may be a part
 * of the whole text, starting `shift` characters into it (`lines` places whole-text offsets).
 */
export function pendingLiteralProblem(
  text: string,
  from: number,
  fed: number,
  lines: LineOffsets,
  shift = 0,
): RdfParseError | undefined {
  SPACE_OR_COMMENT.lastIndex = from;
  SPACE_OR_COMMENT.exec(text);
  const at = SPACE_OR_COMMENT.lastIndex;
  if (at >= fed || (text[at] !== '"' && text[at] !== "'")) return undefined;
  if (literalExtent(text, at, MAX_LITERAL_LENGTH) !== "too long") return undefined;
  const { line, units } = lines.placeOf(shift + at);
  const token = { type: "literal", value: "", prefix: "", line, start: units, end: units };
  return refuse(token, "RdfLimit", LITERAL_TOO_LONG, LITERAL_HINT);
}

const REST_OF_LINE = /[^\r\n]*/y;

/**
 * Whether the literal opening at `pos` closes within `limit` characters ("fits"), runs on for
 * more ("too long", also when it never closes), or is a one-quote literal that a line break ends
 * before its closing quote ("broken", which n3 reports as a syntax error).
 */
function literalExtent(input: string, pos: number, limit: number): "fits" | "too long" | "broken" {
  const quote = input[pos] === "'" ? "'" : '"';
  const triple = input[pos + 1] === quote && input[pos + 2] === quote;
  const opening = triple ? (quote === '"' ? '"""' : "'''") : quote;
  const start = pos + opening.length;
  for (let at = start; ; ) {
    const close = input.indexOf(opening, at);
    if (close === -1 || close - start > limit) {
      if (triple) return "too long";
      REST_OF_LINE.lastIndex = start;
      return (REST_OF_LINE.exec(input)?.[0].length ?? 0) > limit ? "too long" : "broken";
    }
    let backslashes = 0;
    while (input.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return "fits";
    at = close + 1;
  }
}
