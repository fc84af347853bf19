/**
 * The viewer: sigma draws the display graph (the server's projection of the knowledge
 * graph) through pure reducers; the panel shows what the server answers for a node or
 * an edge; the address's fragment holds the selection and the filters.
 */
import { downloadAsPNG } from "@sigma/export-image";
import Graph from "graphology";
import Sigma from "sigma";
import type { ViewNode } from "../view/projection.ts";
import { api, type NodeDetails } from "./api.ts";
import { h } from "./dom.ts";
import { type Filters, isVisible } from "./filters.ts";
import { colourOf, nameOf, typeKey } from "./palette.ts";
import {
  claimsView,
  claimView,
  entityView,
  type PanelActions,
  referenceView,
  studyView,
} from "./panel.ts";
import { edgeReducer, nodeReducer, type ViewState } from "./reducers.ts";
import { setupSearch } from "./search.ts";
import { decodeState, encodeState } from "./url-state.ts";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function boot(): Promise<void> {
  const view = await api.view();
  const graph = new Graph<ViewNode>({ multi: true, type: "directed", allowSelfLoops: false });
  const addAll = (part: Pick<typeof view, "nodes" | "edges">) => {
    for (const n of part.nodes) if (!graph.hasNode(n.key)) graph.addNode(n.key, { ...n });
    for (const e of part.edges) {
      if (!graph.hasEdge(e.key) && graph.hasNode(e.source) && graph.hasNode(e.target)) {
        graph.addEdgeWithKey(e.key, e.source, e.target, { kind: e.kind, label: e.label });
      }
    }
  };
  addAll(view);

  const initial = decodeState(location.hash);
  let filters: Filters = initial.filters;
  let selected: string | null = null;
  let hovered: string | null = null;
  let hoverSet: Set<string> | null = null;
  let traceMode = initial.trace;
  let traced: Set<string> | null = null;
  const state = (): ViewState => ({
    filters,
    selected,
    hovered,
    hoverSet,
    traced: traceMode ? traced : null,
  });

  const container = $("graph");
  const renderer = new Sigma(graph, container, {
    nodeReducer: (key, attrs) => nodeReducer(key, attrs as unknown as ViewNode, state()),
    edgeReducer: (key) => {
      const s = graph.source(key);
      const t = graph.target(key);
      const st = state();
      return edgeReducer(
        s,
        t,
        st,
        !isVisible(graph.getNodeAttributes(s), st.filters),
        !isVisible(graph.getNodeAttributes(t), st.filters),
      );
    },
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    zIndex: true,
    labelDensity: 0.6,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 7,
    defaultEdgeType: "line",
  });

  const details = $("details");
  const actions: PanelActions = { select: (id) => void select(id) };
  const writeUrl = () =>
    history.replaceState(
      null,
      "",
      `${location.pathname}${location.search}${encodeState({ selected, trace: traceMode, filters })}`,
    );

  const show = (...nodes: Node[]) => {
    details.replaceChildren(...nodes);
  };

  async function select(id: string | null, moveCamera = true): Promise<void> {
    selected = id;
    traced = null;
    writeUrl();
    details.removeAttribute("data-edge");
    if (id === null) {
      details.removeAttribute("data-selected");
      show(
        h(
          "p",
          { className: "hint" },
          "Click a node or an edge, or search, to see the claims, their quotes and their references.",
        ),
      );
      renderer.refresh();
      return;
    }
    if (!graph.hasNode(id)) {
      try {
        addAll(await api.neighbourhood(id));
      } catch {
        // Not drawable (e.g. a node the projection leaves out): the panel still shows it.
      }
    }
    if (moveCamera && graph.hasNode(id)) {
      const d = renderer.getNodeDisplayData(id);
      if (d)
        void renderer
          .getCamera()
          .animate(
            { x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.6) },
            { duration: 300 },
          );
    }
    let answer: NodeDetails;
    try {
      answer = await api.node(id);
    } catch {
      show(h("p", { className: "warn" }, "This node has no details."));
      renderer.refresh();
      return;
    }
    if (selected !== id) return;
    switch (answer.kind) {
      case "claim": {
        const c = answer.claim;
        traced = new Set([
          c.id,
          c.subject.id,
          c.location.document.id,
          ...("id" in c.object ? [c.object.id] : []),
        ]);
        for (const r of c.citations) {
          traced.add(r.reference);
          if (r.work) traced.add(r.work.id);
        }
        show(h("h2", {}, "Claim"), claimView(c, actions, traceMode ? traced : null));
        break;
      }
      case "entity":
        show(entityView(answer.trace, actions));
        break;
      case "reference":
      case "work":
        show(referenceView(answer.trace, actions));
        break;
      case "study":
        show(
          h("h2", {}, answer.study.label),
          studyView(answer.study, actions),
          claimsView("Claims it supports", answer.claims, actions),
        );
        break;
      case "document": {
        const d = answer.document;
        const facts = [d.fileName, d.creator, d.date, d.publisher, d.genre].filter(
          (x) => typeof x === "string" && x !== "",
        );
        show(
          h("h2", {}, d.title),
          h("p", { className: "meta" }, facts.join(" · ")),
          ...d.discrepancies.map((x) =>
            h("p", { className: "warn" }, x.comment ?? "disagrees with public records"),
          ),
        );
        break;
      }
    }
    details.setAttribute("data-selected", id);
    renderer.refresh();
  }

  renderer.on("clickNode", ({ node }) => void select(node));
  renderer.on("clickEdge", async ({ edge }) => {
    const s = graph.source(edge);
    const t = graph.target(edge);
    const { claims } = await api.edge(s, t);
    show(claimsView(`Claims behind this link (${claims.length})`, claims, actions));
    details.setAttribute("data-edge", edge);
  });
  renderer.on("enterNode", ({ node }) => {
    hovered = node;
    hoverSet = new Set([node, ...graph.neighbors(node)]);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("leaveNode", () => {
    hovered = null;
    hoverSet = null;
    renderer.refresh({ skipIndexation: true });
  });

  // Legend and filters.
  const counts = new Map<string, number>();
  graph.forEachNode((_, a) =>
    counts.set(typeKey(a.kind, a.type), (counts.get(typeKey(a.kind, a.type)) ?? 0) + 1),
  );
  const legend = $("legend");
  for (const key of [...counts.keys()].sort()) {
    const box = h("input", { attrs: { type: "checkbox", "data-type": key } });
    box.checked = !filters.hiddenTypes.has(key);
    box.addEventListener("change", () => {
      const hidden = new Set(filters.hiddenTypes);
      if (box.checked) hidden.delete(key);
      else hidden.add(key);
      filters = { ...filters, hiddenTypes: hidden };
      writeUrl();
      renderer.refresh();
    });
    const swatch = h("span", { className: "swatch" });
    swatch.style.background = colourOf(key);
    legend.append(h("li", {}, h("label", {}, box, swatch, `${nameOf(key)} (${counts.get(key)})`)));
  }
  const hideWeak = $<HTMLInputElement>("hide-weak");
  const uncitedOnly = $<HTMLInputElement>("uncited-only");
  const doc = $<HTMLSelectElement>("document");
  for (const d of view.documents) doc.append(h("option", { attrs: { value: d.id } }, d.label));
  hideWeak.checked = filters.hideWeak;
  uncitedOnly.checked = filters.uncitedOnly;
  doc.value = filters.document ?? "";
  const onFilter = () => {
    filters = {
      ...filters,
      hideWeak: hideWeak.checked,
      uncitedOnly: uncitedOnly.checked,
      document: doc.value === "" ? null : doc.value,
    };
    writeUrl();
    renderer.refresh();
  };
  hideWeak.addEventListener("change", onFilter);
  uncitedOnly.addEventListener("change", onFilter);
  doc.addEventListener("change", onFilter);

  const traceBox = $<HTMLInputElement>("trace-mode");
  traceBox.checked = traceMode;
  traceBox.addEventListener("change", () => {
    traceMode = traceBox.checked;
    if (selected) void select(selected, false);
    else {
      writeUrl();
      renderer.refresh();
    }
  });

  $("export-png").addEventListener(
    "click",
    () =>
      void downloadAsPNG(renderer as unknown as Sigma, {
        fileName: "claimgraph",
        backgroundColor: "#ffffff",
      }),
  );

  const search = setupSearch(
    $<HTMLInputElement>("search"),
    $<HTMLDivElement>("suggestions"),
    (id) => void select(id),
  );
  document.addEventListener("keydown", (event) => {
    // "/" is a character only where text is typed; on a checkbox or a button it means "search".
    const target = event.target;
    const typing =
      target instanceof HTMLTextAreaElement ||
      (target instanceof HTMLInputElement && ["text", "search"].includes(target.type));
    if (event.key === "/" && !typing) {
      event.preventDefault();
      search.focus();
    } else if (event.key === "Escape") {
      if (search.isOpen()) search.close();
      else void select(null);
    }
  });

  $("status").textContent = view.overview
    ? `Overview: the ${view.nodes.length} most connected entities of ${view.totalNodes} nodes. Select one to draw its neighbourhood.`
    : `${graph.order} nodes, ${graph.size} links.`;
  document.body.setAttribute("data-ready", "true");
  (window as unknown as { claimgraph: unknown }).claimgraph = {
    renderer,
    graph,
    state,
    select: (id: string) => select(id),
  };
  if (initial.selected) await select(initial.selected);
}

boot().catch((error: unknown) => {
  document.body.setAttribute("data-error", String((error as Error).message ?? error));
  $("status").textContent =
    `The knowledge base could not be loaded: ${String((error as Error).message ?? error)}`;
});
