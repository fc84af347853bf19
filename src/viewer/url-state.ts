/** Deep links: the selection, trace mode and filters in the address's fragment, and back. */
import { type Filters, NO_FILTERS } from "./filters.ts";

export interface UrlState {
  readonly selected: string | null;
  readonly trace: boolean;
  readonly filters: Filters;
}

export function encodeState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.selected) p.set("node", s.selected);
  if (s.trace) p.set("trace", "1");
  if (s.filters.hiddenTypes.size > 0) p.set("hide", [...s.filters.hiddenTypes].sort().join(","));
  if (s.filters.hideWeak) p.set("weak", "hide");
  if (s.filters.uncitedOnly) p.set("uncited", "1");
  if (s.filters.document) p.set("doc", s.filters.document);
  const text = p.toString();
  return text === "" ? "" : `#${text}`;
}

export function decodeState(hash: string): UrlState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const hide = p.get("hide");
  return {
    selected: p.get("node"),
    trace: p.get("trace") === "1",
    filters: {
      ...NO_FILTERS,
      hiddenTypes: new Set(hide ? hide.split(",").filter((t) => t !== "") : []),
      hideWeak: p.get("weak") === "hide",
      uncitedOnly: p.get("uncited") === "1",
      document: p.get("doc"),
    },
  };
}
