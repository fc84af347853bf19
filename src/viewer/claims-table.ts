/**
 * The claims table: the claims in view as a `<table>` (subject, predicate, object or
 * value, citations, evidence type, document, line), a page at a time from `/api/claims`.
 * A header sorts (its `aria-sort` says how), the text box and the viewer's filters filter,
 * a row selects its claim (graph and Details, through the selection), and a claim selected
 * elsewhere marks its row and scrolls to it. "Download CSV" saves the rows shown.
 */
import type { ClaimColumn, ClaimPage } from "../projection/claim-page.ts";
import type { ClaimRow } from "../projection/claim-rows.ts";
import type { ClaimsParams } from "../server/contract.ts";
import { api } from "./api.ts";
import { toCsv } from "./csv.ts";
import { h, shownText } from "./dom.ts";
import type { Filters } from "./filters.ts";

const COLUMNS: ReadonlyArray<readonly [ClaimColumn, string]> = [
  ["subject", "Subject"],
  ["predicate", "Predicate"],
  ["object", "Object or value"],
  ["citations", "Citations"],
  ["evidence", "Evidence type"],
  ["document", "Document"],
  ["line", "Line"],
];

export const PAGE_SIZE = 100;

export interface TableActions {
  readonly select: (id: string) => void;
  readonly filters: () => Filters;
}

export class ClaimsTable {
  private text = "";
  private sort: ClaimColumn = "document";
  private descending = false;
  private offset = 0;
  private selected: string | null = null;
  private page: ClaimPage | null = null;
  private loads = 0;
  private readonly filterBox = h("input", {
    attrs: {
      type: "search",
      id: "claims-filter",
      placeholder: "Filter claims",
      autocomplete: "off",
    },
  });
  private readonly count = h("p", { className: "meta", attrs: { "aria-live": "polite" } });
  private readonly previous = pageButton("Previous page");
  private readonly next = pageButton("Next page");
  private readonly download = h("button", { attrs: { type: "button" } }, "Download CSV");
  private readonly head = h("tr");
  private readonly body = h("tbody");

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: TableActions,
  ) {
    root.replaceChildren(
      h(
        "div",
        { className: "table-tools" },
        h(
          "label",
          { className: "visually-hidden", attrs: { for: "claims-filter" } },
          "Filter claims",
        ),
        this.filterBox,
        this.previous,
        this.next,
        this.count,
        this.download,
      ),
      h(
        "div",
        { className: "table-scroll" },
        h("table", { className: "claims" }, h("thead", {}, this.head), this.body),
      ),
    );
    this.bind();
  }

  /** Loads the page holding the selected claim (or the current page) with the filters now. */
  async load(focus: string | null = this.selected): Promise<void> {
    const load = ++this.loads;
    let page: ClaimPage;
    try {
      page = await api.claims(this.params(focus));
    } catch (error) {
      this.count.textContent = `The claims could not be loaded: ${String(error)}`;
      return;
    }
    if (load !== this.loads) return;
    this.page = page;
    this.offset = page.offset;
    this.render(page);
  }

  /** A claim (or any node, or nothing) was selected elsewhere: mark its row, scroll to it. */
  select(id: string | null): void {
    this.selected = id;
    if (this.root.hidden) return;
    if (id !== null && !this.page?.rows.some((r) => r.id === id)) {
      void this.load(id);
      return;
    }
    this.markSelected();
  }

  /** The viewer's filters changed: back to the first page. */
  filtersChanged(): void {
    this.offset = 0;
    if (!this.root.hidden) void this.load(null);
  }

  private params(focus: string | null): ClaimsParams {
    const f = this.actions.filters();
    return {
      q: this.text,
      sort: this.sort,
      dir: this.descending ? "desc" : "asc",
      offset: String(this.offset),
      limit: String(PAGE_SIZE),
      ...(focus ? { focus } : {}),
      ...(f.hideWeak ? { weak: "hide" as const } : {}),
      ...(f.uncitedOnly ? { uncited: "1" as const } : {}),
      ...(f.document ? { doc: f.document } : {}),
      ...(f.hiddenTypes.size > 0 ? { hide: [...f.hiddenTypes].sort().join(",") } : {}),
    };
  }

  private bind(): void {
    let typing: ReturnType<typeof setTimeout> | undefined;
    const filter = () => {
      clearTimeout(typing);
      this.text = this.filterBox.value;
      this.offset = 0;
      void this.load(null);
    };
    this.filterBox.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(filter, 200);
    });
    this.filterBox.addEventListener("keydown", (e) => {
      if (e.key === "Enter") filter();
    });
    this.previous.addEventListener("click", () => this.turn(-1));
    this.next.addEventListener("click", () => this.turn(1));
    this.download.addEventListener("click", () => this.saveCsv());
    this.body.addEventListener("click", (e) => this.rowEvent(e));
    this.body.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") this.rowEvent(e);
    });
  }

  private turn(pages: number): void {
    this.offset = Math.max(0, this.offset + pages * PAGE_SIZE);
    void this.load(null);
  }

  private rowEvent(e: Event): void {
    const row = (e.target as Element).closest("tr[data-claim]");
    const id = row?.getAttribute("data-claim");
    if (!id) return;
    e.preventDefault();
    this.actions.select(id);
  }

  private sortBy(column: ClaimColumn): void {
    this.descending = this.sort === column ? !this.descending : false;
    this.sort = column;
    this.offset = 0;
    void this.load(null);
  }

  private render(page: ClaimPage): void {
    this.head.replaceChildren(...COLUMNS.map(([key, name]) => this.header(key, name)));
    this.body.replaceChildren(...page.rows.map((r) => rowView(r)));
    const last = page.offset + page.rows.length;
    this.count.textContent =
      page.total === 0
        ? `No claims match (of ${page.all}).`
        : `Claims ${page.offset + 1}–${last} of ${page.total}${page.total === page.all ? "" : ` (filtered from ${page.all})`}`;
    this.previous.disabled = page.offset === 0;
    this.next.disabled = last >= page.total;
    this.download.title = `Save the ${page.rows.length} rows shown as CSV`;
    this.markSelected();
  }

  private header(key: ClaimColumn, name: string): HTMLElement {
    const sorted = this.sort === key;
    const button = h("button", { className: "sort", attrs: { type: "button" } }, name);
    button.addEventListener("click", () => this.sortBy(key));
    return h(
      "th",
      {
        attrs: {
          scope: "col",
          "data-column": key,
          "aria-sort": sorted ? (this.descending ? "descending" : "ascending") : "none",
        },
      },
      button,
    );
  }

  private markSelected(): void {
    for (const tr of this.body.querySelectorAll("tr[aria-selected=true]"))
      tr.removeAttribute("aria-selected");
    if (this.selected === null) return;
    const tr = [...this.body.rows].find((r) => r.getAttribute("data-claim") === this.selected);
    if (!tr) return;
    tr.setAttribute("aria-selected", "true");
    tr.scrollIntoView({ block: "nearest" });
  }

  private saveCsv(): void {
    const rows = this.page?.rows ?? [];
    const csv = toCsv(
      [...COLUMNS.map(([, name]) => name), "Claim"],
      rows.map((r) => [...cellTexts(r), r.id].map(shownText)),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = h("a", { attrs: { href: url, download: "claims.csv" } });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

function pageButton(label: string): HTMLButtonElement {
  return h(
    "button",
    { attrs: { type: "button", "aria-label": label } },
    label.startsWith("P") ? "‹" : "›",
  );
}

/** The texts of a row's cells, as shown and as saved. */
function cellTexts(r: ClaimRow): string[] {
  return [
    r.subject,
    r.predicate,
    r.status ? `${r.object} (${spaced(r.status)})` : r.object,
    r.citations.map((n) => `[${n ?? "?"}]`).join(" "),
    r.evidence,
    r.document.label,
    r.line === null ? "" : String(r.line),
  ];
}

function rowView(r: ClaimRow): HTMLTableRowElement {
  return h(
    "tr",
    { attrs: { "data-claim": r.id, "data-support": r.support, tabindex: "0" } },
    ...cellTexts(r).map((text) => h("td", {}, text)),
  );
}

/** "NotStated" → "not stated". */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
