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
import { statSync } from "node:fs";
import type { Quad } from "@rdfjs/types";
import { displayPath } from "../base/display-path.ts";
import { ClaimgraphError, type Diagnostic, InputError, UsageError } from "../base/errors.ts";
import {
  checkKnowledgeBaseFiles,
  formatOf,
  lineTooLong,
  missingOrUnreadable,
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
 * A file must be the same file, unchanged, on every reading (`FileIdentities`): a reading after
 * the first checks every file before it reads anything, and each file again once read.
 */
export function filesPass(files: readonly string[]): QuadPass {
  checkKnowledgeBaseFiles(files);
  const identities = new FileIdentities(files);
  return function* (onQuad) {
    identities.checkAll();
    const diagnostics: Diagnostic[] = [];
    for (const [i, file] of files.entries()) {
      const before = identities.check(i);
      const problem = yield* readFile(file, i, onQuad);
      if (problem) diagnostics.push(problem);
      identities.checkUnchanged(i, before);
    }
    if (diagnostics.length > 0) throw new InputError(diagnostics);
  };
}

/**
 * What tells a file from another or from itself changed: its device, inode, size and time of
 * last change, the link followed (a build that switched `graph/kb.trig` to a new generation
 * gives another inode). The first reading of each file records it.
 */
class FileIdentities {
  private readonly seen: Array<string | undefined>;

  constructor(private readonly files: readonly string[]) {
    this.seen = files.map(() => undefined);
  }

  /** Throws when any file read before is not the same now. */
  checkAll(): void {
    for (const i of this.files.keys()) if (this.seen[i] !== undefined) this.check(i);
  }

  /** The file's identity now, recorded on its first reading; throws when it differs from it. */
  check(i: number): string {
    const now = this.identity(i);
    const seen = this.seen[i];
    if (seen === undefined) this.seen[i] = now;
    else if (seen !== now) throw this.changed(i);
    return now;
  }

  /** Throws when the file changed while it was read. */
  checkUnchanged(i: number, before: string): void {
    if (this.identity(i) !== before) throw this.changed(i);
  }

  private identity(i: number): string {
    const file = this.files[i] as string;
    try {
      const s = statSync(file, { bigint: true });
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch (error) {
      throw missingOrUnreadable(file, error);
    }
  }

  private changed(i: number): UsageError {
    return new UsageError(
      `knowledge base file "${this.files[i]}" changed while it was being pushed (another file, size or time than on the first reading)`,
      "push again once nothing writes the files (a build, say); `claimgraph pushed` shows what the store holds now",
    );
  }
}

/** One file, part after part; returns the diagnostic of its first problem. */
function* readFile(
  file: string,
  index: number,
  onQuad: (quad: Quad, line: string | undefined) => void,
): Generator<void, Diagnostic | undefined, undefined> {
  const format = formatOf(file) as RdfFormat;
  const lineByLine = format === "N-Quads" || format === "N-Triples";
  // A blank node label reads the same in each part and on each reading of a file, and
  // differently in another file.
  const options = { blankNodePrefix: `f${index}_` };
  // What the caller throws from a quad is its own error, not the file's syntax.
  let thrown: { readonly error: unknown } | undefined;
  const take = (q: Quad, line: string | undefined) => {
    try {
      onQuad(q, line);
    } catch (error) {
      thrown = { error };
      throw error;
    }
  };
  for (const part of fileParts(file, lineByLine)) {
    if (!part.ok) return part.diagnostic;
    const lines = format === "N-Quads" ? new NQuadsLines(part.text) : undefined;
    try {
      yield* parseRdfSteps(part.text, format, (q) => take(q, lines?.next(q)), undefined, options);
    } catch (error) {
      if (thrown) throw thrown.error;
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
    if (error instanceof LineTooLong) yield { ok: false, diagnostic: lineTooLong(file, error) };
    else if (error instanceof ClaimgraphError) throw error;
    // Missing, unreadable, or no longer a regular file when opened.
    else throw missingOrUnreadable(file, error);
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
  // A blank node is written with the parser's label (which keeps it one node per file), not
  // the file's: any line with one is serialised again.
  if (q.graph.termType !== "NamedNode" || q.subject.termType !== "NamedNode") return undefined;
  if (q.object.termType === "BlankNode") return undefined;
  const head = `<${q.subject.value}> <${q.predicate.value}> `;
  const tail = ` <${q.graph.value}> .`;
  if (!line.startsWith(head) || !line.endsWith(tail)) return undefined;
  const object = line.slice(head.length, line.length - tail.length);
  if (object === "" || object.trim() !== object) return undefined;
  return `${head}${object} .\n`;
}
