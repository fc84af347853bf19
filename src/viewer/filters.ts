/** Filters of the view: pure predicates over display nodes. */

import { typeKey } from "../projection/palette.ts";
import type { ShownNode } from "./shown-node.ts";

export interface Filters {
  /** Legend keys (see `typeKey`) whose nodes are hidden. */
  readonly hiddenTypes: ReadonlySet<string>;
  /** Hide claims whose only support is tertiary or consumer sources. */
  readonly hideWeak: boolean;
  /** Show only uncited claims (other kinds of node stay). */
  readonly uncitedOnly: boolean;
  /** Show only what stands in this document (an IRI), or everything. */
  readonly document: string | null;
}

export const NO_FILTERS: Filters = {
  hiddenTypes: new Set(),
  hideWeak: false,
  uncitedOnly: false,
  document: null,
};

export function isVisible(node: ShownNode, f: Filters): boolean {
  if (f.hiddenTypes.has(typeKey(node.kind, node.type))) return false;
  if (node.kind === "claim") {
    if (f.hideWeak && node.evidence === "weak") return false;
    if (f.uncitedOnly && !node.uncited) return false;
  }
  if (
    f.document !== null &&
    node.kind !== "work" &&
    node.documents.length > 0 &&
    !node.documents.includes(f.document)
  ) {
    return false;
  }
  return true;
}
