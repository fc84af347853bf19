/**
 * One page of the claims table: the rows that pass the viewer's filters and a text filter,
 * sorted by a column, cut to a page (the page holding a given claim when asked). Pure: the
 * same rows and query always give the same page.
 */
import { type ClaimRow, compare } from "./claim-rows.ts";
import { typeKey } from "./legend-key.ts";

export const CLAIM_COLUMNS = [
  "subject",
  "predicate",
  "object",
  "citations",
  "evidence",
  "document",
  "line",
] as const;
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number];

export interface ClaimQuery {
  /** Words every shown row contains (in any column, case and accents aside); "" for all. */
  readonly text: string;
  readonly sort: ClaimColumn;
  readonly descending: boolean;
  readonly offset: number;
  readonly limit: number;
  /** A claim whose page is wanted instead of `offset` (when it passes the filters). */
  readonly focus: string | null;
  /** The viewer's filters, as the graph applies them to claim nodes. */
  readonly hideWeak: boolean;
  /**
   * Legend keys hidden (see legend-key.ts): a claim whose class is hidden, or whose
   * subject's type is, is not in view.
   */
  readonly hiddenTypes: ReadonlySet<string>;
  readonly uncitedOnly: boolean;
  readonly document: string | null;
}

export interface ClaimPage {
  readonly rows: readonly ClaimRow[];
  /** Rows that pass the filters, on every page. */
  readonly total: number;
  /** Claims in the knowledge base. */
  readonly all: number;
  readonly offset: number;
  readonly limit: number;
}

export const DEFAULT_CLAIM_QUERY: ClaimQuery = {
  text: "",
  sort: "document",
  descending: false,
  offset: 0,
  limit: 100,
  focus: null,
  hideWeak: false,
  hiddenTypes: new Set(),
  uncitedOnly: false,
  document: null,
};

export function claimPage(rows: readonly ClaimRow[], query: ClaimQuery): ClaimPage {
  const words = fold(query.text)
    .split(/\s+/)
    .filter((w) => w !== "");
  const shown = rows.filter((r) => passes(r, query) && words.every((w) => rowText(r).includes(w)));
  const sorted = sortRows(shown, query.sort, query.descending);
  const limit = Math.max(1, query.limit);
  const focusAt = query.focus === null ? -1 : sorted.findIndex((r) => r.id === query.focus);
  const wanted = focusAt === -1 ? query.offset : focusAt;
  const offset = Math.max(0, Math.min(Math.floor(wanted / limit) * limit, lastPage(sorted, limit)));
  return {
    rows: sorted.slice(offset, offset + limit),
    total: sorted.length,
    all: rows.length,
    offset,
    limit,
  };
}

function lastPage(rows: readonly unknown[], limit: number): number {
  return rows.length === 0 ? 0 : Math.floor((rows.length - 1) / limit) * limit;
}

function passes(r: ClaimRow, q: ClaimQuery): boolean {
  if (q.hideWeak && r.support === "weak") return false;
  if (q.uncitedOnly && r.support !== "uncited") return false;
  if (q.hiddenTypes.has(typeKey("claim", r.type)) || q.hiddenTypes.has(r.subjectType)) {
    return false;
  }
  return q.document === null || r.document.id === q.document;
}

/** The citations as shown: "[1] [4]". */
export function citationText(r: ClaimRow): string {
  return r.citations.map((n) => `[${n ?? "?"}]`).join(" ");
}

const texts = new WeakMap<ClaimRow, string>();

function rowText(r: ClaimRow): string {
  let text = texts.get(r);
  if (text === undefined) {
    text = fold(
      [r.subject, r.predicate, r.object, citationText(r), r.evidence, r.document.label].join("\n"),
    );
    texts.set(r, text);
  }
  return text;
}

function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Stable: rows equal in the column keep document order, reversed as a whole when descending. */
export function sortRows(
  rows: readonly ClaimRow[],
  column: ClaimColumn,
  descending: boolean,
): ClaimRow[] {
  // Each row's key is made once, not at every comparison: folding text is what costs.
  const keyed = rows.map((row, i) => ({ row, i, key: KEYS[column](row) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.i - b.i);
  const sorted = keyed.map((k) => k.row);
  return descending ? sorted.reverse() : sorted;
}

type Key = ReadonlyArray<string | number>;

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    // A shorter key sorts first (uncited before cited, [1] before [1] [2]).
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x === y) continue;
    return typeof x === "number" && typeof y === "number" ? x - y : compare(String(x), String(y));
  }
  return 0;
}

const KEYS: Readonly<Record<ClaimColumn, (r: ClaimRow) => Key>> = {
  subject: (r) => [fold(r.subject)],
  predicate: (r) => [fold(r.predicate)],
  object: (r) => [fold(r.object)],
  citations: (r) => r.citations.map((n) => n ?? 0),
  evidence: (r) => [fold(r.evidence)],
  document: (r) => [r.document.label, r.line ?? 0],
  line: (r) => [r.line ?? 0],
};
