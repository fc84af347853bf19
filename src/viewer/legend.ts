/**
 * The legend beside the graph: a checkbox per node type (its colour, and how many of its
 * nodes the filters leave), the key of claims' colours by evidence (with counts of the claims
 * drawn: "none drawn" in the overview), and the status line. The counts follow the filters
 * (the "claimgraph:filters" event controls.ts sends) and the graph as neighbourhoods are
 * drawn into it.
 */

import { colourOf, EVIDENCE_KEYS, evidenceColour, nameOf } from "../projection/palette.ts";
import type { ViewModel } from "../projection/projection.ts";
import {
  type Count,
  countGraph,
  countText,
  legendCountText,
  overviewOf,
  statusText,
} from "./counts.ts";
import { h } from "./dom.ts";
import type { DisplayGraph } from "./render.ts";
import type { ViewerState } from "./state.ts";

/** Sent on `document` after the filters changed (and the address was written). */
export const FILTERS_CHANGED = "claimgraph:filters";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export class Legend {
  readonly #rows = new Map<string, HTMLElement>();
  readonly #evidence = new Map<string, HTMLElement>();
  #scheduled = false;

  constructor(
    private readonly graph: DisplayGraph,
    private readonly state: ViewerState,
    private readonly view: ViewModel,
    private readonly toggled: (key: string, shown: boolean) => void,
  ) {
    for (const { key, name } of EVIDENCE_KEYS) {
      const count = h("span", { className: "count" });
      const swatch = h("span", { className: "swatch" });
      swatch.style.background = evidenceColour(key);
      $("evidence-key").append(
        h("li", { attrs: { "data-evidence": key } }, swatch, h("span", {}, `${name} `, count)),
      );
      this.#evidence.set(key, count);
    }
    document.addEventListener(FILTERS_CHANGED, () => this.update());
    graph.on("nodeAdded", () => this.#later());
    this.update();
  }

  /** Counts again, adding a row for a type drawn for the first time. */
  update(): void {
    const counts = countGraph(this.graph, this.state.filters);
    for (const key of [...counts.types.keys()].sort()) {
      const count = counts.types.get(key) as Count;
      (this.#rows.get(key) ?? this.#row(key)).textContent = `(${countText(count)})`;
    }
    for (const [key, span] of this.#evidence) {
      const count = counts.evidence.get(key as never) ?? { shown: 0, total: 0 };
      span.textContent = `(${legendCountText(count, this.view.overview)})`;
    }
    $("status").textContent = statusText(counts, overviewOf(this.view));
  }

  #row(key: string): HTMLElement {
    const box = h("input", { attrs: { type: "checkbox", "data-type": key } });
    box.checked = !this.state.filters.hiddenTypes.has(key);
    box.addEventListener("change", () => this.toggled(key, box.checked));
    const swatch = h("span", { className: "swatch" });
    swatch.style.background = colourOf(key);
    const count = h("span", { className: "count" });
    const li = h("li", {}, h("label", {}, box, swatch, `${nameOf(key)} `, count));
    li.setAttribute("data-type", key);
    const legend = $("legend");
    const after = [...legend.children].find((el) => (el.getAttribute("data-type") ?? "") > key);
    legend.insertBefore(li, after ?? null);
    this.#rows.set(key, count);
    return count;
  }

  #later(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    requestAnimationFrame(() => {
      this.#scheduled = false;
      this.update();
    });
  }
}
