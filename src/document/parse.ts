/**
 * `parseDocument`: the pure, synchronous reader of one evidence document. It returns
 * the parsed model and every problem found (all at once, each located), and never
 * throws on bad input.
 */
import { createHash } from "node:crypto";
import { decodeDocument } from "../base/decode-utf8.ts";
import type { Diagnostic } from "../errors.ts";
import { documentIdFromFile } from "../slug.ts";
import { type Block, splitBlocks } from "./blocks.ts";
import { MarkerScanner, markersWithin } from "./citations.ts";
import { cleanText } from "./clean.ts";
import { compoundFocusOf, type HeaderKey, headerFieldsOf } from "./header.ts";
import { readReferenceList } from "./references.ts";
import { sentenceRanges } from "./sentences.ts";
import { SourceText } from "./source-text.ts";
import { parseTable } from "./tables.ts";
import type {
  CitationMarker,
  DisplayText,
  DocumentHeader,
  HeaderField,
  ListItem,
  ParsedDocument,
  ReferenceEntry,
  Section,
  Sentence,
  Span,
  Table,
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
const BOLD_LEAD = /^\*\*(.+?)\*\*/s;

export function parseDocument(file: string, input: string | Uint8Array): ParseResult {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const decoded =
    typeof input === "string" ? ({ ok: true, text: input } as const) : decodeDocument(file, input);
  if (!decoded.ok) return { document: undefined, diagnostics: [decoded.diagnostic] };
  const source = new SourceText(file, decoded.text);
  if (decoded.text.replace(/^\uFEFF/, "").trim() === "") {
    return {
      document: undefined,
      diagnostics: [
        source.diagnostic(
          "EmptyDocument",
          0,
          "the document is empty",
          "a source needs at least a title, claims and a reference list",
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const nonchar = NONCHARACTER.exec(decoded.text);
  if (nonchar) {
    return {
      document: undefined,
      diagnostics: [
        source.diagnostic(
          "Noncharacter",
          nonchar.index,
          `the text holds the Unicode noncharacter U+${(nonchar[0].codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
          "noncharacters are not text (RDF tools such as Raptor reject them); remove it",
        ),
      ],
    };
  }
  const blocks = splitBlocks(source);
  const refsAt = blocks.findIndex(
    (b) => b.kind === "heading" && REFERENCES_HEADING.test(source.slice(b.text).trim()),
  );
  const body = refsAt === -1 ? blocks : blocks.slice(0, refsAt);
  const tail = refsAt === -1 ? [] : blocks.slice(refsAt + 1);

  const header: Record<string, HeaderField> = {};
  const sections: Section[] = [];
  const tables: Table[] = [];
  const items: ListItem[] = [];
  /** `last`: the paragraph's last block; `after`: that block's index. */
  const paragraphs: Array<{
    span: Span;
    last: Span;
    section: Section | undefined;
    after: number;
  }> = [];
  const scanner = new MarkerScanner(source.text);
  const citations: CitationMarker[] = [];
  let section: Section | undefined;

  body.forEach((block, index) => {
    switch (block.kind) {
      case "heading": {
        const title = cleanText(source.slice(block.text), block.text.start).text;
        section = { index: sections.length + 1, level: block.level, title, span: block.span };
        sections.push(section);
        if (block.level === 1 && !header.title) header.title = { value: title, span: block.text };
        const focus = compoundFocusOf(source, block.text);
        if (focus && !header.compoundFocus) header.compoundFocus = focus;
        return;
      }
      case "paragraph": {
        const fields = headerFieldsOf(source, block.span);
        if (fields) {
          for (const [key, value] of Object.entries(fields)) header[key] ??= value;
          return;
        }
        append(citations, scanner.scan(block.span));
        const previous = paragraphs.at(-1);
        if (
          previous &&
          previous.after === index - 1 &&
          previous.section === section &&
          continues(source, previous.last, block.span)
        ) {
          paragraphs[paragraphs.length - 1] = {
            span: { start: previous.span.start, end: block.span.end },
            last: block.span,
            section,
            after: index,
          };
        } else {
          paragraphs.push({ span: block.span, last: block.span, section, after: index });
        }
        return;
      }
      case "table": {
        for (const row of block.rows) append(citations, scanner.scan(row));
        const table = parseTable(
          source,
          block.rows,
          tables.length + 1,
          section,
          citations,
          diagnostics,
        );
        if (table) tables.push(table);
        return;
      }
      case "item": {
        append(citations, scanner.scan(block.content));
        items.push(listItem(source, block, section, citations));
        return;
      }
      case "rule":
        return;
    }
  });

  const sentences: Sentence[] = [];
  paragraphs.forEach((p, n) => {
    append(sentences, splitSentences(source, p.span, p.section, citations, "paragraph", n + 1));
  });
  items.forEach((item, n) => {
    append(
      sentences,
      splitSentences(
        source,
        item.span,
        item.section,
        citations,
        "bullet",
        paragraphs.length + n + 1,
      ),
    );
  });
  sentences.sort((a, b) => a.span.start - b.span.start);

  const { references, complete } = readReferenceList(source, tail, diagnostics);
  for (const block of tail) {
    if (block.kind !== "paragraph") continue;
    const fields = headerFieldsOf(source, block.span);
    for (const [key, value] of Object.entries(fields ?? {})) header[key] ??= value;
  }
  // A list cut off at its limit would make every marker of a later entry look unknown.
  if (complete) checkCitations(source, refsAt !== -1, citations, references, diagnostics);

  const document: ParsedDocument = {
    id: documentIdFromFile(file),
    source,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    header: header as DocumentHeader & Partial<Record<HeaderKey | "title", HeaderField>>,
    sections,
    sentences,
    tables,
    items,
    references,
    citations,
  };
  return { document, diagnostics };
}

/** `list.push(...items)` without spreading: a spread of some 150,000 items overflows the stack. */
function append<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

/**
 * A paragraph broken by a blank line mid-sentence (`*in*` / `*vitro*`) continues. `previous`
 * is the last block of the paragraph so far, not all of it: cleaning the whole paragraph at
 * every join made a run of continued blocks quadratic, and as a continued block's own text
 * starts with a lowercase letter, the end of the cleaned text is the same either way.
 */
function continues(source: SourceText, previous: Span, next: Span): boolean {
  const before = cleanText(source.slice(previous), previous.start).text;
  const after = cleanText(source.slice(next), next.start).text;
  return !/[.!?:;]["')\u201d]?$/.test(before) && /^\p{Ll}/u.test(after);
}

function listItem(
  source: SourceText,
  block: Extract<Block, { kind: "item" }>,
  section: Section | undefined,
  all: readonly CitationMarker[],
): ListItem {
  const raw = source.slice(block.content);
  const display = cleanText(raw, block.content.start);
  const lead = BOLD_LEAD.exec(raw);
  const title = lead
    ? cleanText(lead[1] as string, block.content.start + 2)
        .text.replace(/:$/, "")
        .trim()
    : undefined;
  const bodyStart = block.content.start + (lead ? lead[0].length : 0);
  return {
    kind: "item",
    span: block.content,
    display,
    citations: markersWithin(all, block.content),
    section,
    title: title === "" ? undefined : title,
    body: cleanText(source.text.slice(bodyStart, block.content.end), bodyStart),
  };
}

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

export function subDisplay(display: DisplayText, from: number, to: number): DisplayText {
  return {
    text: display.text.slice(from, to),
    starts: display.starts.slice(from, to),
    ends: display.ends.slice(from, to),
  };
}

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
      ),
    );
  }
}
