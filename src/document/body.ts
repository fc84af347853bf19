/**
 * The body of a document (the blocks before its reference list) read in order: the header
 * fields, sections, tables, list items, paragraphs (a block broken mid-sentence joined to the
 * one before) and every citation marker.
 */
import type { Diagnostic } from "../base/errors.ts";
import type { Block } from "./blocks.ts";
import { MarkerScanner, markersWithin } from "./citations.ts";
import { cleanText } from "./clean.ts";
import { compoundFocusOf, headerFieldsOf } from "./header.ts";
import type { SourceText } from "./source-text.ts";
import { parseTable } from "./tables.ts";
import type { CitationMarker, HeaderField, ListItem, Section, Span, Table } from "./types.ts";

const BOLD_LEAD = /^\*\*(.+?)\*\*/s;

/** A paragraph so far: `last` is its last block, `after` that block's index. */
export interface Paragraph {
  span: Span;
  last: Span;
  section: Section | undefined;
  after: number;
}

/** Reads the body's blocks one at a time, each into the part of the document it adds to. */
export class BodyReader {
  readonly header: Record<string, HeaderField> = {};
  readonly sections: Section[] = [];
  readonly tables: Table[] = [];
  readonly items: ListItem[] = [];
  readonly paragraphs: Paragraph[] = [];
  readonly citations: CitationMarker[] = [];
  private readonly scanner: MarkerScanner;
  private section: Section | undefined;

  constructor(
    private readonly source: SourceText,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.scanner = new MarkerScanner(source.text);
  }

  /** Reads every block of the body, in order. */
  readAll(body: readonly Block[]): this {
    body.forEach((block, index) => {
      this.read(block, index);
    });
    return this;
  }

  /** Adds one block (at `index` among the body's blocks) to the part it belongs to. */
  private read(block: Block, index: number): void {
    switch (block.kind) {
      case "heading":
        this.heading(block);
        return;
      case "paragraph":
        this.paragraph(block, index);
        return;
      case "table":
        this.table(block);
        return;
      case "item": {
        append(this.citations, this.scanner.scan(block.content));
        this.items.push(listItem(this.source, block, this.section, this.citations));
        return;
      }
      case "rule":
        return;
    }
  }

  /** A heading opens a section; the first level-1 heading is the title. */
  private heading(block: Extract<Block, { kind: "heading" }>): void {
    const { source, header } = this;
    const title = cleanText(source.slice(block.text), block.text.start).text;
    this.section = { index: this.sections.length + 1, level: block.level, title, span: block.span };
    this.sections.push(this.section);
    if (block.level === 1 && !header.title) header.title = { value: title, span: block.text };
    const focus = compoundFocusOf(source, block.text);
    if (focus && !header.compoundFocus) header.compoundFocus = focus;
  }

  /** A paragraph of header fields, a new paragraph, or the continuation of the one before. */
  private paragraph(block: Extract<Block, { kind: "paragraph" }>, index: number): void {
    const { source, paragraphs, section } = this;
    const fields = headerFieldsOf(source, block.span);
    if (fields) {
      for (const [key, value] of Object.entries(fields)) this.header[key] ??= value;
      return;
    }
    append(this.citations, this.scanner.scan(block.span));
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
  }

  /** A table's markers, then the table itself when it parses. */
  private table(block: Extract<Block, { kind: "table" }>): void {
    for (const row of block.rows) append(this.citations, this.scanner.scan(row));
    const table = parseTable(
      this.source,
      block.rows,
      this.tables.length + 1,
      this.section,
      this.citations,
      this.diagnostics,
    );
    if (table) this.tables.push(table);
  }
}

/** `list.push(...items)` without spreading: a spread of some 150,000 items overflows the stack. */
export function append<T>(list: T[], items: readonly T[]): void {
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

/** A list item: its display text, citations, and the bold lead that titles it. */
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
