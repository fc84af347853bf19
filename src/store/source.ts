/**
 * Reading the knowledge base to push, as a pass (`QuadPass`) that each of a push's two readings
 * makes again, holding only what it reads at the moment. An N-Quads or N-Triples file is read
 * piece by piece (each piece ends after a line, and one line is one statement, so each piece
 * parses on its own): a file of any size, up to the 8 GiB limit, never is in memory whole. A
 * Turtle or TriG file is read whole (a statement may span lines) and parsed chunk by chunk.
 * From an N-Quads file (`graph/kb.nq`) each line already is the N-Triples line a request
 * carries, plus its graph: the line is used as it is once the parser has checked it, so
 * nothing is serialised again.
 */
import type { Quad } from "@rdfjs/types";
import { displayPath } from "../base/display-path.ts";
import { type Diagnostic, InputError } from "../base/errors.ts";
import {
  checkKnowledgeBaseFiles,
  formatOf,
  lineTooLong,
  readKnowledgeBaseText,
  syntaxDiagnostic,
  withDecodeHint,
} from "../graph/load.ts";
import { decodedPieces, LineTooLong, pieceBytes } from "../rdf/read/file-pieces.ts";
import { parseRdfSteps, type RdfFormat } from "../rdf/read/guarded-parser.ts";
import { piecesOf, type RdfText } from "../rdf/read/text-pieces.ts";
import type { QuadPass } from "./graph-survey.ts";

/**
 * The files as a pass. The files are checked (format, size) at once; a reading throws an
 * InputError naming every broken file, with its line and column, once it has read them all.
 */
export function filesPass(files: readonly string[]): QuadPass {
  checkKnowledgeBaseFiles(files);
  return function* (onQuad) {
    const diagnostics: Diagnostic[] = [];
    for (const [i, file] of files.entries()) {
      const problem = yield* readFile(file, i, onQuad);
      if (problem) diagnostics.push(problem);
    }
    if (diagnostics.length > 0) throw new InputError(diagnostics);
  };
}

/** One file, part after part; returns the diagnostic of its first problem. */
function* readFile(
  file: string,
  index: number,
  onQuad: (quad: Quad, line: string | undefined) => void,
): Generator<void, Diagnostic | undefined, undefined> {
  const format = formatOf(file) as RdfFormat;
  const lineByLine = format === "N-Quads" || format === "N-Triples";
  // Parsed in parts, a file keeps one blank node per label only with a prefix of its own.
  const options = lineByLine ? { blankNodePrefix: `f${index}_` } : {};
  for (const part of fileParts(file, lineByLine)) {
    if (!part.ok) return part.diagnostic;
    const lines = format === "N-Quads" ? new NQuadsLines(part.text) : undefined;
    try {
      yield* parseRdfSteps(part.text, format, (q) => onQuad(q, lines?.next(q)), undefined, options);
    } catch (error) {
      const at = syntaxDiagnostic(displayPath(file), part.text, error as Error);
      return { ...at, line: at.line + part.line - 1 };
    }
  }
  return undefined;
}

/**
 * The size of the pieces a line-by-line file is read in: small, since each is held while it is
 * parsed (with its text decoded, about twice its size), and a piece costs little more than
 * a new parser.
 */
export const PUSH_PIECE_BYTES = 16 * 1024 * 1024;

type FilePart =
  | { readonly ok: true; readonly text: RdfText; readonly line: number }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/** A line-by-line file's pieces, decoded one at a time; any other file's whole text. */
function* fileParts(file: string, lineByLine: boolean): Generator<FilePart, void, undefined> {
  if (!lineByLine) {
    const read = readKnowledgeBaseText(file);
    yield read.ok ? { ok: true, text: read.text, line: 1 } : read;
    return;
  }
  try {
    const size = Math.min(pieceBytes(), PUSH_PIECE_BYTES);
    for (const piece of decodedPieces(file, displayPath(file), size))
      yield piece.ok ? piece : { ok: false, diagnostic: withDecodeHint(piece.diagnostic) };
  } catch (error) {
    if (!(error instanceof LineTooLong)) throw error;
    yield { ok: false, diagnostic: lineTooLong(file, error) };
  }
}

/**
 * Walks an N-Quads text line by line beside its parser. In N-Quads every statement is one
 * line and gives one quad, so the parser's n-th quad comes from the n-th line that is neither
 * blank nor a comment. Each line is checked against its quad (subject at the start, graph at
 * the end); at the first line that does not match — a trailing comment, an escaped IRI, a
 * blank node graph — the walk stops and the caller serialises the quads from there on.
 */
export class NQuadsLines {
  private position = 0;
  private stopped = false;
  /** The piece being walked: a text in pieces is cut at line breaks, so no line spans two. */
  private piece = 0;
  private readonly pieces: readonly string[];

  constructor(text: RdfText) {
    this.pieces = piecesOf(text);
  }

  /** The quad's triple as an N-Triples line ("… .\n"), or undefined when it cannot be cut out. */
  next(q: Quad): string | undefined {
    if (this.stopped) return undefined;
    const line = this.nextLine();
    const cut = line === undefined ? undefined : tripleOf(line, q);
    if (cut === undefined) this.stopped = true;
    return cut;
  }

  private nextLine(): string | undefined {
    for (; this.piece < this.pieces.length; this.piece++, this.position = 0) {
      const text = this.pieces[this.piece] ?? "";
      while (this.position < text.length) {
        let end = text.indexOf("\n", this.position);
        if (end === -1) end = text.length;
        const line = text.slice(this.position, end).trim();
        this.position = end + 1;
        if (line !== "" && !line.startsWith("#")) return line;
      }
    }
    return undefined;
  }
}

/**
 * The line's triple, when the line is the quad's in the canonical spacing claimgraph writes
 * (`<s> <p> o <g> .`, one space apart), so that equal triples give equal lines.
 */
function tripleOf(line: string, q: Quad): string | undefined {
  if (q.graph.termType !== "NamedNode" || q.subject.termType !== "NamedNode") return undefined;
  const head = `<${q.subject.value}> <${q.predicate.value}> `;
  const tail = ` <${q.graph.value}> .`;
  if (!line.startsWith(head) || !line.endsWith(tail)) return undefined;
  const object = line.slice(head.length, line.length - tail.length);
  if (object === "" || object.trim() !== object) return undefined;
  return `${head}${object} .\n`;
}
