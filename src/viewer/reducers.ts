/**
 * What sigma draws, derived per frame from the data graph and the view state by pure
 * reducers (as sigma and Gephi Lite do): colours by type (claims by evidence), hidden by
 * filters, the hovered node's neighbourhood and the traced path highlighted, everything
 * else dimmed; while a node is hovered only its handful of labels (see labels.ts).
 */

import { DIMMED, HIGHLIGHT, nodeColour } from "../projection/palette.ts";
import { shownText } from "./dom.ts";
import { type Filters, isVisible } from "./filters.ts";
import type { ShownNode } from "./shown-node.ts";

export interface ViewState {
  readonly filters: Filters;
  readonly selected: string | null;
  readonly hovered: string | null;
  /** The hovered node and its neighbours. */
  readonly hoverSet: ReadonlySet<string> | null;
  /** While a node is hovered: the only nodes labelled (at most the label budget). */
  readonly hoverLabels: ReadonlySet<string> | null;
  /** In trace mode: the selected claim, its references, their works and the document. */
  readonly traced: ReadonlySet<string> | null;
}

export interface DisplayNode {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly label: string | null;
  readonly color: string;
  readonly hidden: boolean;
  readonly highlighted: boolean;
  readonly forceLabel: boolean;
  readonly zIndex: number;
}

export interface DisplayEdge {
  readonly color: string;
  readonly hidden: boolean;
  readonly size: number;
  readonly zIndex: number;
}

export function nodeReducer(key: string, node: ShownNode, state: ViewState): DisplayNode {
  const hidden = !isVisible(node, state.filters);
  const focus = state.traced ?? state.hoverSet;
  const inFocus = focus === null || focus.has(key);
  const selected = key === state.selected;
  const emphasised = selected || (focus !== null && inFocus);
  const traced = state.traced?.has(key) ?? false;
  // Hovering labels a handful; otherwise the emphasised nodes are labelled whole and the
  // rest shortened, for sigma's label grid to pick by density.
  const hoverOnly = state.traced === null ? state.hoverLabels : null;
  const labelled = hoverOnly ? hoverOnly.has(key) : emphasised;
  return {
    x: node.x,
    y: node.y,
    size: selected ? node.size * 1.6 : node.size,
    label: labelled ? shownText(node.label) : hoverOnly ? null : shorten(node.label),
    color: selected ? HIGHLIGHT : traced || inFocus ? nodeColour(node) : DIMMED,
    hidden,
    highlighted: selected,
    forceLabel: labelled,
    zIndex: emphasised ? 2 : inFocus ? 1 : 0,
  };
}

export function edgeReducer(
  source: string,
  target: string,
  state: ViewState,
  sourceHidden: boolean,
  targetHidden: boolean,
): DisplayEdge {
  const hidden = sourceHidden || targetHidden;
  const focus = state.traced ?? state.hoverSet;
  const onFocus = focus?.has(source) && focus.has(target);
  return {
    color: onFocus
      ? state.traced
        ? HIGHLIGHT
        : "#8592a8"
      : focus === null
        ? "#c9cfda"
        : "#eef0f4",
    hidden,
    size: onFocus ? 2 : 1,
    zIndex: onFocus ? 1 : 0,
  };
}

/** Labels of nodes not in focus are kept short, so they do not run into each other. */
export const LABEL_LENGTH = 32;

export function shorten(label: string): string {
  const chars = Array.from(shownText(label));
  return chars.length > LABEL_LENGTH ? `${chars.slice(0, LABEL_LENGTH - 1).join("")}…` : label;
}
