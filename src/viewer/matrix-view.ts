/**
 * The comparison matrix (from `/api/matrix`): drugs and drug classes as columns, features
 * and effects as rows, each cell listing its claims with their citation numbers (and their
 * document when the knowledge base holds several); a claim opens in the graph and Details.
 * A null cell ("not stated", "not tested") and a cell without claims look different. Under
 * its claims, a cell shows how many works stand behind each of its assertions and, when its
 * claims stand in a conflict, a "⚠ n" button that shows the conflicts (agreement-badges.ts).
 */
import type { MatrixClaim } from "../projection/matrix.ts";
import type { AgreedCell, AgreedMatrix, AgreedRow } from "../projection/matrix-agreement.ts";
import { cellBadges } from "./agreement-badges.ts";
import { api } from "./api.ts";
import { h } from "./dom.ts";

export class MatrixView {
  private loaded: Promise<void> | null = null;
  private selected: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly select: (id: string) => void,
    private readonly showConflicts: (ids: readonly string[]) => void,
  ) {
    root.addEventListener("click", (e) => {
      const id = (e.target as Element).closest("[data-claim]")?.getAttribute("data-claim");
      if (id) this.select(id);
    });
  }

  /** Fetches and draws the matrix the first time it is shown. */
  show(): Promise<void> {
    this.loaded ??= api.matrix().then(
      (m) => {
        this.root.replaceChildren(...matrixView(m, this.showConflicts));
        this.mark(this.selected);
      },
      (error: unknown) => {
        this.loaded = null; // tried again when the tab is opened again
        this.root.replaceChildren(
          h("p", { className: "warn" }, `The matrix could not be loaded: ${String(error)}`),
        );
      },
    );
    return this.loaded;
  }

  /** Marks the claims of the selection (a claim selected anywhere) in their cells. */
  mark(id: string | null): void {
    this.selected = id;
    for (const b of this.root.querySelectorAll("[aria-current=true]"))
      b.removeAttribute("aria-current");
    if (id === null) return;
    for (const b of this.root.querySelectorAll<HTMLElement>("[data-claim]")) {
      if (b.getAttribute("data-claim") === id) b.setAttribute("aria-current", "true");
    }
  }
}

type Show = (conflicts: readonly string[]) => void;

function matrixView(m: AgreedMatrix, show: Show): Node[] {
  if (m.columns.length === 0)
    return [h("p", { className: "hint" }, "No claim is about a drug or a drug class.")];
  const several = m.documents.length > 1;
  const groups: Array<[string, AgreedRow[]]> = [
    ["Features", m.rows.filter((r) => r.kind === "feature")],
    ["Effects", m.rows.filter((r) => r.kind === "effect")],
  ];
  return [
    matrixKey(m, several),
    h(
      "table",
      { className: "matrix" },
      matrixHead(m),
      ...groups
        .filter(([, rows]) => rows.length > 0)
        .map(([name, rows]) => groupView(name, rows, m, several, show)),
    ),
  ];
}

/** What the matrix shows, and the key to its empty and null cells. */
function matrixKey(m: AgreedMatrix, several: boolean): HTMLElement {
  return h(
    "p",
    { className: "meta" },
    m.totalColumns > m.columns.length
      ? `The ${m.columns.length} of ${m.totalColumns} drugs and drug classes with the most claims × what ${m.documents.length} documents say about them. `
      : `Drugs and drug classes × what the claims of ${m.documents.length} document${several ? "s" : ""} say about them. `,
    h("span", { className: "cell-empty" }, "—"),
    " no claim; ",
    h("span", { className: "cell-null" }, "not stated"),
    " the source's cell gives no value; ",
    h("span", { className: "badge support" }, "2 works"),
    " distinct works behind what the cell says (by tier on hover); ",
    h("span", { className: "badge conflict" }, "⚠ 1"),
    " conflicts with another claim (click to see both sides).",
  );
}

/** The header row: one column per drug or drug class. */
function matrixHead(m: AgreedMatrix): HTMLElement {
  return h(
    "thead",
    {},
    h(
      "tr",
      {},
      h("th", { attrs: { scope: "col" } }, "Feature or effect"),
      ...m.columns.map((c) =>
        h(
          "th",
          { attrs: { scope: "col", "data-column": c.id } },
          c.label,
          h("br"),
          h("span", { className: "meta" }, c.type === "DrugClass" ? "drug class" : "drug"),
        ),
      ),
    ),
  );
}

/** A group of rows (features or effects) under its heading. */
function groupView(
  name: string,
  rows: AgreedRow[],
  m: AgreedMatrix,
  several: boolean,
  show: Show,
): HTMLElement {
  const span = String(m.columns.length + 1);
  return h(
    "tbody",
    {},
    h("tr", { className: "group" }, h("th", { attrs: { scope: "rowgroup", colspan: span } }, name)),
    ...rows.map((r) => rowView(r, m, several, show)),
  );
}

function rowView(r: AgreedRow, m: AgreedMatrix, several: boolean, show: Show): HTMLElement {
  return h(
    "tr",
    { attrs: { "data-row": r.key } },
    h(
      "th",
      { attrs: { scope: "row" } },
      r.effect ? r.effect.label : r.predicate.label,
      r.effect ? h("span", { className: "meta" }, ` · ${r.predicate.label}`) : null,
    ),
    ...r.cells.map((cell, i) => cellView(cell, m.columns[i]?.id ?? "", several, show)),
  );
}

function cellView(cell: AgreedCell, column: string, several: boolean, show: Show): HTMLElement {
  const attrs = { "data-column": column, "data-state": cell.state };
  if (cell.state === "empty")
    return h("td", { attrs }, h("span", { className: "cell-empty", title: "No claim" }, "—"));
  return h(
    "td",
    { attrs },
    h(
      "ul",
      {},
      ...cell.claims.map((c) => h("li", {}, claimButton(c, several))),
      cell.total > cell.claims.length
        ? h("li", { className: "meta" }, `and ${cell.total - cell.claims.length} more`)
        : null,
    ),
    cellBadges(cell, (i) => cell.claims.find((c) => c.assertion === i)?.text, show),
  );
}

function claimButton(c: MatrixClaim, several: boolean): HTMLElement {
  const cites =
    c.citations.length > 0
      ? c.citations.map((n) => `[${n ?? "?"}]`).join(" ")
      : c.status
        ? ""
        : "uncited";
  return h(
    "button",
    {
      className: c.status ? "link cell-null" : "link",
      title: c.text,
      attrs: { type: "button", "data-claim": c.id },
    },
    c.status ? spaced(c.status) : c.text,
    " ",
    h("span", { className: "meta" }, cites),
    several ? h("span", { className: "meta" }, ` · ${c.document.label}`) : null,
  );
}

/** "NotStated" → "not stated". */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
