/**
 * The claims table: the claims in view as a `<table>` (subject, predicate, object or
 * value, citations, evidence type, document, line), a page at a time from `/api/claims`.
 * A header sorts (its `aria-sort` says how), the text box and the viewer's filters filter,
 * a row selects its claim (graph and Details, through the selection), and a claim selected
 * elsewhere marks its row and scrolls to it. "Download CSV" saves the rows of the page shown,
 * "Download all (CSV)" every row the filters leave (the server streams it, at most
 * MAX_CSV_ROWS rows; the count line and the file's name say when it cuts).
 */
import { toCsv } from "../base/csv.ts";
import {
  CLAIM_CSV_HEADER,
  claimCells,
  claimCsvFields,
  MAX_CSV_ROWS,
} from "../projection/claim-csv.ts";
import type { ClaimColumn, ClaimPage } from "../projection/claim-page.ts";
import type { ClaimRow } from "../projection/claim-rows.ts";
import type { ClaimsParams, DownloadParams } from "../server/contract.ts";
import { api } from "./api.ts";
import { h } from "./dom.ts";
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
const ALL_CSV = "/api/claims.csv" satisfies keyof DownloadParams;

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
  private readonly downloadAll = h("button", { attrs: { type: "button" } }, "Download all (CSV)");
  #allHref: string = ALL_CSV;
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
        this.downloadAll,
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
    return {
      ...this.filterParams(),
      offset: String(this.offset),
      limit: String(PAGE_SIZE),
      ...(focus ? { focus } : {}),
    };
  }

  /** The text filter, the sort and the viewer's filters: what every row shown or saved passes. */
  private filterParams(): DownloadParams[typeof ALL_CSV] {
    const f = this.actions.filters();
    return {
      q: this.text,
      sort: this.sort,
      dir: this.descending ? "desc" : "asc",
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
    // A link made for the click, never put in the page (the table holds no links).
    this.downloadAll.addEventListener("click", () =>
      h("a", { attrs: { href: this.#allHref, download: "claims.csv" } }).click(),
    );
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
    this.download.title = `Save the ${page.rows.length} rows of this page as CSV`;
    this.allCsv(page.total);
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

  /** "Download all (CSV)": the rows the filters leave, as the server streams them. */
  private allCsv(total: number): void {
    const query = new URLSearchParams(this.filterParams() as Record<string, string>);
    this.#allHref = `${ALL_CSV}?${query}`;
    const saved = Math.min(total, MAX_CSV_ROWS);
    this.downloadAll.title = `Save all ${saved} rows the filters leave as CSV`;
    if (saved < total) {
      this.count.textContent += ` · Download all saves the first ${saved.toLocaleString("en")}`;
    }
  }

  private saveCsv(): void {
    const rows = this.page?.rows ?? [];
    const csv = toCsv(CLAIM_CSV_HEADER, rows.map(claimCsvFields));
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

function rowView(r: ClaimRow): HTMLTableRowElement {
  return h(
    "tr",
    { attrs: { "data-claim": r.id, "data-support": r.support, tabindex: "0" } },
    ...claimCells(r).map((text) => h("td", {}, text)),
  );
}
