/**
 * Export PNG: the graph as drawn now (sigma's layers, via @sigma/export-image), with the
 * knowledge base's title and what is shown above it and the legend (types and claims'
 * evidence, with the counts the filters leave) beside it, composed on one canvas.
 */
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import type { ViewModel, ViewNode } from "../projection/projection.ts";
import { countShown, countText, statusText } from "./counts.ts";
import { colourOf, EVIDENCE_KEYS, evidenceColour, nameOf } from "./palette.ts";
import type { DisplayGraph, Renderer } from "./render.ts";
import type { ViewerState } from "./state.ts";

const FONT = "system-ui, sans-serif";
/** In CSS pixels; scaled by the graph canvas's pixel ratio. */
const TITLE_HEIGHT = 56;
const LEGEND_WIDTH = 300;
const LINE = 20;
const PAD = 12;

/** The knowledge base's title: its document's, or how many documents and the first. */
export function kbTitle(view: Pick<ViewModel, "documents">): string {
  const docs = view.documents;
  if (docs.length === 0) return "claimgraph knowledge base";
  if (docs.length === 1) return docs[0]?.label ?? "";
  return `${docs.length} documents: ${docs[0]?.label ?? ""} …`;
}

export async function composeExport(
  renderer: Renderer,
  graph: DisplayGraph,
  state: ViewerState,
  view: ViewModel,
): Promise<HTMLCanvasElement> {
  const drawn = await drawOnCanvas(renderer as unknown as Sigma, { backgroundColor: "#ffffff" });
  const ratio = drawn.width / Math.max(1, renderer.getContainer().clientWidth);
  const counts = countShown(
    graph.mapNodes((_, a) => a),
    graph.mapEdges((_e, _a, _s, _t, sa, ta): readonly [ViewNode, ViewNode] => [sa, ta]),
    state.filters,
  );
  const rows = [
    ...[...counts.types]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, c]) => ({
        colour: colourOf(key),
        text: `${nameOf(key)} (${countText(c)})`,
      })),
    { colour: null, text: "Claims by evidence" },
    ...EVIDENCE_KEYS.map(({ key, name }) => ({
      colour: evidenceColour(key),
      text: `${name} (${countText(counts.evidence.get(key) ?? { shown: 0, total: 0 })})`,
    })),
  ];
  const legendHeight = (PAD * 2 + rows.length * LINE) * ratio;
  const out = document.createElement("canvas");
  out.width = drawn.width + LEGEND_WIDTH * ratio;
  out.height = TITLE_HEIGHT * ratio + Math.max(drawn.height, legendHeight);
  const ctx = out.getContext("2d");
  if (!ctx) return drawn;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(drawn, 0, TITLE_HEIGHT * ratio);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = "#1d2330";
  ctx.font = `600 18px ${FONT}`;
  ctx.fillText(kbTitle(view), PAD, 24, out.width / ratio - 2 * PAD);
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = "#5b6577";
  const overview = view.overview
    ? { entities: view.nodes.length, totalNodes: view.totalNodes }
    : null;
  ctx.fillText(statusText(counts, overview), PAD, 44, out.width / ratio - 2 * PAD);
  const left = drawn.width / ratio + PAD;
  rows.forEach((row, i) => {
    const y = TITLE_HEIGHT + PAD + i * LINE + LINE / 2;
    if (row.colour) {
      ctx.fillStyle = row.colour;
      ctx.beginPath();
      ctx.arc(left + 6, y, 6, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.fillStyle = "#1d2330";
    ctx.font = row.colour ? `13px ${FONT}` : `600 13px ${FONT}`;
    ctx.fillText(row.text, row.colour ? left + 18 : left, y + 4, LEGEND_WIDTH - 2 * PAD - 18);
  });
  return out;
}

/** Composes the image and saves it as claimgraph.png. */
export async function downloadExport(
  renderer: Renderer,
  graph: DisplayGraph,
  state: ViewerState,
  view: ViewModel,
): Promise<void> {
  const canvas = await composeExport(renderer, graph, state, view);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = "claimgraph.png";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
