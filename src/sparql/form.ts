/**
 * What a SPARQL text is — a query of some form, or an update — read with a SPARQL 1.1 parser
 * (sparqljs), never guessed from its first word: comments, `#` and unicode spaces in IRIs,
 * lower-case keywords, PREFIX and BASE before an update and `;`-joined operations are read as
 * the grammar reads them. `query` refuses updates unless `--update` is given with
 * `--endpoint`, and refuses a text that does not parse before it reaches any store, located at
 * its line and column.
 *
 * SPARQL replaces `\u` and `\U` escapes before the grammar reads the text (SPARQL 1.1 §19.2);
 * sparqljs reads them in strings only. So a text with escapes is read both ways and must be
 * the same query both ways: `# \u000A CLEAR ALL` is a comment to one reader and an update
 * to the other.
 */
import { Parser, type SparqlQuery } from "sparqljs";
import { SparqlSyntaxError, UsageError } from "../base/errors.ts";

export type QueryForm = "select" | "ask" | "construct" | "describe";

export type SparqlKind =
  | { readonly kind: "query"; readonly form: QueryForm }
  | { readonly kind: "update"; readonly operations: readonly string[] };

/** Where the text runs: the embedded store (in memory) or a remote endpoint. */
export type QueryPlace = "local" | "remote";

const PREFIX_HINT =
  "check the SPARQL syntax; the prefixes of claimgraph's vocabulary (cg:, cito:, oa:, …) and knowledge base (claim:, ent:, doc:, …) are predeclared";

const ESCAPE = /\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})/g;

/**
 * Reads `text` (with `prefixes` predeclared) and returns what it is if it may run at `place`:
 * a query always; an update only at a remote store with `update` set. Throws
 * SparqlSyntaxError for a text that does not parse, UsageError for a refused update.
 */
export function checkSparql(
  text: string,
  prefixes: Readonly<Record<string, string>>,
  place: QueryPlace,
  update = false,
): SparqlKind {
  const kind = readSparql(text, prefixes);
  if (kind.kind === "query") return kind;
  if (kind.operations.length === 0)
    throw new UsageError(
      "the text holds no query (only blanks, comments or PREFIX and BASE lines)",
      "give a SELECT, ASK, CONSTRUCT or DESCRIBE query",
    );
  const what = `the text is a SPARQL update (${kind.operations.join(", ")}), not a query`;
  if (place === "local")
    throw new UsageError(
      what,
      "the local store holds the --kb files in memory only, so an update would change nothing; push the knowledge base to a store and run the update there with --endpoint URL --update",
    );
  if (!update)
    throw new UsageError(
      what,
      "claimgraph only reads from a store unless told otherwise: add --update to run it (with an account that may write)",
    );
  return kind;
}

/** What `text` is, read as sparqljs reads it and, when it holds escapes, as SPARQL 1.1 does. */
export function readSparql(text: string, prefixes: Readonly<Record<string, string>>): SparqlKind {
  const kind = kindOf(parse(text, prefixes));
  ESCAPE.lastIndex = 0;
  if (!ESCAPE.test(text)) return kind;
  let other: SparqlKind | undefined;
  try {
    other = kindOf(parse(replaceEscapes(text), prefixes));
  } catch {
    other = undefined;
  }
  if (!other || JSON.stringify(other) !== JSON.stringify(kind))
    throw new SparqlSyntaxError(
      "read with its \\u escapes replaced first, as SPARQL 1.1 reads them (§19.2), it is not the same query",
      undefined,
      "write the characters themselves instead of \\u or \\U escapes",
    );
  return kind;
}

function parse(text: string, prefixes: Readonly<Record<string, string>>): SparqlQuery {
  try {
    return new Parser({ prefixes: { ...prefixes }, sparqlStar: true }).parse(text);
  } catch (error) {
    throw syntaxError(text, error as ParseError);
  }
}

function kindOf(parsed: SparqlQuery): SparqlKind {
  if (parsed.type === "query")
    return { kind: "query", form: parsed.queryType.toLowerCase() as QueryForm };
  return {
    kind: "update",
    operations: (parsed.updates ?? []).map((u) => {
      const o = u as { type?: string; updateType?: string };
      return OPERATION_NAMES[o.updateType ?? o.type ?? ""] ?? String(o.type).toUpperCase();
    }),
  };
}

const OPERATION_NAMES: Readonly<Record<string, string>> = {
  insert: "INSERT DATA",
  delete: "DELETE DATA",
  deletewhere: "DELETE WHERE",
  insertdelete: "DELETE/INSERT",
};

function replaceEscapes(text: string): string {
  return text.replace(ESCAPE, (_, four: string | undefined, eight: string | undefined) =>
    String.fromCodePoint(Number.parseInt(four ?? eight ?? "", 16)),
  );
}

/** sparqljs's (jison's) error: `hash.loc` is the last token read, `hash.text` the one refused. */
interface ParseError extends Error {
  readonly hash?: {
    readonly text?: string;
    readonly token?: string | null;
    readonly loc?: { readonly last_line: number; readonly last_column: number };
    readonly expected?: readonly string[];
  };
}

function syntaxError(text: string, error: ParseError): SparqlSyntaxError {
  const message = String(error?.message ?? error);
  const hash = error?.hash;
  if (!hash?.loc) {
    const prefix = /^Unknown prefix: (.*)$/.exec(message)?.[1];
    const at = prefix === undefined ? -1 : findPrefixedName(text, prefix);
    return new SparqlSyntaxError(
      message.split("\n")[0] ?? message,
      at < 0 ? undefined : position(text, at),
      PREFIX_HINT,
      { text },
    );
  }
  const offset = refusedToken(text, hash.loc, hash.text ?? "");
  const got =
    hash.token === "EOF" || offset >= text.length ? "the end of the text" : `"${hash.text}"`;
  const expected = (hash.expected ?? []).map((e) => e.replace(/^'|'$/g, ""));
  const listed = expected
    .slice(0, 8)
    .map((e) => (e === "EOF" ? "the end" : e))
    .join(", ");
  return new SparqlSyntaxError(
    `unexpected ${got}${listed ? `; expected ${listed}${expected.length > 8 ? ", …" : ""}` : ""}`,
    position(text, offset),
    PREFIX_HINT,
    { text },
  );
}

/** Where the refused token starts: past the last token read, its blanks and its comments. */
function refusedToken(
  text: string,
  loc: { readonly last_line: number; readonly last_column: number },
  token: string,
): number {
  const starts = [0];
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push((m.index ?? 0) + m[0].length);
  let i = Math.min(text.length, (starts[loc.last_line - 1] ?? 0) + loc.last_column);
  for (;;) {
    const blank = /^(?:\s+|#[^\r\n]*)/.exec(text.slice(i, i + 4096));
    if (!blank || blank[0].length === 0) break;
    i += blank[0].length;
  }
  if (token !== "" && !text.startsWith(token, i)) {
    const found = text.indexOf(token, i);
    if (found >= 0) return found;
  }
  return i;
}

function findPrefixedName(text: string, prefix: string): number {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(^|[^\\w.:-])${escaped}:`, "u").exec(text);
  return m ? m.index + (m[1]?.length ?? 0) : -1;
}

/** 1-based line and column (in code points) of a UTF-16 offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n?|\n/);
  return { line: lines.length, column: [...(lines.at(-1) ?? "")].length + 1 };
}
