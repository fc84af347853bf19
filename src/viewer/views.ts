/**
 * The tables under the graph: a "Claims" and a "Matrix" tab, each opening its view (a tab
 * pressed again closes it, giving the graph its room back). The claims table follows the
 * viewer's filters and both follow the selection; `selected` is called with every one.
 */
import { ClaimsTable } from "./claims-table.ts";
import type { Filters } from "./filters.ts";
import { MatrixView } from "./matrix-view.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface Views {
  /** A node (or nothing) was selected anywhere. */
  selected(id: string | null): void;
}

export function setupViews(select: (id: string) => void, filters: () => Filters): Views {
  const table = new ClaimsTable($("claims"), { select, filters });
  const matrix = new MatrixView($("matrix"), select);
  const tabs: ReadonlyArray<readonly [HTMLElement, HTMLElement, () => unknown]> = [
    [$("tab-claims"), $("claims"), () => table.load()],
    [$("tab-matrix"), $("matrix"), () => matrix.show()],
  ];
  for (const [tab, panel, open] of tabs) {
    tab.addEventListener("click", () => {
      const opening = panel.hidden;
      for (const [t, p] of tabs) {
        t.setAttribute("aria-selected", String(opening && t === tab));
        p.hidden = !(opening && t === tab);
      }
      $("views").toggleAttribute("data-open", opening);
      // sigma fits its canvas to the container on a window resize.
      window.dispatchEvent(new Event("resize"));
      if (opening) void open();
    });
  }
  // The filters' own handlers run first (on the inputs), so the state is already changed.
  document.querySelector(".filters")?.addEventListener("change", () => table.filtersChanged());
  return {
    selected(id) {
      table.select(id);
      matrix.mark(id);
    },
  };
}
