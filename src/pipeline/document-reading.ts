/**
 * The part of a build that concerns one document alone: parse it, then — when it parsed
 * without errors — extract its claims, the curated ones among them. Pure and synchronous, so
 * it runs the same in this thread (`--jobs 1`) and in a worker (extract-worker.ts); what
 * spans documents (ids, references → works, entities) is knowledge-base.ts's, afterwards.
 */
import type { Diagnostic } from "../base/errors.ts";
import { type Extracted, extractClaims } from "../claims/extract.ts";
import { type CurationRows, curatedClaims } from "../curation/claims.ts";
import { parseDocument } from "../document/parse.ts";
import { SourceText } from "../document/source-text.ts";
import type { ParsedDocument } from "../document/types.ts";
import type { Lexicon } from "../lexicon/lexicon.ts";

export interface SourceFile {
  /** The path shown in diagnostics. */
  readonly file: string;
  readonly bytes: Uint8Array;
}

/** One document read: its model, its claims, and what went wrong in each step. */
export interface DocumentReading {
  /** Undefined when the bytes are no text at all. */
  readonly document: ParsedDocument | undefined;
  /** The parser's problems, in the order found. */
  readonly parsing: readonly Diagnostic[];
  /** Whether the parser found an error: such a document is not read for claims. */
  readonly broken: boolean;
  /** The claims, studies and memberships read; undefined when broken. */
  readonly extracted: Extracted | undefined;
  /** The problems found reading claims (curated rows first), in the order found. */
  readonly extracting: readonly Diagnostic[];
}

/** Parses `source` and, when it parsed cleanly, extracts its claims with its curated rows. */
export function readDocument(
  source: SourceFile,
  lexicon: Lexicon,
  curation: CurationRows,
): DocumentReading {
  const { document, diagnostics: parsing } = parseDocument(source.file, source.bytes);
  // A document that did not parse cleanly is not read for claims: its errors are reported
  // as they are, without follow-on errors about what could not be read.
  const broken = parsing.some((d) => d.severity === "error");
  if (!document || broken) {
    return { document, parsing, broken, extracted: undefined, extracting: [] };
  }
  const extracting: Diagnostic[] = [];
  const curated = curatedClaims({ document, lexicon }, curation, extracting);
  const extracted = extractClaims(document, lexicon, curated, extracting);
  return { document, parsing, broken, extracted, extracting };
}

/**
 * The reading as it crosses to another thread: the document's text without its line index
 * (`SourceText` is a class, which a structured clone turns into a plain object).
 */
export function portableReading(reading: DocumentReading): DocumentReading {
  const { document } = reading;
  if (!document) return reading;
  const { file, text } = document.source;
  return { ...reading, document: { ...document, source: { file, text } as SourceText } };
}

/** A reading received from another thread, its document's `SourceText` made again. */
export function receivedReading(reading: DocumentReading): DocumentReading {
  const { document } = reading;
  if (!document) return reading;
  const source = new SourceText(document.source.file, document.source.text);
  return { ...reading, document: { ...document, source } };
}
