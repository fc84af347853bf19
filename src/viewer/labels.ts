/**
 * Which labels are drawn, and where. Hovering a node labels only a handful: the node, the
 * selection and its most connected neighbours, up to `HOVER_LABEL_BUDGET`; at rest sigma's
 * label grid picks labels by density (see render.ts), and a label that would cover one
 * already drawn goes to the other side of its node or is left out. A label that would run
 * past the panel's right edge is drawn to the left of its node instead.
 */

/** At most this many labels while a node is hovered (the hovered node included). */
export const HOVER_LABEL_BUDGET = 6;

export interface Neighbour {
  readonly key: string;
  /** How many links the neighbour has in the drawn graph. */
  readonly degree: number;
}

/**
 * The nodes labelled while `hovered` is: it, the selection (when there is one), then its
 * neighbours by degree (ties by key, so the same graph always gives the same labels).
 */
export function hoverLabels(
  hovered: string,
  selected: string | null,
  neighbours: readonly Neighbour[],
  budget = HOVER_LABEL_BUDGET,
): Set<string> {
  const out = new Set([hovered]);
  if (selected !== null && out.size < budget) out.add(selected);
  const ranked = [...neighbours].sort(
    (a, b) => b.degree - a.degree || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  for (const n of ranked) {
    if (out.size >= budget) break;
    out.add(n.key);
  }
  return out;
}

/** The gap between a node's disc and its label, in pixels (sigma's own). */
export const LABEL_GAP = 3;

export interface Placement {
  /** Where the text starts (its left end), in pixels from the panel's left edge. */
  readonly x: number;
  /** True when the label is drawn to the left of its node. */
  readonly leftOfNode: boolean;
}

/**
 * Where a label of `textWidth` pixels goes beside a node at `x` of radius `size` in a panel
 * `panelWidth` wide: right of the node when it fits, else left of it when that fits, else
 * wherever it stays whole inside the panel.
 */
export function placeLabel(
  x: number,
  size: number,
  textWidth: number,
  panelWidth: number,
): Placement {
  return labelPlaces(x, size, textWidth, panelWidth)[0] as Placement;
}

/** Every place the label may go, best first: right of the node, left of it, or clamped. */
export function labelPlaces(
  x: number,
  size: number,
  textWidth: number,
  panelWidth: number,
): Placement[] {
  const right = x + size + LABEL_GAP;
  const left = x - size - LABEL_GAP - textWidth;
  const out: Placement[] = [];
  if (right + textWidth <= panelWidth) out.push({ x: right, leftOfNode: false });
  if (left >= 0) out.push({ x: left, leftOfNode: true });
  if (out.length === 0) out.push({ x: Math.max(0, panelWidth - textWidth), leftOfNode: true });
  return out;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
