/**
 * sigma's label and hover drawing: kept whole inside the panel and clear of the labels
 * drawn before it in the frame (see labels.ts), and the labels drawn in the last frame,
 * which the tests read to count what is on screen.
 */
import type { NodeDisplayData, PartialButFor } from "sigma/types";
import { type Box, labelPlaces, overlap, placeLabel } from "./labels.ts";

/** What of sigma's settings the drawing reads. */
interface Settings {
  readonly labelSize: number;
  readonly labelFont: string;
  readonly labelWeight: string;
  readonly labelColor: { readonly color?: string };
}

type LabelData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color">;

/** The nodes whose label was drawn since the frame began. */
export const drawnLabels = new Set<string>();
/** Where those labels are. */
const boxes: Box[] = [];

/** A new frame: no label drawn yet. */
export function newFrame(): void {
  drawnLabels.clear();
  boxes.length = 0;
}

/** The panel's width in CSS pixels: sigma scales its 2D contexts by the pixel ratio. */
function panelWidth(context: CanvasRenderingContext2D): number {
  return context.canvas.width / (context.getTransform().a || 1);
}

function font(context: CanvasRenderingContext2D, settings: Settings): number {
  context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
  return settings.labelSize;
}

/** A label where it fits among those drawn; a forced one (hover, selection) in any case. */
export function drawLabel(
  context: CanvasRenderingContext2D,
  data: LabelData,
  settings: Settings,
  always = data.forceLabel === true,
): void {
  if (!data.label) return;
  const size = font(context, settings);
  const width = context.measureText(data.label).width;
  const places = labelPlaces(data.x, data.size, width, panelWidth(context));
  const box = (x: number): Box => ({ x, y: data.y - size * 0.7, width, height: size * 1.2 });
  const free = places.find((p) => !boxes.some((b) => overlap(b, box(p.x))));
  const place = free ?? (always ? places[0] : undefined);
  if (!place) return;
  context.fillStyle = settings.labelColor.color ?? "#000";
  context.fillText(data.label, place.x, data.y + size / 3);
  boxes.push(box(place.x));
  drawnLabels.add((data as LabelData & { key?: string }).key ?? data.label);
}

const PADDING = 2;

/** The hovered or highlighted node: a white box with a shadow around it and its label. */
export function drawHover(
  context: CanvasRenderingContext2D,
  data: LabelData,
  settings: Settings,
): void {
  const size = font(context, settings);
  context.fillStyle = "#fff";
  context.shadowBlur = 8;
  context.shadowColor = "#000";
  context.beginPath();
  context.arc(data.x, data.y, data.size + PADDING, 0, Math.PI * 2);
  context.fill();
  if (data.label) {
    const width = context.measureText(data.label).width;
    const place = placeLabel(data.x, data.size, width, panelWidth(context));
    const height = size + 2 * PADDING;
    const from = Math.min(place.x - PADDING, data.x);
    const to = Math.max(place.x + width + PADDING, data.x);
    context.fillRect(from, data.y - height / 2, to - from, height);
  }
  context.shadowBlur = 0;
  drawLabel(context, data, settings, true);
}
