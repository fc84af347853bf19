/**
 * Zoom in, zoom out, fit and reset: four buttons over the graph and the keys +, -, f and 0.
 * Fit frames the nodes the filters leave; reset returns to the opening view. Keys typed
 * into a text field or with a modifier (the browser's own zoom) are left alone.
 */
import { h } from "./dom.ts";
import { isVisible } from "./filters.ts";
import type { DisplayGraph, Renderer } from "./render.ts";
import type { ViewerState } from "./state.ts";

/** Each step zooms by this factor. */
export const ZOOM_FACTOR = 1.5;
const DURATION = 250;
/** Fit leaves this share of the view around the framed nodes. */
const FIT_MARGIN = 1.15;

export type ZoomAction = "in" | "out" | "fit" | "reset";

const BUTTONS: ReadonlyArray<{ action: ZoomAction; text: string; name: string; key: string }> = [
  { action: "in", text: "+", name: "Zoom in", key: "+" },
  { action: "out", text: "−", name: "Zoom out", key: "-" },
  { action: "fit", text: "Fit", name: "Fit to the nodes shown", key: "f" },
  { action: "reset", text: "Reset", name: "Reset the view", key: "0" },
];

/** The action a key press asks for, or null (other keys, modifiers, typing into a field). */
export function zoomKey(event: {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly target: EventTarget | null;
}): ZoomAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const t = event.target as HTMLElement | null;
  const typing =
    t !== null &&
    (t.isContentEditable === true ||
      t.tagName === "TEXTAREA" ||
      t.tagName === "SELECT" ||
      (t.tagName === "INPUT" &&
        !["checkbox", "radio", "button", "submit", "reset"].includes(
          (t as HTMLInputElement).type,
        )));
  if (typing) return null;
  const key = event.key === "=" ? "+" : event.key;
  return BUTTONS.find((b) => b.key === key)?.action ?? null;
}

export function zoom(
  renderer: Renderer,
  graph: DisplayGraph,
  state: ViewerState,
  action: ZoomAction,
): void {
  const camera = renderer.getCamera();
  const options = { duration: DURATION };
  if (action === "in") void camera.animatedZoom({ ...options, factor: ZOOM_FACTOR });
  else if (action === "out") void camera.animatedUnzoom({ ...options, factor: ZOOM_FACTOR });
  else if (action === "reset") void camera.animatedReset(options);
  else
    void camera.animate(fitState(renderer, graph, state) ?? { x: 0.5, y: 0.5, ratio: 1 }, options);
}

/** The camera that frames the shown nodes (sigma's display data are in its frame). */
function fitState(renderer: Renderer, graph: DisplayGraph, state: ViewerState) {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((key, a) => {
    if (!isVisible(a, state.filters)) return;
    const d = renderer.getNodeDisplayData(key);
    if (!d) return;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
  });
  if (minX > maxX) return null;
  const ratio = Math.max(0.05, Math.max(maxX - minX, maxY - minY) * FIT_MARGIN);
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
}

/** The buttons (in `container`, over the graph) and the keys. */
export function setupZoom(
  container: HTMLElement,
  renderer: Renderer,
  graph: DisplayGraph,
  state: ViewerState,
): void {
  const bar = h("div", { className: "zoom", attrs: { role: "toolbar", "aria-label": "Zoom" } });
  for (const b of BUTTONS) {
    const button = h(
      "button",
      {
        title: `${b.name} (${b.key})`,
        attrs: { type: "button", "aria-label": b.name, "data-zoom": b.action },
      },
      b.text,
    );
    button.addEventListener("click", () => zoom(renderer, graph, state, b.action));
    bar.append(button);
  }
  container.append(bar);
  document.addEventListener("keydown", (event) => {
    const action = zoomKey(event);
    if (action === null) return;
    event.preventDefault();
    zoom(renderer, graph, state, action);
  });
}
