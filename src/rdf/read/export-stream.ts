/**
 * Reading an export quad by quad, as `parseExport` reads it (the guarded parser, the same
 * quads, the same error), without holding its quads: Turtle and TriG as one text; N-Quads a
 * megabyte of lines at a time, each piece parsed on its own (no statement spans two lines);
 * JSON-LD a batch of top-level entries at a time (`jsonld-entries.ts`), each batch turned into
 * N-Quads by jsonld as `parseExport` turns the whole document. An error from a Turtle, TriG or
 * N-Quads file says where in the file it stands (`ExportReadError.place`).
 */
import { createReadStream, readFileSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { Quad } from "@rdfjs/types";
import jsonld from "jsonld";
import type { Format } from "../vocab/formats.ts";
import { parseRdf } from "./guarded-parser.ts";
import { jsonLdEntries } from "./jsonld-entries.ts";
import { parseErrorPlace, type TextPlace } from "./read-errors.ts";

/** An export to read: its text, or the file to read it from. */
export interface ExportSource {
  readonly format: Format;
  readonly file: string;
  /** The file's text; when absent, the file is read. */
  readonly text?: string | undefined;
}

export interface ReadOptions {
  /**
   * Read the text at once, as `parseExport` does. Pieces read apart give a blank node label
   * in two of them two nodes; a dataset with blank nodes is read whole where that matters.
   */
  readonly whole?: boolean;
}

const N3_FORMATS = { turtle: "Turtle", trig: "TriG", nquads: "N-Quads" } as const;

/** Characters of N-Quads parsed at once (or more, to end on a line). */
const NQUADS_PIECE = 1 << 20;

/** About this many bytes of JSON-LD entries go to jsonld at once. */
const JSONLD_BATCH = 1 << 20;

/** A UTF-16 surrogate not in a pair (in Unicode mode, a pair matches as one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Hands each quad of `source` to `onQuad`, in the order the export holds them; throws the
 * parser's error at the first problem. Each call reads the source anew.
 */
export async function readQuads(
  source: ExportSource,
  onQuad: (quad: Quad) => void,
  options: ReadOptions = {},
): Promise<void> {
  const { format, file, text } = source;
  if (format === "jsonld") await readJsonLd(source, onQuad, options);
  else if (format === "nquads" && !options.whole) {
    const pieces = new NQuadsPieces(onQuad);
    if (text !== undefined) pieces.add(text);
    else
      for await (const chunk of createReadStream(file, { highWaterMark: NQUADS_PIECE }))
        pieces.add(chunk as Buffer);
    pieces.end();
  } else {
    const whole = text ?? readFileSync(file, "utf8");
    try {
      parseRdf(whole, N3_FORMATS[format], onQuad);
    } catch (error) {
      throw placed(error, whole, 0);
    }
  }
}

/** An error from reading an export, with where it stands in the file when that is known. */
export interface ExportReadError extends Error {
  place?: TextPlace;
}

/** `error` with its place in `text`, whose first line is line `lines + 1` of the file. */
function placed(error: unknown, text: string, lines: number): unknown {
  if (!(error instanceof Error)) return error;
  const { line, column } = parseErrorPlace(text, error);
  (error as ExportReadError).place = { line: line + lines, column };
  return error;
}

/**
 * N-Quads cut into pieces, each parsed in turn. A piece ends with a line that ends in "." (n3
 * reads a statement across lines, so a cut elsewhere could part one) and the next starts with
 * that line's break, so never with a byte order mark, which n3 would drop. An error's line is
 * counted in its piece; the lines before the piece are added back.
 */
class NQuadsPieces {
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  /** Where to look for the next cut in `pending`. */
  private from = NQUADS_PIECE;
  /** Line breaks before `pending`, counted as n3 counts them. */
  private lines = 0;

  constructor(private readonly onQuad: (quad: Quad) => void) {}

  add(chunk: Buffer | string): void {
    this.pending += typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    for (;;) {
      const cut = this.nextCut();
      if (cut < 0) return;
      this.parse(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
      this.from = NQUADS_PIECE;
    }
  }

  /** The start of the first line break after `from` that follows a ".", or -1. */
  private nextCut(): number {
    const text = this.pending;
    while (this.from < text.length) {
      const newline = text.indexOf("\n", this.from);
      if (newline < 0) return -1;
      this.from = newline + 1;
      const cut = text[newline - 1] === "\r" ? newline - 1 : newline;
      let last = cut - 1;
      while (text[last] === " " || text[last] === "\t") last--;
      if (text[last] === ".") return cut;
    }
    return -1;
  }

  end(): void {
    this.parse(this.pending + this.decoder.end());
    this.pending = "";
  }

  private parse(piece: string): void {
    try {
      parseRdf(piece, "N-Quads", this.onQuad);
    } catch (error) {
      const lines = this.lines;
      placed(error, piece, lines);
      if (lines > 0 && error instanceof Error) {
        // The piece's first line is the end of the line before it.
        error.message = error.message.replace(
          / on line (\d+)\.$/,
          (_, line: string) => ` on line ${Number(line) + lines}.`,
        );
      }
      throw error;
    }
    this.lines += (piece.match(/\r\n|\n|\r/g) ?? []).length;
  }
}

/**
 * A JSON-LD document's quads, a batch of entries at a time when it is shaped as claimgraph
 * writes it; its text is kept as bytes, and only a batch at a time as strings and objects.
 * Should a batch fail, the document is read whole, as `parseExport` reads it, for its error:
 * quads already given are then given again, which a set of quads does not notice.
 */
async function readJsonLd(
  source: ExportSource,
  onQuad: (quad: Quad) => void,
  options: ReadOptions,
): Promise<void> {
  const { text, file } = source;
  // Text with a lone surrogate has no UTF-8 bytes to stand for it: such text is read whole.
  const bytes =
    text === undefined
      ? readFileSync(file)
      : LONE_SURROGATE.test(text)
        ? undefined
        : Buffer.from(text);
  const entries = bytes && !options.whole ? jsonLdEntries(bytes) : undefined;
  if (bytes && entries) {
    try {
      const [contextStart, contextEnd] = entries.context;
      const context: unknown = JSON.parse(bytes.toString("utf8", contextStart, contextEnd));
      const { spans } = entries;
      let batch: unknown[] = [];
      let size = 0;
      for (let i = 0; i < spans.length; i += 2) {
        const start = spans[i] as number;
        const end = spans[i + 1] as number;
        batch.push(JSON.parse(bytes.toString("utf8", start, end)));
        size += end - start;
        if (size >= JSONLD_BATCH || i + 2 === spans.length) {
          parseRdf(await toNQuads({ "@context": context, "@graph": batch }), "N-Quads", onQuad);
          batch = [];
          size = 0;
        }
      }
      return;
    } catch {
      // Read whole below.
    }
  }
  const document: unknown = JSON.parse(text ?? (bytes as Buffer).toString("utf8"));
  parseRdf(await toNQuads(document), "N-Quads", onQuad);
}

async function toNQuads(document: unknown): Promise<string> {
  return (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
    format: "application/n-quads",
  })) as unknown as string;
}
