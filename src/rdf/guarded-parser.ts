/**
 * Parsing RDF that may be hostile: n3's parser over a lexer that refuses, at the line and
 * column of the offending token, what would make a knowledge base unsafe to hold or to show:
 * nesting deeper than MAX_NESTING_DEPTH, a literal longer than MAX_LITERAL_LENGTH, a name
 * longer than MAX_IRI_LENGTH, and an IRI that is not one (./iri-syntax.ts). Parsing is
 * synchronous and streams each quad to a callback, with where its object stands in the text;
 * nothing is collected in an array. Its errors and their hints are in ./parse-errors.ts.
 *
 * The lexer reaches into n3 2.13.12 (pinned in package.json): N3Lexer's `_tokenizeString`,
 * `_parseLiteral` and `_syntaxError`. Loading this module fails if they are gone, and
 * tests/trace/hostile-kb.test.ts fails if they change meaning.
 */
import type { Quad } from "@rdfjs/types";
import { Lexer, Parser, type ParserOptions } from "n3";
import { iriProblem, localNameProblem } from "./iri-syntax.ts";
import {
  clip,
  hintFor,
  iriHint,
  type RdfParseError,
  type RdfToken,
  refuse,
  type TextPlace,
} from "./parse-errors.ts";
import { TextPlaces } from "./text-places.ts";

/**
 * Deepest nesting of ( ), [ ], { }, << >> and {| |}. n3 keeps its own stack, so depth costs
 * memory rather than the call stack, but no knowledge base needs more than a few levels.
 */
export const MAX_NESTING_DEPTH = 1000;

/**
 * Longest literal, in UTF-16 code units as written between its quotes (an escape counts as
 * written). Twice the largest document a build accepts (MAX_DOCUMENT_BYTES, 8 MiB), so the
 * text of any document, which the build stores as one literal, fits even with every character
 * escaped as \n or \t. It is measured before n3 copies, splits and unescapes the literal, which
 * costs about 20 bytes of memory per character written.
 */
export const MAX_LITERAL_LENGTH = 16 * 1024 * 1024;

/**
 * Longest IRI, and longest prefix, local name, blank node label or language tag: these become
 * the keys of the graph, copied into its snapshot and the viewer. Far beyond any identifier.
 */
export const MAX_IRI_LENGTH = 64 * 1024;

export type RdfFormat = "Turtle" | "TriG" | "N-Triples" | "N-Quads";

const LITERAL_HINT = `split the text into literals of at most ${MAX_LITERAL_LENGTH} characters`;
const NAME_HINT = `IRIs and names are identifiers: keep them under ${MAX_IRI_LENGTH} characters`;

/**
 * Where the quad just handed over stands: the line and column of its object (of a literal's
 * opening quote, not its datatype or language). Valid only during the `onQuad` call; the
 * same function is passed for every quad, and costs nothing unless called.
 */
export type QuadPlace = () => TextPlace;

/**
 * Parses `text`, handing each quad to `onQuad` and each prefix declaration to `onPrefix`;
 * throws the first problem as an RdfParseError with a code and a hint.
 */
export function parseRdf(
  text: string,
  format: RdfFormat,
  onQuad: (quad: Quad, place: QuadPlace) => void,
  onPrefix?: (prefix: string, iri: string) => void,
): void {
  const lexer = new GuardedLexer({ lineMode: format === "N-Triples" || format === "N-Quads" });
  const places = new TextPlaces(text);
  const place: QuadPlace = () => places.at(lexer.object?.line ?? 1, lexer.object?.start ?? 0);
  const options = { format, lexer } as ParserOptions;
  let failure: RdfParseError | undefined;
  let finished = false;
  new Parser(options).parse(
    text,
    (error, quad) => {
      if (error) {
        failure ??= error;
        lexer.halted = true;
      } else if (quad) onQuad(quad, place);
      else finished = true;
    },
    onPrefix && ((prefix, iri) => onPrefix(prefix, iri.value)),
  );
  if (failure) {
    failure.code ??= "RdfSyntax";
    failure.hint ??= hintFor(failure, format);
    throw failure;
  }
  if (!finished) throw new Error("n3 did not parse synchronously: see src/rdf/guarded-parser.ts");
}

type LexCallback = (error: Error | null, token?: RdfToken) => void;

interface LiteralMatch {
  readonly value: string | null;
  readonly matchLength: number;
  readonly finalLineLength: number;
  readonly tripleQuoted: boolean;
}

/** The parts of n3's N3Lexer that the guard overrides or calls. */
interface N3LexerInternals {
  previousToken?: RdfToken;
  _tokenizeString(input: string, callback: LexCallback): void;
  _parseLiteral(input: string, pos: number): LiteralMatch;
  _syntaxError(issue: string | null, message?: string): RdfParseError;
}

const N3Lexer = Lexer as unknown as new (options: { lineMode: boolean }) => N3LexerInternals;
for (const name of ["_tokenizeString", "_parseLiteral", "_syntaxError"] as const) {
  if (typeof N3Lexer.prototype[name] !== "function")
    throw new Error(`n3's Lexer has no ${name}: src/rdf/guarded-parser.ts needs updating`);
}

/** Thrown from the token callback to end tokenizing once the parse has failed. */
const STOP = Symbol("stop tokenizing");

const NOT_A_LITERAL: LiteralMatch = {
  value: null,
  matchLength: 0,
  finalLineLength: 0,
  tripleQuoted: false,
};

class GuardedLexer extends N3Lexer {
  /** Set when the parse has failed, so the rest of the input is not tokenized for nothing. */
  halted = false;
  private depth = 0;
  /** Whether a base IRI is in force, so relative IRIs resolve; and whether one comes next. */
  private hasBase = false;
  private baseNext = false;
  /** Why `_parseLiteral` refused a literal, for the error n3 then asks `_syntaxError` for. */
  private refusal: string | undefined;
  /** The token being parsed, and the last one before it that is no datatype or language tag. */
  private current: RdfToken | undefined;
  object: RdfToken | undefined;

  /** Tokenizes a whole string synchronously (n3's own `tokenize` defers to a microtask). */
  tokenize(input: string, callback: LexCallback): void {
    const guarded: LexCallback = (error, token) => {
      if (error === null && token !== undefined) {
        const problem = this.check(token);
        if (problem) {
          callback(problem);
          throw STOP;
        }
        // n3 hands a quad over on the token after its object (a literal's suffixes aside).
        const before = this.current;
        if (before && before.type !== "type" && before.type !== "typeIRI")
          if (before.type !== "langcode") this.object = before;
        this.current = token;
      }
      callback(error, token);
      if (this.halted) throw STOP;
    };
    try {
      this._tokenizeString(input, guarded);
    } catch (error) {
      if (error !== STOP) throw error;
    }
  }

  /**
   * n3 copies everything up to a literal's closing quotes and splits it into lines before it
   * finds the literal too long, or (one quote) broken by a line break: with the rest of the input
   * that long, both are decided here first.
   */
  override _parseLiteral(input: string, pos: number): LiteralMatch {
    if (input.length - pos > MAX_LITERAL_LENGTH) {
      const extent = literalExtent(input, pos, MAX_LITERAL_LENGTH);
      if (extent === "too long")
        this.refusal = `a literal longer than ${MAX_LITERAL_LENGTH} characters`;
      if (extent !== "fits") return NOT_A_LITERAL;
    }
    return super._parseLiteral(input, pos);
  }

  override _syntaxError(issue: string | null, message?: string): RdfParseError {
    const refusal = this.refusal;
    this.refusal = undefined;
    if (refusal === undefined && !message?.startsWith("Token too long"))
      return super._syntaxError(issue, message);
    const error = super._syntaxError(null, refusal ?? message);
    error.code = "RdfLimit";
    error.hint = refusal ? LITERAL_HINT : NAME_HINT;
    return error;
  }

  /** The problem with a token, or undefined. Runs for every token, so the common case is cheap. */
  private check(token: RdfToken): RdfParseError | undefined {
    const type = token.type;
    // The commonest tokens first: most are prefixed names, literals and ; . ,
    if (type === "prefixed" || type === "type") {
      if (token.value.length > MAX_IRI_LENGTH) return this.tooLong(token, "a local name");
      const problem = localNameProblem(token.value);
      if (problem === undefined) return undefined;
      return refuse(
        token,
        "RdfSyntax",
        `invalid IRI ${token.prefix}:${clip(token.value)}: it ${problem}`,
        iriHint(problem),
      );
    }
    if (type === "literal") {
      if (token.value.length <= MAX_LITERAL_LENGTH) return undefined;
      return refuse(
        token,
        "RdfLimit",
        `a literal longer than ${MAX_LITERAL_LENGTH} characters`,
        LITERAL_HINT,
      );
    }
    if (type === ";" || type === "." || type === ",") return undefined;
    switch (type) {
      case "IRI":
      case "typeIRI": {
        if (token.value.length > MAX_IRI_LENGTH) return this.tooLong(token, "an IRI");
        const problem = iriProblem(token.value, this.hasBase);
        if (this.baseNext) {
          this.baseNext = false;
          this.hasBase ||= problem === undefined;
        }
        if (problem === undefined) return undefined;
        return refuse(
          token,
          "RdfSyntax",
          `invalid IRI <${clip(token.value)}>: it ${problem}`,
          iriHint(problem),
        );
      }
      case "blank":
      case "prefix":
      case "langcode":
        return token.value.length > MAX_IRI_LENGTH ? this.tooLong(token, "a name") : undefined;
      case "(":
      case "[":
      case "{":
      case "<<":
      case "<<(":
      case "{|":
        if (++this.depth <= MAX_NESTING_DEPTH) return undefined;
        return refuse(
          token,
          "RdfLimit",
          `nesting deeper than ${MAX_NESTING_DEPTH} levels`,
          "flatten the data: give the inner nodes names instead of nesting them",
        );
      case ")":
      case "]":
      case "}":
      case ">>":
      case ")>>":
      case "|}":
        this.depth--;
        return undefined;
      case "@base":
      case "BASE":
        this.baseNext = true;
        return undefined;
      default:
        return undefined;
    }
  }

  private tooLong(token: RdfToken, what: string): RdfParseError {
    return refuse(token, "RdfLimit", `${what} longer than ${MAX_IRI_LENGTH} characters`, NAME_HINT);
  }
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
