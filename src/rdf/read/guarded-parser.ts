/**
 * Parsing RDF that may be hostile: n3's public Parser, watched token by token through its
 * `onToken` callback (./token-guard.ts), refusing at the line and column of the offending token
 * what would make a knowledge base unsafe to hold or to show (the limits are in
 * ./rdf-limits.ts). The text is fed to the parser in chunks, as a stream it reads at once, so
 * that a literal too long to copy is refused before n3 copies it (./pending-literal.ts).
 * Parsing is synchronous and streams each quad to a callback, with where its object stands in
 * the text; nothing is collected in an array. Its errors and their hints are in
 * ./read-errors.ts. Only n3's public API is used (tests/rdf/read/n3-public-api.test.ts checks it).
 * A text too long for one string comes in pieces (./text-pieces.ts), each ending after a line
 * break: n3 reads them as one stream, so lines, columns and limits are those of the whole text.
 */
import { EventEmitter } from "node:events";
import type { Quad } from "@rdfjs/types";
import { Parser } from "n3";
import { LineOffsets } from "./line-offsets.ts";
import { pendingLiteralProblem } from "./pending-literal.ts";
import { MAX_LITERAL_LENGTH, NAME_HINT } from "./rdf-limits.ts";
import { hintFor, type RdfParseError, type RdfToken, type TextPlace } from "./read-errors.ts";
import { piecesOf, type RdfText, type TextLike } from "./text-pieces.ts";
import { TextPlaces } from "./text-places.ts";
import { TokenGuard } from "./token-guard.ts";

export { MAX_IRI_LENGTH, MAX_LITERAL_LENGTH, MAX_NESTING_DEPTH } from "./rdf-limits.ts";

import type { RdfFormat } from "../vocab/rdf-format.ts";

export type { RdfFormat };

/**
 * Where the quad just handed over stands: the line and column of its object (of a literal's
 * opening quote, not its datatype or language). Valid only during the `onQuad` call; the
 * same function is passed for every quad, and costs nothing unless called.
 */
export type QuadPlace = () => TextPlace;

/**
 * The callbacks of n3's `Parser.parse`, as its README documents them; @types/n3 1.26.4 does not
 * declare `onToken` yet.
 */
interface ParseCallbacks {
  onQuad: (error: RdfParseError | null, quad: Quad | null) => void;
  onPrefix?: (prefix: string, iri: { value: string }) => void;
  onToken: (token: RdfToken) => void;
}

/**
 * How much text is handed to n3 at a time, at least (a chunk runs on to the next line break,
 * see `chunkEnd`). n3 reads one long chunk faster than many short ones (64 KiB chunks made it
 * read a large file 1.5–2.5 times slower); a literal left open is still measured after each
 * chunk, so n3 never reads more than MAX_LITERAL_LENGTH + 2 CHUNK of one.
 */
const CHUNK = 1024 * 1024;

/** Thrown from `onToken` to end the parse once the guard has refused a token. */
const STOP = Symbol("stop parsing");

/**
 * Parses `text`, handing each quad to `onQuad` and each prefix declaration to `onPrefix`;
 * throws the first problem as an RdfParseError with a code and a hint.
 */
export function parseRdf(
  text: RdfText,
  format: RdfFormat,
  onQuad: (quad: Quad, place: QuadPlace) => void,
  onPrefix?: (prefix: string, iri: string) => void,
): void {
  const steps = parseRdfSteps(text, format, onQuad, onPrefix);
  // Each step is one chunk read; nothing waits between them here.
  while (steps.next().done !== true);
}

export interface ParseStepOptions {
  /**
   * The prefix of the parser's blank node labels (n3's `blankNodePrefix`). Given, a label
   * reads the same in every parse of every part of one file: a file parsed in parts (an
   * N-Quads file piece by piece) keeps `_:x` one node. Default: a prefix new to each parse.
   */
  readonly blankNodePrefix?: string | undefined;
}

/**
 * `parseRdf` one chunk at a time: the generator reads a chunk of about CHUNK characters per
 * step and yields, so that its caller may wait between chunks (for a store to take what the
 * chunk gave, say). Throws, from the step that meets it, as `parseRdf` does.
 */
export function* parseRdfSteps(
  text: RdfText,
  format: RdfFormat,
  onQuad: (quad: Quad, place: QuadPlace) => void,
  onPrefix?: (prefix: string, iri: string) => void,
  options: ParseStepOptions = {},
): Generator<void, void, undefined> {
  const watch = new TokenWatch(text);
  const places = new TextPlaces(text);
  const place: QuadPlace = () => places.at(watch.object?.line ?? 1, watch.object?.start ?? 0);
  let failure: RdfParseError | undefined;
  let finished = false;
  const input = new EventEmitter();
  const prefix = options.blankNodePrefix;
  new Parser({ format, ...(prefix === undefined ? {} : { blankNodePrefix: prefix }) }).parse(
    input,
    {
      onQuad: (error: RdfParseError | null, quad: Quad | null) => {
        if (error) failure ??= error;
        else if (quad) onQuad(quad, place);
        else finished = true;
      },
      onPrefix:
        onPrefix && ((prefix: string, iri: { value: string }) => onPrefix(prefix, iri.value)),
      onToken: (token: RdfToken) => {
        const problem = watch.read(token);
        if (!problem) return;
        failure ??= problem;
        throw STOP;
      },
    } satisfies ParseCallbacks as Parameters<Parser["parse"]>[1],
  );
  try {
    const open = yield* feed(text, input, watch, () => failure !== undefined);
    failure ??= open;
  } catch (error) {
    if (error !== STOP) throw error;
  }
  if (failure) throw withHint(failure, format);
  if (!finished)
    throw new Error("n3 did not parse synchronously: see src/rdf/read/guarded-parser.ts");
}

/**
 * Hands `text` to the parser in chunks, piece after piece, yielding after each, stopping when
 * `failed`; returns the guard's refusal of a literal left open for longer than any literal
 * may be, before n3 buffers all of it.
 */
function* feed(
  text: RdfText,
  input: EventEmitter,
  watch: TokenWatch,
  failed: () => boolean,
): Generator<void, RdfParseError | undefined, undefined> {
  let examined = -1;
  let start = 0;
  for (const piece of piecesOf(text)) {
    for (let at = 0; at < piece.length && !failed(); ) {
      const from = at;
      at = chunkEnd(piece, from);
      input.emit("data", piece.slice(from, at));
      // Where the last token ended is looked up only once more text is fed than a literal
      // may hold: in a shorter text no literal can be too long.
      const fed = start + at;
      if (fed > MAX_LITERAL_LENGTH && !failed()) {
        const end = watch.end();
        if (fed - end > MAX_LITERAL_LENGTH && end !== examined) {
          examined = end;
          const problem = pendingLiteral(text, end, fed, watch);
          if (problem) return problem;
        }
      }
      if (!failed()) yield;
    }
    start += piece.length;
  }
  if (!failed()) input.emit("end");
  return undefined;
}

/**
 * How much of a text in pieces is joined, from where the last token ended, to measure the
 * literal left open there. It is first measured once the text fed runs more than
 * MAX_LITERAL_LENGTH past that token, by at most one chunk or one short piece (at most
 * MAX_LITERAL_LENGTH): the literal opens within 2 MAX_LITERAL_LENGTH + CHUNK of it, and is
 * too long or not within MAX_LITERAL_LENGTH more.
 */
const PENDING_WINDOW = 4 * MAX_LITERAL_LENGTH;

/** `pendingLiteralProblem` on a text held as one string or as pieces. */
function pendingLiteral(
  text: RdfText,
  end: number,
  fed: number,
  watch: TokenWatch,
): RdfParseError | undefined {
  if (typeof text === "string") return pendingLiteralProblem(text, end, fed, watch.lines);
  const to = Math.min(text.length, end + PENDING_WINDOW);
  const window = text.slice(end, to);
  return pendingLiteralProblem(window, 0, Math.min(fed, to) - end, watch.lines, end);
}

/**
 * Where the chunk starting at `from` ends: just after the first line break CHUNK characters on,
 * if one comes within another CHUNK. A chunk that ends between two statements leaves n3 nothing
 * half-read to join to the next chunk: a joined string makes n3 read that chunk slower.
 */
function chunkEnd(text: string, from: number): number {
  // A text no longer than a literal may be holds no literal too long: it is read at once.
  if (text.length <= MAX_LITERAL_LENGTH) return text.length;
  const target = from + CHUNK;
  if (target >= text.length) return text.length;
  const lf = text.slice(target, target + CHUNK).indexOf("\n");
  return lf === -1 ? target : target + lf + 1;
}

/** The error with its code and hint: n3's "Token too long" is a name over the limit. */
function withHint(failure: RdfParseError, format: RdfFormat): RdfParseError {
  if (failure.code === undefined && failure.message.startsWith("Token too long")) {
    failure.code = "RdfLimit";
    failure.hint = NAME_HINT;
  }
  failure.code ??= "RdfSyntax";
  failure.hint ??= hintFor(failure, format);
  return failure;
}

/** The tokens n3 reads: each checked, the last quad's object, and where the last one ended. */
class TokenWatch {
  readonly lines: LineOffsets;
  private readonly guard: TokenGuard;
  /** The token being read, and the last one before it that is no datatype or language tag. */
  private current: RdfToken | undefined;
  object: RdfToken | undefined;

  constructor(text: TextLike) {
    this.lines = new LineOffsets(text);
    this.guard = new TokenGuard((token) => this.writtenLength(token));
  }

  read(token: RdfToken): RdfParseError | undefined {
    const problem = this.guard.check(token);
    if (problem) return problem;
    // n3 hands a quad over on the token after its object (a literal's suffixes aside).
    const before = this.current;
    if (before && before.type !== "type" && before.type !== "typeIRI")
      if (before.type !== "langcode") this.object = before;
    this.current = token;
    return undefined;
  }

  /**
   * The offset in the text just after the last token read (0 before any), found only when
   * asked: a token's line and column are turned into an offset once per chunk, not per token.
   */
  end(): number {
    const last = this.current;
    return last === undefined ? 0 : this.lines.at(last.endLine ?? last.line, last.end);
  }

  /** A literal token's length as written between its quotes. */
  private writtenLength(token: RdfToken): number {
    const quotes = (token as { tripleQuoted?: boolean }).tripleQuoted ? 3 : 1;
    const start = this.lines.at(token.line, token.start);
    return this.lines.at(token.endLine ?? token.line, token.end) - start - 2 * quotes;
  }
}
