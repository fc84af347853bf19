/**
 * The viewer's state, in one object: the filters, the selection, the hovered node and its
 * neighbours, trace mode and what the selected claim traces to. Only its transitions
 * change it; the reducers read `view()`, the address holds `fragment()`.
 */
import type { Filters } from "./filters.ts";
import type { ViewState } from "./reducers.ts";
import { encodeState, type ReaderPosition, type Table, type UrlState } from "./url-state.ts";

export class ViewerState {
  #filters: Filters;
  #selected: string | null = null;
  #hovered: string | null = null;
  #hoverSet: Set<string> | null = null;
  #hoverLabels: ReadonlySet<string> | null = null;
  #traceMode: boolean;
  #traced: Set<string> | null = null;
  #reader: ReaderPosition | undefined;
  #table: Table | undefined;

  constructor(initial: Pick<UrlState, "filters" | "trace" | "reader" | "table">) {
    this.#filters = initial.filters;
    this.#traceMode = initial.trace;
    this.#reader = initial.reader;
    this.#table = initial.table;
  }

  /** The table open under the graph, if any (panels.ts). */
  setTable(table: Table | undefined): void {
    this.#table = table;
  }

  /** The reader's document and reading position (see reader.ts). */
  get reader(): ReaderPosition | undefined {
    return this.#reader;
  }

  setReader(position: ReaderPosition): void {
    this.#reader = position;
  }

  get filters(): Filters {
    return this.#filters;
  }

  get selected(): string | null {
    return this.#selected;
  }

  get traceMode(): boolean {
    return this.#traceMode;
  }

  /** What is drawn from: the traced nodes count only in trace mode. */
  view(): ViewState {
    return {
      filters: this.#filters,
      selected: this.#selected,
      hovered: this.#hovered,
      hoverSet: this.#hoverSet,
      hoverLabels: this.#hoverLabels,
      traced: this.#traceMode ? this.#traced : null,
    };
  }

  /** The address fragment that restores the selection, trace mode and filters. */
  fragment(): string {
    return encodeState({
      selected: this.#selected,
      trace: this.#traceMode,
      filters: this.#filters,
      ...(this.#reader ? { reader: this.#reader } : {}),
      ...(this.#table ? { table: this.#table } : {}),
    });
  }

  /** A new selection (or none) traces nothing until its details arrive. */
  select(id: string | null): void {
    this.#selected = id;
    this.#traced = null;
  }

  trace(ids: Set<string>): void {
    this.#traced = ids;
  }

  /** A node hovered: it and its neighbours in colour, only `labelled` labelled. */
  hover(node: string, neighbours: readonly string[], labelled: ReadonlySet<string>): void {
    this.#hovered = node;
    this.#hoverSet = new Set([node, ...neighbours]);
    this.#hoverLabels = labelled;
  }

  leave(): void {
    this.#hovered = null;
    this.#hoverSet = null;
    this.#hoverLabels = null;
  }

  setFilters(changes: Partial<Filters>): void {
    this.#filters = { ...this.#filters, ...changes };
  }

  setTraceMode(on: boolean): void {
    this.#traceMode = on;
  }
}

/** Writes the state into the address's fragment (replacing, not adding, a history entry). */
export function writeAddress(state: ViewerState): void {
  history.replaceState(null, "", `${location.pathname}${location.search}${state.fragment()}`);
}
