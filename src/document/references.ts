/**
 * The numbered reference list: `N. Title as given ... [host]`. A title that ends in
 * "..." (or "…") is marked cut short; what the brackets hold is kept as given and read for a
 * host and identifiers (`locator.ts`). A list may have at most `MAX_REFERENCES` entries.
 */
import type { Diagnostic } from "../base/errors.ts";
import type { Block } from "./blocks.ts";
import { cleanText } from "./clean.ts";
import { parseLocator } from "./locator.ts";
import type { SourceText } from "./source-text.ts";
import type { ReferenceEntry, Span } from "./types.ts";

/** The most numbered entries a reference list may have. */
export const MAX_REFERENCES = 2000;

const LEAD = /^(\d{1,9})\.[ \t]+/;
const ELLIPSIS = /(?:\.\.\.|…)\s*$/;

export interface ReferenceList {
  readonly references: ReferenceEntry[];
  /** False when the list was cut off at `MAX_REFERENCES`: later entries were not read. */
  readonly complete: boolean;
}

/** The entries of the list, from the blocks after its heading up to the next heading or rule. */
export function readReferenceList(
  source: SourceText,
  tail: readonly Block[],
  diagnostics: Diagnostic[],
): ReferenceList {
  const references: ReferenceEntry[] = [];
  const byNumber = new Map<number, ReferenceEntry>();
  let entries = 0;
  for (let b = 0; b < tail.length; b++) {
    const block = tail[b] as Block;
    if (block.kind === "heading" || block.kind === "rule") break;
    if (block.kind !== "item" || block.number === undefined) continue;
    if (++entries > MAX_REFERENCES) {
      diagnostics.push(tooMany(source, tail, b));
      return { references, complete: false };
    }
    const entry = parseReferenceEntry(source, block.span, diagnostics);
    if (!entry) continue;
    const earlier = byNumber.get(entry.number);
    if (earlier) {
      diagnostics.push(
        source.diagnostic(
          "DuplicateReferenceNumber",
          block.span.start,
          `reference number ${entry.number} is used twice (first on line ${source.position(earlier.span.start).line})`,
          "give every entry of the reference list its own number",
          source.slice(block.span),
        ),
      );
      continue;
    }
    byNumber.set(entry.number, entry);
    references.push(entry);
  }
  return { references, complete: true };
}

/** `TooManyReferences` at the first entry past the limit (block `at` of `tail`). */
function tooMany(source: SourceText, tail: readonly Block[], at: number): Diagnostic {
  let total = MAX_REFERENCES;
  for (let b = at; b < tail.length; b++) {
    const block = tail[b] as Block;
    if (block.kind === "heading" || block.kind === "rule") break;
    if (block.kind === "item" && block.number !== undefined) total++;
  }
  const first = tail[at] as Block;
  return source.diagnostic(
    "TooManyReferences",
    first.span.start,
    `the reference list has ${total} entries; the limit is ${MAX_REFERENCES}`,
    `a document may list at most ${MAX_REFERENCES} references; split it into several documents`,
  );
}

export function parseReferenceEntry(
  source: SourceText,
  span: Span,
  diagnostics: Diagnostic[],
): ReferenceEntry | undefined {
  const raw = source.slice(span);
  const m = splitEntry(raw);
  if (!m) {
    diagnostics.push(
      source.diagnostic(
        "MalformedReference",
        span.start,
        "a reference entry must read `N. Title [host]`",
        "number the entry and put its host in square brackets",
        raw,
      ),
    );
    return undefined;
  }
  const { number, title: titleRaw } = m;
  const truncated = ELLIPSIS.test(titleRaw);
  const display = cleanText(titleRaw.replace(ELLIPSIS, ""), span.start + m.titleAt).text;
  if (display === "") {
    diagnostics.push(
      source.diagnostic(
        "MalformedReference",
        span.start,
        `reference ${number} has no title`,
        "give the title of the cited work after the number",
        raw,
      ),
    );
  }
  const { host, path, identifiers } = parseLocator(m.host ?? "");
  return {
    number,
    titleAsGiven: display,
    truncated,
    locator: m.host,
    host,
    path,
    identifiers,
    span,
  };
}

interface EntryParts {
  readonly number: number;
  readonly title: string;
  /** Where the title starts in the entry. */
  readonly titleAt: number;
  readonly host: string | undefined;
}

/**
 * Splits `N. Title [host]` by hand, as `/^(\d{1,9})\.[ \t]+(.*?)[ \t]*(?:\[([^\]\s]+)\])?[ \t]*$/s`
 * would: that expression backtracks cubically over a run of spaces (an entry of 10,000
 * spaces took five minutes). The host is the earliest `[` whose contents up to the closing
 * `]` at the end hold neither `]` nor white space.
 */
function splitEntry(raw: string): EntryParts | undefined {
  const lead = LEAD.exec(raw);
  if (!lead) return undefined;
  const from = lead[0].length;
  const blank = (i: number) => raw[i] === " " || raw[i] === "\t";
  let end = raw.length;
  while (end > from && blank(end - 1)) end--;
  let titleEnd = end;
  let host: string | undefined;
  if (end > from && raw[end - 1] === "]") {
    let r = end - 1;
    while (r > from && raw[r - 1] !== "]" && !/\s/.test(raw[r - 1] as string)) r--;
    const open = raw.indexOf("[", r);
    if (open !== -1 && open < end - 2) {
      host = raw.slice(open + 1, end - 1);
      titleEnd = open;
      while (titleEnd > from && blank(titleEnd - 1)) titleEnd--;
    }
  }
  return { number: Number(lead[1]), title: raw.slice(from, titleEnd), titleAt: from, host };
}
