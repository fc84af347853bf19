/**
 * The controls beside the graph: the legend's type checkboxes (legend.ts draws them), the
 * filters (weak evidence, uncited only, document), trace mode and the PNG export. Each
 * change goes into the state and the address, then the graph is redrawn and
 * FILTERS_CHANGED is sent (the legend's and status line's counts follow it).
 */
import type { ViewModel } from "../projection/projection.ts";
import { DocumentPicker } from "./document-picker.ts";
import { downloadExport } from "./export-png.ts";
import { FILTERS_CHANGED, Legend } from "./legend.ts";
import type { DisplayGraph, Renderer } from "./render.ts";
import { type ViewerState, writeAddress } from "./state.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** After a change of filters: the address, then the drawing. */
function changed(state: ViewerState, renderer: Renderer): void {
  writeAddress(state);
  renderer.refresh();
  document.dispatchEvent(new Event(FILTERS_CHANGED));
}

/** The legend, whose checkboxes show or hide a type. */
export function setupLegend(
  graph: DisplayGraph,
  view: ViewModel,
  state: ViewerState,
  renderer: Renderer,
): Legend {
  return new Legend(graph, state, view, (key, shown) => {
    const hidden = new Set(state.filters.hiddenTypes);
    if (shown) hidden.delete(key);
    else hidden.add(key);
    state.setFilters({ hiddenTypes: hidden });
    changed(state, renderer);
  });
}

export function setupFilters(view: ViewModel, state: ViewerState, renderer: Renderer): void {
  const hideWeak = $<HTMLInputElement>("hide-weak");
  const uncitedOnly = $<HTMLInputElement>("uncited-only");
  const doc = $<HTMLSelectElement>("document");
  const picker = new DocumentPicker(doc, view.documents, "Find a document");
  hideWeak.checked = state.filters.hideWeak;
  uncitedOnly.checked = state.filters.uncitedOnly;
  picker.choose(state.filters.document ?? "");
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

/** Export PNG: the graph with the knowledge base's title and the legend (export-png.ts). */
export function setupExport(
  renderer: Renderer,
  graph: DisplayGraph,
  state: ViewerState,
  view: ViewModel,
): void {
  $("export-png").addEventListener(
    "click",
    () => void downloadExport(renderer, graph, state, view),
  );
}
