/**
 * The guard's look at each token n3's parser is about to read (through the parser's public
 * `onToken` callback): nesting deeper than MAX_NESTING_DEPTH, a literal longer than
 * MAX_LITERAL_LENGTH as written, a name longer than MAX_IRI_LENGTH, and an IRI that is not one
 * (./iri-syntax.ts), each refused at the token's own line and column.
 */
import { iriProblem, localNameProblem } from "../vocab/iri-syntax.ts";
import {
  LITERAL_HINT,
  LITERAL_TOO_LONG,
  MAX_IRI_LENGTH,
  MAX_LITERAL_LENGTH,
  MAX_NESTING_DEPTH,
  NAME_HINT,
} from "./rdf-limits.ts";
import { clip, iriHint, type RdfParseError, type RdfToken, refuse } from "./read-errors.ts";

const OPENING = new Set(["(", "[", "{", "<<", "<<(", "{|"]);
const CLOSING = new Set([")", "]", "}", ">>", ")>>", "|}"]);

export class TokenGuard {
  private depth = 0;
  /** Whether a base IRI is in force, so relative IRIs resolve; and whether one comes next. */
  private hasBase = false;
  private baseNext = false;

  /** `writtenLength` gives a literal token's length as written between its quotes. */
  constructor(private readonly writtenLength: (token: RdfToken) => number) {}

  /** The problem with a token, or undefined. Runs for every token, so the common case is cheap. */
  check(token: RdfToken): RdfParseError | undefined {
    const type = token.type;
    // The commonest tokens first: most are prefixed names, literals and ; . ,
    if (type === "prefixed" || type === "type") return this.checkLocalName(token);
    if (type === "literal") return this.checkLiteral(token);
    if (type === ";" || type === "." || type === ",") return undefined;
    if (type === "IRI" || type === "typeIRI") return this.checkIri(token);
    if (type === "blank" || type === "prefix" || type === "langcode")
      return token.value.length > MAX_IRI_LENGTH ? tooLong(token, "a name") : undefined;
    if (OPENING.has(type)) return this.open(token);
    if (CLOSING.has(type)) this.depth--;
    else if (type === "@base" || type === "BASE") this.baseNext = true;
    return undefined;
  }

  private checkLocalName(token: RdfToken): RdfParseError | undefined {
    if (token.value.length > MAX_IRI_LENGTH) return tooLong(token, "a local name");
    const problem = localNameProblem(token.value);
    if (problem === undefined) return undefined;
    const message = `invalid IRI ${token.prefix}:${clip(token.value)}: it ${problem}`;
    return refuse(token, "RdfSyntax", message, iriHint(problem));
  }

  private checkLiteral(token: RdfToken): RdfParseError | undefined {
    // A literal is never shorter as written than its value.
    if (token.value.length <= MAX_LITERAL_LENGTH && token.endLine === undefined) {
      if (token.end - token.start <= MAX_LITERAL_LENGTH) return undefined;
    }
    if (this.writtenLength(token) <= MAX_LITERAL_LENGTH) return undefined;
    return refuse(token, "RdfLimit", LITERAL_TOO_LONG, LITERAL_HINT);
  }

  private checkIri(token: RdfToken): RdfParseError | undefined {
    if (token.value.length > MAX_IRI_LENGTH) return tooLong(token, "an IRI");
    const problem = iriProblem(token.value, this.hasBase);
    if (this.baseNext) {
      this.baseNext = false;
      this.hasBase ||= problem === undefined;
    }
    if (problem === undefined) return undefined;
    const message = `invalid IRI <${clip(token.value)}>: it ${problem}`;
    return refuse(token, "RdfSyntax", message, iriHint(problem));
  }

  private open(token: RdfToken): RdfParseError | undefined {
    if (++this.depth <= MAX_NESTING_DEPTH) return undefined;
    return refuse(
      token,
      "RdfLimit",
      `nesting deeper than ${MAX_NESTING_DEPTH} levels`,
      "flatten the data: give the inner nodes names instead of nesting them",
    );
  }
}

function tooLong(token: RdfToken, what: string): RdfParseError {
  return refuse(token, "RdfLimit", `${what} longer than ${MAX_IRI_LENGTH} characters`, NAME_HINT);
}
