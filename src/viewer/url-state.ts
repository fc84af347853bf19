/**
 * Deep links: the selection, trace mode, filters, the open table and the reader (its
 * document and reading position) in the address's fragment, and back.
 */
import { type Filters, NO_FILTERS } from "./filters.ts";

/** Where the reader stands: its document (null: the first), the display offset at its top. */
export interface ReaderPosition {
  readonly document: string | null;
  readonly at: number;
  readonly open: boolean;
}

export interface UrlState {
  readonly selected: string | null;
  readonly trace: boolean;
  readonly filters: Filters;
  /** Absent: the reader as it opens (open, on the first document, at its start). */
  readonly reader?: ReaderPosition;
  /** The table open under the graph (the reader is then hidden), if any. */
  readonly table?: Table;
}

/** The tables under the graph (views.ts). */
export type Table = "claims" | "matrix";

const TABLES: readonly Table[] = ["claims", "matrix"];

export function encodeState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.selected) p.set("node", s.selected);
  if (s.trace) p.set("trace", "1");
  if (s.filters.hiddenTypes.size > 0) p.set("hide", [...s.filters.hiddenTypes].sort().join(","));
  if (s.filters.hideWeak) p.set("weak", "hide");
  if (s.filters.uncitedOnly) p.set("uncited", "1");
  if (s.filters.document) p.set("doc", s.filters.document);
  if (s.reader?.document) p.set("read", s.reader.document);
  if (s.reader && s.reader.at > 0) p.set("at", String(s.reader.at));
  if (s.table) p.set("table", s.table);
  else if (s.reader && !s.reader.open) p.set("reader", "hidden");
  const text = p.toString();
  return text === "" ? "" : `#${text}`;
}

export function decodeState(hash: string): UrlState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const hide = p.get("hide");
  const at = Number.parseInt(p.get("at") ?? "", 10);
  const table = TABLES.find((t) => t === p.get("table"));
  const reader: ReaderPosition = {
    document: p.get("read"),
    at: Number.isSafeInteger(at) && at > 0 ? at : 0,
    open: p.get("reader") !== "hidden" && table === undefined,
  };
  const atStart = reader.document === null && reader.at === 0 && reader.open;
  return {
    selected: p.get("node"),
    trace: p.get("trace") === "1",
    filters: {
      ...NO_FILTERS,
      hiddenTypes: new Set(hide ? hide.split(",").filter((t) => t !== "") : []),
      hideWeak: p.get("weak") === "hide",
      uncitedOnly: p.get("uncited") === "1",
      document: p.get("doc"),
    },
    ...(atStart ? {} : { reader }),
    ...(table ? { table } : {}),
  };
}

/**
 * `state` without the documents the knowledge base does not have (`known`): an old link's
 * document filter filters nothing, and its reader opens the first document at its top.
 */
export function withKnownDocuments(state: UrlState, known: ReadonlySet<string>): UrlState {
  const { filters, reader } = state;
  const filter = filters.document !== null && !known.has(filters.document);
  const read = reader?.document != null && !known.has(reader.document);
  if (!filter && !read) return state;
  return {
    ...state,
    filters: filter ? { ...filters, document: null } : filters,
    ...(reader && read ? { reader: { ...reader, document: null, at: 0 } } : {}),
  };
}
