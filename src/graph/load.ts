/**
 * Reading knowledge-base files: Turtle, TriG, N-Triples or N-Quads, chosen by file
 * extension. Files are decoded strictly and parsed by the guarded parser
 * (src/rdf/read/guarded-parser.ts, which holds the limits on nesting, literals and IRIs); all are
 * parsed before anything is built, so a broken or hostile file fails the whole load with its
 * line and column and nothing is half-loaded.
 */
import { constants } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import type { Quad } from "@rdfjs/types";
import { decodeDocument } from "../base/decode-utf8.ts";
import { displayPath } from "../base/display-path.ts";
import { type Diagnostic, InputError, UsageError } from "../base/errors.ts";
import { parseRdf, type QuadPlace, type RdfFormat } from "../rdf/read/guarded-parser.ts";
import { parseErrorMessage, parseErrorPlace, type RdfParseError } from "../rdf/read/read-errors.ts";
import { CG } from "../rdf/vocab/vocabulary.ts";
import type { QuadSource } from "./quad-source.ts";

/**
 * The largest knowledge-base file read, in bytes: the longest string the JavaScript engine
 * can hold (2^29 − 24 on 64-bit Node), as each file is parsed as one string. A larger
 * knowledge base can be split into several --kb files, or pushed to a store.
 */
export const MAX_KB_FILE_BYTES: number = constants.MAX_STRING_LENGTH;

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
 * The text of each file, decoded as UTF-8. Throws a UsageError for a file that is missing or
 * not a file, and an InputError for files too large, binary or not UTF-8.
 */
export function readKnowledgeBaseSources(files: readonly string[]): string[] {
  const diagnostics: Diagnostic[] = [];
  const texts = files.map((path) => {
    requireFormat(path);
    const problem = (message: string, hint: string) =>
      new UsageError(`knowledge base file "${path}" ${message}`, hint);
    let bytes: Buffer;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) throw problem("is not a file", "pass --kb FILE with an RDF file");
      if (stat.size > MAX_KB_FILE_BYTES) {
        diagnostics.push({
          code: "RdfLimit",
          severity: "error",
          file: displayPath(path),
          line: 1,
          column: 1,
          message: `the file has ${stat.size} bytes; the limit is ${MAX_KB_FILE_BYTES}`,
          hint: "split the knowledge base into several files (--kb is repeatable)",
        });
        return "";
      }
      bytes = readFileSync(path);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        throw problem("does not exist", "run `claimgraph build` first, or pass --kb FILE");
      throw problem(`cannot be read: ${(error as Error).message}`, "check its permissions");
    }
    const decoded = decodeDocument(displayPath(path), bytes);
    if (decoded.ok) return decoded.text;
    diagnostics.push({
      ...decoded.diagnostic,
      hint:
        decoded.diagnostic.code === "BinaryInput"
          ? "a knowledge base is a text file: Turtle, TriG, N-Triples or N-Quads"
          : "RDF files are UTF-8: save the file as UTF-8 (it may be Latin-1 or Windows-1252)",
    });
    return "";
  });
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return texts;
}

/** Parses the texts of the given files (the files name them and choose the syntax). */
export function readKnowledgeBaseTexts(
  files: readonly string[],
  texts: readonly string[],
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
  texts: readonly string[],
  onQuad: (quad: Quad, source: QuadSource) => void,
  onWarning?: (warning: Diagnostic) => void,
): Promise<Record<string, string>> {
  return parseTexts(files, texts, onQuad, onWarning);
}

function parseTexts(
  files: readonly string[],
  texts: readonly string[],
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
export function syntaxDiagnostic(file: string, text: string, error: Error): Diagnostic {
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
