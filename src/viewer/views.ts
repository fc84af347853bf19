/**
 * The tables under the graph: a "Claims" and a "Matrix" tab, each opening its view. Which
 * bottom panel is open (a table, the reader or none) is panels.ts's to say; this module opens
 * the table it is told to. The claims table follows the viewer's filters and both follow the
 * selection; `selected` is called with every one.
 */
import { ClaimsTable } from "./claims-table.ts";
import type { Filters } from "./filters.ts";
import { FILTERS_CHANGED } from "./legend.ts";
import { MatrixView } from "./matrix-view.ts";
import type { Table } from "./url-state.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export type { Table } from "./url-state.ts";

export interface Views {
  /** A node (or nothing) was selected anywhere. */
  selected(id: string | null): void;
  /** Opens one table (closing the other), or none. */
  open(table: Table | null): void;
  /** The tab of each table. */
  readonly tabs: ReadonlyMap<Table, HTMLElement>;
}

export function setupViews(
  select: (id: string) => void,
  filters: () => Filters,
  showConflicts: (ids: readonly string[]) => void,
): Views {
  const table = new ClaimsTable($("claims"), { select, filters });
  const matrix = new MatrixView($("matrix"), select, showConflicts);
  const panels = new Map<Table, readonly [HTMLElement, HTMLElement, () => unknown]>([
    ["claims", [$("tab-claims"), $("claims"), () => table.load()]],
    ["matrix", [$("tab-matrix"), $("matrix"), () => matrix.show()]],
  ]);
  // Sent after the filters (the legend's types included) are in the state.
  document.addEventListener(FILTERS_CHANGED, () => table.filtersChanged());
  return {
    selected(id) {
      table.select(id);
      matrix.mark(id);
    },
    open(which) {
      for (const [name, [tab, panel, load]] of panels) {
        const opening = name === which && panel.hidden;
        tab.setAttribute("aria-selected", String(name === which));
        panel.hidden = name !== which;
        if (opening) void load();
      }
      $("views").toggleAttribute("data-open", which !== null);
      // sigma fits its canvas to the container on a window resize.
      window.dispatchEvent(new Event("resize"));
    },
    tabs: new Map([...panels].map(([name, [tab]]) => [name, tab])),
  };
}
