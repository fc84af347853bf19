/**
 * The bottom panels under the graph, one set: the Claims table, the Matrix or the reader, at
 * most one open. Opening one closes the others; the Reader button (aria-pressed) and the
 * tabs (aria-selected) say which is open, and the address keeps it.
 */
import type { Reader } from "./reader.ts";
import type { Table, Views } from "./views.ts";

export type Panel = Table | "reader" | null;

export interface PanelParts {
  readonly reader: Reader;
  readonly views: Views;
  readonly readerButton: HTMLElement;
  /** The open panel changed (for the address). */
  readonly changed: (panel: Panel) => void;
}

export class Panels {
  #open: Panel = null;

  constructor(private readonly parts: PanelParts) {
    parts.readerButton.addEventListener("click", () => this.toggle("reader"));
    for (const [name, tab] of parts.views.tabs) {
      tab.addEventListener("click", () => this.toggle(name));
    }
  }

  get open(): Panel {
    return this.#open;
  }

  /** Opens `panel` (closing the others), or closes them all for null. */
  show(panel: Panel): void {
    this.#open = panel;
    this.parts.reader.setOpen(panel === "reader");
    this.parts.views.open(panel === "reader" ? null : panel);
    this.parts.readerButton.setAttribute("aria-pressed", String(panel === "reader"));
  }

  /** A button pressed: its panel opens, or closes when it is the one open. */
  toggle(panel: Exclude<Panel, null>): void {
    this.show(this.#open === panel ? null : panel);
    this.parts.changed(this.#open);
  }
}
