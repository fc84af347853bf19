/**
 * Export PNG: the graph as drawn now (sigma's layers, via @sigma/export-image), with the
 * knowledge base's title and what is shown above it and the legend (types and claims'
 * evidence, with the counts the filters leave) beside it, composed on one canvas.
 */
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import { colourOf, EVIDENCE_KEYS, evidenceColour, nameOf } from "../projection/palette.ts";
import type { ViewModel } from "../projection/projection.ts";
import { type Counts, countGraph, countText, overviewOf, statusText } from "./counts.ts";
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
  const counts = countGraph(graph, state.filters);
  const rows = legendRows(counts);
  const out = document.createElement("canvas");
  out.width = drawn.width + LEGEND_WIDTH * ratio;
  out.height =
    TITLE_HEIGHT * ratio + Math.max(drawn.height, (PAD * 2 + rows.length * LINE) * ratio);
  const ctx = out.getContext("2d");
  if (!ctx) return drawn;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(drawn, 0, TITLE_HEIGHT * ratio);
  ctx.scale(ratio, ratio);
  drawHeading(ctx, out.width / ratio, kbTitle(view), statusText(counts, overviewOf(view)));
  drawLegend(ctx, drawn.width / ratio + PAD, rows);
  return out;
}

interface Row {
  /** A swatch's colour, or null for a heading. */
  readonly colour: string | null;
  readonly text: string;
}

/** The legend as drawn beside the graph: the types, then the claims' evidence. */
function legendRows(counts: Counts): Row[] {
  const types = [...counts.types].sort(([a], [b]) => (a < b ? -1 : 1));
  return [
    ...types.map(([key, c]) => ({
      colour: colourOf(key),
      text: `${nameOf(key)} (${countText(c)})`,
    })),
    { colour: null, text: "Claims by evidence" },
    ...EVIDENCE_KEYS.map(({ key, name }) => ({
      colour: evidenceColour(key),
      text: `${name} (${countText(counts.evidence.get(key) ?? { shown: 0, total: 0 })})`,
    })),
  ];
}

/** The title and the status line across the top. */
function drawHeading(ctx: CanvasRenderingContext2D, width: number, title: string, status: string) {
  ctx.fillStyle = "#1d2330";
  ctx.font = `600 18px ${FONT}`;
  ctx.fillText(title, PAD, 24, width - 2 * PAD);
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = "#5b6577";
  ctx.fillText(status, PAD, 44, width - 2 * PAD);
}

function drawLegend(ctx: CanvasRenderingContext2D, left: number, rows: readonly Row[]): void {
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
