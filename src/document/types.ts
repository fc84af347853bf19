/**
 * The parsed form of an evidence document. Every element keeps its raw span in the
 * file (UTF-16 offsets into `SourceText.text`, end exclusive); line and column are
 * derived from the span through the document's `SourceText`.
 */
import type { StatedIdentifier } from "./locator.ts";
import type { SourceText } from "./source-text.ts";

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Cleaned display text with, for each of its characters, the raw span it came from. */
export interface DisplayText {
  readonly text: string;
  /** starts[i] and ends[i]: the raw span behind display character i. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** A marker such as `[3]`; `run` numbers markers that stand together, as in `[4] [5]`. */
export interface CitationMarker {
  readonly number: number;
  readonly span: Span;
  readonly run: number;
}

export interface Section {
  readonly index: number;
  readonly level: number;
  readonly title: string;
  /** The heading line. */
  readonly span: Span;
}

/** A piece of document text that can be quoted: a sentence, a cell, a list item, a header field. */
export interface Segment {
  readonly span: Span;
  readonly display: DisplayText;
  readonly citations: readonly CitationMarker[];
  readonly section: Section | undefined;
}

export interface Sentence extends Segment {
  readonly kind: "sentence";
  /** Where the sentence stands: a paragraph, or a bullet outside the protocol summaries. */
  readonly container: "paragraph" | "bullet";
  readonly paragraph: number;
}

export interface TableCell extends Segment {
  readonly kind: "cell";
  /** 1-based; column 1 is the row label. */
  readonly columnIndex: number;
}

export interface TableRow {
  readonly index: number;
  readonly span: Span;
  readonly label: TableCell;
  /** The data cells, columns 2…n. */
  readonly cells: readonly TableCell[];
}

export interface Table {
  readonly index: number;
  readonly span: Span;
  readonly section: Section | undefined;
  /** All header cells, the first one labelling the row-label column. */
  readonly header: readonly TableCell[];
  readonly rows: readonly TableRow[];
}

export interface ListItem extends Segment {
  readonly kind: "item";
  /** The bold lead of a bullet (`**Memory in Depression [4] [5]:**`), cleaned, markers dropped. */
  readonly title: string | undefined;
  /** The item's text after the bold lead. */
  readonly body: DisplayText;
}

export interface ReferenceEntry {
  readonly number: number;
  /** The title as the list gives it, cleaned, without a trailing "...". */
  readonly titleAsGiven: string;
  readonly truncated: boolean;
  /** What the entry's brackets hold, as given: a host, an address or an identifier. */
  readonly locator: string | undefined;
  /** The host read from the locator (a bare host or an address's host), lower-cased. */
  readonly host: string | undefined;
  /** The path after the host, empty when the locator gives none. */
  readonly path: string;
  /** The identifiers the locator spells out (see `document/locator.ts`). */
  readonly identifiers: readonly StatedIdentifier[];
  readonly span: Span;
}

export interface HeaderField {
  readonly value: string;
  readonly span: Span;
}

export interface DocumentHeader {
  readonly title?: HeaderField;
  readonly author?: HeaderField;
  readonly date?: HeaderField;
  readonly compoundFocus?: HeaderField;
  readonly casNumber?: HeaderField;
  readonly catalogNumber?: HeaderField;
  readonly publisher?: HeaderField;
  readonly address?: HeaderField;
}

export interface ParsedDocument {
  /** Stable identifier: the file name without `.md`, as a slug. */
  readonly id: string;
  readonly source: SourceText;
  readonly sha256: string;
  readonly header: DocumentHeader;
  readonly sections: readonly Section[];
  readonly sentences: readonly Sentence[];
  readonly tables: readonly Table[];
  readonly items: readonly ListItem[];
  readonly references: readonly ReferenceEntry[];
  /** Every citation marker in the body (before the reference list), in order. */
  readonly citations: readonly CitationMarker[];
}
