/**
 * The viewer: sigma draws the display graph (the server's projection of the knowledge
 * graph) through pure reducers; the panel shows what the server answers for a node or
 * an edge; the address's fragment holds the selection and the filters. This module only
 * wires the parts: state, rendering, selection and details, controls, search.
 */
import type { ViewModel } from "../projection/projection.ts";
import { api } from "./api.ts";
import { setupExport, setupFilters, setupLegend, setupTraceMode } from "./controls.ts";
import { DetailsPanel } from "./details.ts";
import { drawnLabels } from "./label-drawing.ts";
import { Panels } from "./panels.ts";
import { Reader } from "./reader.ts";
import {
  addAll,
  createRenderer,
  type DisplayGraph,
  displayGraph,
  hoverNode,
  type Renderer,
} from "./render.ts";
import { bindSearchKeys, setupSearch } from "./search.ts";
import { Selection } from "./selection.ts";
import { ViewerState, writeAddress } from "./state.ts";
import { decodeState, type UrlState, withKnownDocuments } from "./url-state.ts";
import { setupViews, type Views } from "./views.ts";
import { setupZoom } from "./zoom.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function boot(): Promise<void> {
  const view = await api.view();
  const graph = displayGraph();
  addAll(graph, view, view.documents);
  const initial = initialState(view);
  const state = new ViewerState(initial);
  const renderer = createRenderer(graph, $("graph"), state);
  const reader = setupReader(state, view.documents, (id) => void select(id));
  const select = (id: string | null, moveCamera = true) => {
    views.selected(id);
    void reader.show(id);
    return selection.select(id, moveCamera);
  };
  const panel = new DetailsPanel($("details"), { select: (id) => void select(id) });
  const selection = new Selection({ graph, renderer, state, panel, view });

  bindGraphEvents(graph, renderer, state, panel, (id) => void select(id));
  setupLegend(graph, view, state, renderer);
  setupFilters(view, state, renderer);
  setupTraceMode(state, renderer, (id) => void select(id, false));
  setupExport(renderer, graph, state, view);
  setupZoom($("graph-area"), renderer, graph, state);
  const views = setupViews(
    (id) => void select(id),
    () => state.filters,
    (ids) => void showConflicts(panel, ids),
  );
  const readable = await reader.open(initial.reader, initial.selected).then(
    () => true,
    () => false,
  );
  setupPanels(reader, views, state).show(
    initial.table ?? (readable && (initial.reader?.open ?? true) ? "reader" : null),
  );
  const search = setupSearch($("search"), $("suggestions"), (id) => void select(id));
  bindSearchKeys(search, () => void select(null));

  document.body.setAttribute("data-ready", "true");
  (window as unknown as { claimgraph: unknown }).claimgraph = {
    renderer,
    graph,
    state: () => state.view(),
    select: (id: string) => select(id),
    /** The labels drawn in the last frame (the tests count them). */
    labelsDrawn: () => [...drawnLabels],
  };
  if (initial.selected) await select(initial.selected);
}

/** The address's state, less the documents the knowledge base lacks (an old link's). */
function initialState(view: ViewModel): UrlState {
  const known = new Set(view.documents.map((d) => d.id));
  return withKnownDocuments(decodeState(location.hash), known);
}

/** A matrix badge's conflicts, both sides of each, in Details. */
async function showConflicts(panel: DetailsPanel, ids: readonly string[]): Promise<void> {
  try {
    panel.conflicts(await Promise.all(ids.map((id) => api.conflict(id))));
  } catch (error) {
    panel.warn(`The conflict could not be loaded: ${String(error)}`);
  }
}

/** Clicks select a node or show an edge's claims; hovering lights a node's neighbourhood. */
function bindGraphEvents(
  graph: DisplayGraph,
  renderer: Renderer,
  state: ViewerState,
  panel: DetailsPanel,
  select: (id: string) => void,
): void {
  renderer.on("clickNode", ({ node }) => select(node));
  renderer.on("clickEdge", async ({ edge }) => {
    const { claims } = await api.edge(graph.source(edge), graph.target(edge));
    panel.edge(edge, claims);
  });
  renderer.on("enterNode", ({ node }) => {
    hoverNode(graph, state, node);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("leaveNode", () => {
    state.leave();
    renderer.refresh({ skipIndexation: true });
  });
}

/** The bottom panels (a table or the reader, one at a time), the open one in the address. */
function setupPanels(reader: Reader, views: Views, state: ViewerState): Panels {
  return new Panels({
    reader,
    views,
    readerButton: $("reader-toggle"),
    changed: (panel) => {
      state.setTable(panel === "reader" || panel === null ? undefined : panel);
      state.setReader(reader.position());
      writeAddress(state);
    },
  });
}

/** The reader, its moves written into the state and the address. */
function setupReader(
  state: ViewerState,
  documents: ViewModel["documents"],
  select: (id: string) => void,
): Reader {
  return new Reader(
    $("reader"),
    {
      select,
      moved: (position) => {
        state.setReader(position);
        writeAddress(state);
      },
    },
    documents,
  );
}

boot().catch((error: unknown) => {
  document.body.setAttribute("data-error", String((error as Error).message ?? error));
  $("status").textContent =
    `The knowledge base could not be loaded: ${String((error as Error).message ?? error)}`;
});
