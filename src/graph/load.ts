/**
 * Reading knowledge-base files: Turtle, TriG, N-Triples or N-Quads, chosen by file
 * extension. Files are decoded strictly (in pieces when too long for one string) and parsed by
 * the guarded parser (src/rdf/read/guarded-parser.ts, which holds the limits on nesting,
 * literals and IRIs); all are parsed before anything is built, so a broken or hostile file
 * fails the whole load with its line and column and nothing is half-loaded.
 */
import { type Stats, statSync } from "node:fs";
import type { Quad } from "@rdfjs/types";
import { displayPath } from "../base/display-path.ts";
import { type Diagnostic, InputError, UsageError } from "../base/errors.ts";
import { LineTooLong, readTextPieces } from "../rdf/read/file-pieces.ts";
import { parseRdf, type QuadPlace, type RdfFormat } from "../rdf/read/guarded-parser.ts";
import { parseErrorMessage, parseErrorPlace, type RdfParseError } from "../rdf/read/read-errors.ts";
import type { RdfText } from "../rdf/read/text-pieces.ts";
import { CG } from "../rdf/vocab/vocabulary.ts";
import type { QuadSource } from "./quad-source.ts";

/**
 * The largest knowledge-base file read, in bytes (8 GiB). A file longer than the longest
 * string the JavaScript engine can hold (2^29 − 24 characters) is read in pieces
 * (src/rdf/read/file-pieces.ts); what bounds a file is then the memory its text and its graph
 * take (./heap-check.ts, which `openKnowledgeGraph` asks first). A larger knowledge base can
 * be split into several --kb files.
 */
export const MAX_KB_FILE_BYTES: number = 8 * 1024 * 1024 * 1024;

const FORMATS: Readonly<Record<string, RdfFormat>> = {
  ".ttl": "Turtle",
  ".turtle": "Turtle",
  ".trig": "TriG",
  ".nt": "N-Triples",
  ".nq": "N-Quads",
};

export function formatOf(file: string): RdfFormat | undefined {
  const dot = file.lastIndexOf(".");
  return dot === -1 ? undefined : FORMATS[file.slice(dot).toLowerCase()];
}

function requireFormat(path: string): RdfFormat {
  const format = formatOf(path);
  if (!format) {
    throw new UsageError(
      `cannot tell the format of "${path}"`,
      "use a .ttl, .trig, .nt or .nq file",
    );
  }
  return format;
}

export interface KnowledgeBaseFiles {
  readonly quads: Quad[];
  /** The prefixes the files declare, for showing IRIs short. */
  readonly prefixes: Record<string, string>;
}

/** Parses every file; throws an InputError naming each broken one, or a UsageError. */
export function readKnowledgeBaseFiles(files: readonly string[]): KnowledgeBaseFiles {
  return readKnowledgeBaseTexts(files, readKnowledgeBaseSources(files));
}

/**
 * The text of each file, decoded as UTF-8: one string, or pieces for a file too long for one.
 * Throws a UsageError for a file that is missing or not a file, and an InputError for files
 * too large, binary or not UTF-8.
 */
export function readKnowledgeBaseSources(files: readonly string[]): RdfText[] {
  checkKnowledgeBaseFiles(files);
  const diagnostics: Diagnostic[] = [];
  const texts = files.map((path) => {
    const decoded = readKnowledgeBaseText(path);
    if (decoded.ok) return decoded.text;
    diagnostics.push(decoded.diagnostic);
    return "";
  });
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return texts;
}

/**
 * Checks, before any is read, that each file is a knowledge-base file by its extension and a
 * file within the size limit: a UsageError, or an InputError naming every file too large.
 */
export function checkKnowledgeBaseFiles(files: readonly string[]): void {
  const sizes = files.map((path) => fileSize(path));
  const over = files.flatMap((path, i) => {
    const size = sizes[i] ?? 0;
    if (size <= MAX_KB_FILE_BYTES) return [];
    return [tooLarge(path, `the file has ${size} bytes; the limit is ${MAX_KB_FILE_BYTES}`)];
  });
  if (over.length > 0) throw new InputError(over);
}

/** One file's text (see `readKnowledgeBaseSources`), or the diagnostic, with its hint, of why not. */
export function readKnowledgeBaseText(
  path: string,
): { ok: true; text: RdfText } | { ok: false; diagnostic: Diagnostic } {
  const decoded = readText(path);
  if (decoded.ok) return decoded;
  return { ok: false, diagnostic: withDecodeHint(decoded.diagnostic) };
}

/** A diagnostic of reading a file's bytes, with the hint for its kind. */
export function withDecodeHint(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, hint: decodeHint(diagnostic) };
}

/** A line too long for any string, as a diagnostic of the file. */
export function lineTooLong(path: string, error: LineTooLong): Diagnostic {
  return tooLarge(path, `${error.message}: no string holds it`);
}

function decodeHint(diagnostic: Diagnostic): string {
  if (diagnostic.code === "BinaryInput")
    return "a knowledge base is a text file: Turtle, TriG, N-Triples or N-Quads";
  if (diagnostic.code === "RdfLimit") return diagnostic.hint;
  return "RDF files are UTF-8: save the file as UTF-8 (it may be Latin-1 or Windows-1252)";
}

function tooLarge(path: string, message: string): Diagnostic {
  return {
    code: "RdfLimit",
    severity: "error",
    file: displayPath(path),
    line: 1,
    column: 1,
    message,
    hint: "split the knowledge base into several files (--kb is repeatable)",
  };
}

function usageProblem(path: string, message: string, hint: string): UsageError {
  return new UsageError(`knowledge base file "${path}" ${message}`, hint);
}

/** The size of a knowledge-base file; a UsageError when it is not a readable file. */
function fileSize(path: string): number {
  requireFormat(path);
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    throw missingOrUnreadable(path, error);
  }
  if (!stat.isFile()) throw usageProblem(path, "is not a file", "pass --kb FILE with an RDF file");
  return stat.size;
}

/** Why a knowledge-base file cannot be opened, as a UsageError naming it. */
export function missingOrUnreadable(path: string, error: unknown): UsageError {
  if ((error as NodeJS.ErrnoException).code === "ENOENT")
    return usageProblem(path, "does not exist", "run `claimgraph build` first, or pass --kb FILE");
  return usageProblem(path, `cannot be read: ${(error as Error).message}`, "check its permissions");
}

/** The file's text in pieces of `pieceBytes()` bytes (one string when it fits in one). */
function readText(path: string): ReturnType<typeof readTextPieces> {
  try {
    return readTextPieces(path, displayPath(path));
  } catch (error) {
    if (error instanceof LineTooLong) return { ok: false, diagnostic: lineTooLong(path, error) };
    throw missingOrUnreadable(path, error);
  }
}

/** Parses the texts of the given files (the files name them and choose the syntax). */
export function readKnowledgeBaseTexts(
  files: readonly string[],
  texts: readonly RdfText[],
): KnowledgeBaseFiles {
  const quads: Quad[] = [];
  const prefixes = parseTexts(files, texts, (q) => quads.push(q));
  return { quads, prefixes };
}

/**
 * Parses the texts, handing each quad to `onQuad` as it is read, with the file and place it
 * was read from (no array of them is kept); resolves to the prefixes. Rejects with an
 * InputError naming every broken file. A file that parses but holds nothing in claimgraph's
 * vocabulary, which adds nothing to a knowledge graph, is told to `onWarning`.
 */
export async function parseKnowledgeBaseTexts(
  files: readonly string[],
  texts: readonly RdfText[],
  onQuad: (quad: Quad, source: QuadSource) => void,
  onWarning?: (warning: Diagnostic) => void,
): Promise<Record<string, string>> {
  return parseTexts(files, texts, onQuad, onWarning);
}

function parseTexts(
  files: readonly string[],
  texts: readonly RdfText[],
  onQuad: (quad: Quad, source: QuadSource) => void,
  onWarning?: (warning: Diagnostic) => void,
): Record<string, string> {
  const prefixes: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const [i, path] of files.entries()) {
    const format = requireFormat(path);
    const text = texts[i] ?? "";
    let place: QuadPlace = () => ({ line: 1, column: 1 });
    const source: QuadSource = { file: displayPath(path), place: () => place() };
    let quads = 0;
    let vocabulary = false;
    try {
      parseRdf(
        text,
        format,
        (q, at) => {
          place = at;
          quads++;
          vocabulary ||= usesVocabulary(q);
          onQuad(q, source);
        },
        (prefix, iri) => {
          if (prefix !== "") prefixes[prefix] = iri;
        },
      );
    } catch (error) {
      diagnostics.push(syntaxDiagnostic(source.file, text, error as Error));
      continue;
    }
    if (!vocabulary) onWarning?.(noVocabulary(source.file, quads));
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return prefixes;
}

/** Whether a quad says anything in claimgraph's vocabulary (a cg: property or class). */
function usesVocabulary(q: Quad): boolean {
  return q.predicate.value.startsWith(CG.iri) || q.object.value.startsWith(CG.iri);
}

function noVocabulary(file: string, quads: number): Diagnostic {
  return {
    code: "NoClaimgraphVocabulary",
    severity: "warning",
    file,
    line: 1,
    column: 1,
    message:
      quads === 0
        ? "the file holds no triples: it adds nothing to the knowledge base"
        : `the file holds ${quads} triple${quads === 1 ? "" : "s"}, none in claimgraph's vocabulary (${CG.iri}): it adds nothing to the knowledge base`,
    hint: "--kb reads what `claimgraph build` writes (graph/kb.ttl, kb.trig, kb.nq): is this the file you meant?",
  };
}

/** Where a parse failed, as a diagnostic (see `parseErrorPlace` for the column). */
export function syntaxDiagnostic(file: string, text: RdfText, error: Error): Diagnostic {
  const { code = "RdfSyntax", hint } = error as RdfParseError;
  return {
    code,
    severity: "error",
    file,
    ...parseErrorPlace(text, error),
    message: parseErrorMessage(error),
    hint: hint ?? "the file must be valid Turtle, TriG, N-Triples or N-Quads (by its extension)",
  };
}
