/**
 * The controls beside the graph: the legend (a checkbox per type, with its colour and
 * count), the filters (weak evidence, uncited only, document), trace mode and the PNG
 * export. Each change goes into the state and the address, then the graph is redrawn.
 */
import { downloadAsPNG } from "@sigma/export-image";
import type Sigma from "sigma";
import type { ViewModel } from "../projection/projection.ts";
import { h } from "./dom.ts";
import { colourOf, nameOf, typeKey } from "./palette.ts";
import type { DisplayGraph, Renderer } from "./render.ts";
import { type ViewerState, writeAddress } from "./state.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** After a change of filters: the address, then the drawing. */
function changed(state: ViewerState, renderer: Renderer): void {
  writeAddress(state);
  renderer.refresh();
}

export function setupLegend(graph: DisplayGraph, state: ViewerState, renderer: Renderer): void {
  const counts = new Map<string, number>();
  graph.forEachNode((_, a) =>
    counts.set(typeKey(a.kind, a.type), (counts.get(typeKey(a.kind, a.type)) ?? 0) + 1),
  );
  const legend = $("legend");
  for (const key of [...counts.keys()].sort()) {
    const box = h("input", { attrs: { type: "checkbox", "data-type": key } });
    box.checked = !state.filters.hiddenTypes.has(key);
    box.addEventListener("change", () => {
      const hidden = new Set(state.filters.hiddenTypes);
      if (box.checked) hidden.delete(key);
      else hidden.add(key);
      state.setFilters({ hiddenTypes: hidden });
      changed(state, renderer);
    });
    const swatch = h("span", { className: "swatch" });
    swatch.style.background = colourOf(key);
    legend.append(h("li", {}, h("label", {}, box, swatch, `${nameOf(key)} (${counts.get(key)})`)));
  }
}

export function setupFilters(view: ViewModel, state: ViewerState, renderer: Renderer): void {
  const hideWeak = $<HTMLInputElement>("hide-weak");
  const uncitedOnly = $<HTMLInputElement>("uncited-only");
  const doc = $<HTMLSelectElement>("document");
  for (const d of view.documents) doc.append(h("option", { attrs: { value: d.id } }, d.label));
  hideWeak.checked = state.filters.hideWeak;
  uncitedOnly.checked = state.filters.uncitedOnly;
  doc.value = state.filters.document ?? "";
  const onFilter = () => {
    state.setFilters({
      hideWeak: hideWeak.checked,
      uncitedOnly: uncitedOnly.checked,
      document: doc.value === "" ? null : doc.value,
    });
    changed(state, renderer);
  };
  hideWeak.addEventListener("change", onFilter);
  uncitedOnly.addEventListener("change", onFilter);
  doc.addEventListener("change", onFilter);
}

/** Trace mode on or off: a selected node is shown again (its trace marked or not). */
export function setupTraceMode(
  state: ViewerState,
  renderer: Renderer,
  reselect: (id: string) => void,
): void {
  const traceBox = $<HTMLInputElement>("trace-mode");
  traceBox.checked = state.traceMode;
  traceBox.addEventListener("change", () => {
    state.setTraceMode(traceBox.checked);
    if (state.selected) reselect(state.selected);
    else changed(state, renderer);
  });
}

export function setupExport(renderer: Renderer): void {
  $("export-png").addEventListener(
    "click",
    () =>
      void downloadAsPNG(renderer as unknown as Sigma, {
        fileName: "claimgraph",
        backgroundColor: "#ffffff",
      }),
  );
}
