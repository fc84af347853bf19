/**
 * `parseDocument`: the pure, synchronous reader of one evidence document. It returns
 * the parsed model and every problem found (all at once, each located), and never
 * throws on bad input.
 */
import { createHash } from "node:crypto";
import { decodeDocument } from "../base/decode-utf8.ts";
import type { Diagnostic } from "../base/errors.ts";
import { documentIdFromFile } from "../base/slug.ts";
import { splitBlocks } from "./blocks.ts";
import { append, BodyReader } from "./body.ts";
import { markersWithin } from "./citations.ts";
import { cleanText } from "./clean.ts";
import { type HeaderKey, headerFieldsOf } from "./header.ts";
import { readReferenceList } from "./references.ts";
import { sentenceRanges } from "./sentences.ts";
import { SourceText } from "./source-text.ts";
import type {
  CitationMarker,
  DisplayText,
  DocumentHeader,
  HeaderField,
  ParsedDocument,
  ReferenceEntry,
  Section,
  Sentence,
  Span,
} from "./types.ts";

export interface ParseResult {
  /** Undefined only when the input is not text at all (empty, binary, not UTF-8). */
  readonly document: ParsedDocument | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

const REFERENCES_HEADING = /^references$/i;
/** Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane. */
const NONCHARACTER = new RegExp(
  `[\\u{FDD0}-\\u{FDEF}${Array.from({ length: 17 }, (_, p) => `\\u{${(p * 0x10000 + 0xfffe).toString(16)}}\\u{${(p * 0x10000 + 0xffff).toString(16)}}`).join("")}]`,
  "u",
);
/** Reads one document: its model and every problem found, each located; never throws. */
export function parseDocument(file: string, input: string | Uint8Array): ParseResult {
  const decoded =
    typeof input === "string" ? ({ ok: true, text: input } as const) : decodeDocument(file, input);
  if (!decoded.ok) return { document: undefined, diagnostics: [decoded.diagnostic] };
  const source = new SourceText(file, decoded.text);
  const unreadable = notText(source);
  if (unreadable) return { document: undefined, diagnostics: [unreadable] };
  const diagnostics: Diagnostic[] = [];
  const blocks = splitBlocks(source);
  const refsAt = blocks.findIndex(
    (b) => b.kind === "heading" && REFERENCES_HEADING.test(source.slice(b.text).trim()),
  );
  const body = refsAt === -1 ? blocks : blocks.slice(0, refsAt);
  const tail = refsAt === -1 ? [] : blocks.slice(refsAt + 1);
  const read = new BodyReader(source, diagnostics).readAll(body);
  const sentences = sentencesOf(source, read);
  const { references, complete } = readReferenceList(source, tail, diagnostics);
  for (const block of tail) {
    if (block.kind !== "paragraph") continue;
    const fields = headerFieldsOf(source, block.span);
    for (const [key, value] of Object.entries(fields ?? {})) read.header[key] ??= value;
  }
  // A list cut off at its limit would make every marker of a later entry look unknown.
  if (complete) checkCitations(source, refsAt !== -1, read.citations, references, diagnostics);
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const document: ParsedDocument = {
    id: documentIdFromFile(file),
    source,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    header: read.header as DocumentHeader & Partial<Record<HeaderKey | "title", HeaderField>>,
    sections: read.sections,
    sentences,
    tables: read.tables,
    items: read.items,
    references,
    citations: read.citations,
  };
  return { document, diagnostics };
}

/** Why a decoded text is no document at all (empty, or holding a noncharacter), if it is not. */
function notText(source: SourceText): Diagnostic | undefined {
  if (source.text.replace(/^\uFEFF/, "").trim() === "") {
    return source.diagnostic(
      "EmptyDocument",
      0,
      "the document is empty",
      "a source needs at least a title, claims and a reference list",
    );
  }
  const nonchar = NONCHARACTER.exec(source.text);
  if (!nonchar) return undefined;
  return source.diagnostic(
    "Noncharacter",
    nonchar.index,
    `the text holds the Unicode noncharacter U+${(nonchar[0].codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
    "noncharacters are not text (RDF tools such as Raptor reject them); remove it",
  );
}

/** The sentences of every paragraph, then of every list item, in document order. */
function sentencesOf(source: SourceText, read: BodyReader): Sentence[] {
  const { paragraphs, items, citations } = read;
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, n) => {
    append(sentences, splitSentences(source, p.span, p.section, citations, "paragraph", n + 1));
  });
  items.forEach((item, n) => {
    const number = paragraphs.length + n + 1;
    append(sentences, splitSentences(source, item.span, item.section, citations, "bullet", number));
  });
  sentences.sort((a, b) => a.span.start - b.span.start);
  return sentences;
}

/** A paragraph's or item's display text cut into sentences, each with its own markers. */
function splitSentences(
  source: SourceText,
  span: Span,
  section: Section | undefined,
  all: readonly CitationMarker[],
  container: Sentence["container"],
  paragraph: number,
): Sentence[] {
  const display = cleanText(source.slice(span), span.start);
  const ranges = sentenceRanges(display.text);
  return ranges.map(([a, b], k) => {
    const start = display.starts[a] as number;
    const nextRange = ranges[k + 1];
    let end = nextRange ? (display.starts[nextRange[0]] as number) : span.end;
    while (end > start && /\s/.test(source.text[end - 1] as string)) end--;
    const sentenceSpan = { start, end };
    return {
      kind: "sentence",
      container,
      paragraph,
      span: sentenceSpan,
      display: subDisplay(display, a, b),
      citations: markersWithin(all, sentenceSpan),
      section,
    };
  });
}

/** The part `from`–`to` of a display text, with its offsets. */
export function subDisplay(display: DisplayText, from: number, to: number): DisplayText {
  return {
    text: display.text.slice(from, to),
    starts: display.starts.slice(from, to),
    ends: display.ends.slice(from, to),
  };
}

/**
 * Every citation marker names an entry of the reference list, and there is a list to name.
 * A marker that names none is the document's error, not an unreadable input (the template
 * says such pages exist): a warning at its place, the claim kept with a citation that
 * resolves to nothing, which the audit reports (`unresolved-citation`).
 */
function checkCitations(
  source: SourceText,
  hasList: boolean,
  citations: readonly CitationMarker[],
  references: readonly ReferenceEntry[],
  diagnostics: Diagnostic[],
): void {
  const first = citations[0];
  if (!hasList) {
    if (first) {
      diagnostics.push(
        source.diagnostic(
          "MissingReferenceList",
          first.span.start,
          "the document cites references but has no reference list",
          "add a `## References` section with numbered entries `N. Title [host]`",
          source.slice(first.span),
          "warning",
        ),
      );
    }
    return;
  }
  const numbers = new Set(references.map((r) => r.number));
  for (const marker of citations) {
    if (numbers.has(marker.number)) continue;
    diagnostics.push(
      source.diagnostic(
        "UnknownReference",
        marker.span.start,
        `citation marker [${marker.number}] points to no entry of the reference list`,
        references.length > 0
          ? `the list numbers ${references[0]?.number}–${references.at(-1)?.number}; fix the marker or add the reference`
          : "the reference list has no numbered entries",
        source.slice(marker.span),
        "warning",
      ),
    );
  }
}
