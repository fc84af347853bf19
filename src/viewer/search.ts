/**
 * The search box: the server resolves the query as `claimgraph trace` does (names,
 * synonyms, `[n]`, identifiers, claim IRIs, words of claims) and suggests names while
 * typing; a hit is chosen with the mouse or the keyboard (arrows, Enter, Escape), as an
 * ARIA combobox with a listbox. Enter selects the best answer at once, even before the
 * suggestions arrive.
 */
import type { SearchHit } from "../server/contract.ts";
import { api } from "./api.ts";
import { h } from "./dom.ts";

export interface SearchControl {
  focus(): void;
  close(): void;
  isOpen(): boolean;
}

export function setupSearch(
  input: HTMLInputElement,
  list: HTMLDivElement,
  choose: (id: string) => void,
): SearchControl {
  const box = new SearchBox(input, list, choose);
  input.addEventListener("input", () => box.typed());
  input.addEventListener("keydown", (event) => box.key(event));
  input.addEventListener("blur", () => setTimeout(() => box.close(), 100));
  return box;
}

/** The box and its suggestions: the hits shown and the one the arrows are on. */
class SearchBox implements SearchControl {
  private hits: readonly SearchHit[] = [];
  /** The query the hits answer. */
  private hitsFor = "";
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Counts the queries sent, so that only the latest one's answer is shown. */
  private generation = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLDivElement,
    private readonly choose: (id: string) => void,
  ) {}

  focus(): void {
    this.input.focus();
  }

  isOpen(): boolean {
    return !this.list.hidden;
  }

  close(): void {
    this.list.hidden = true;
    this.input.removeAttribute("aria-activedescendant");
    this.active = -1;
  }

  /** Asks the server for suggestions a moment after the typing stops. */
  typed(): void {
    clearTimeout(this.timer);
    const q = this.input.value.trim();
    if (q === "") {
      this.hits = [];
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.ask(q).then((fresh) => fresh && this.render()), 80);
  }

  /** Sends the query; true when its answer is the latest one asked for (and now the hits). */
  private async ask(q: string): Promise<boolean> {
    const mine = ++this.generation;
    const answer = await api.search(q);
    if (mine !== this.generation) return false;
    this.hits = answer.hits;
    this.hitsFor = q;
    this.active = this.hits.length > 0 ? 0 : -1;
    return true;
  }

  /** Enter: the hit the arrows are on, or the query's best answer, asked for now if need be. */
  private async enter(): Promise<void> {
    const q = this.input.value.trim();
    if (q === "") return;
    if (this.hitsFor === q && this.hits.length > 0) {
      this.pick(Math.max(this.active, 0));
      return;
    }
    clearTimeout(this.timer);
    if (await this.ask(q)) this.pick(0);
  }

  key(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (this.hits.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : this.hits.length - 1;
      this.active = (this.active + step) % this.hits.length;
      this.render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      void this.enter();
    } else if (event.key === "Escape" && !this.list.hidden) {
      event.stopPropagation();
      this.close();
    }
  }

  private render(): void {
    this.list.replaceChildren(...this.hits.map((hit, i) => this.option(hit, i)));
    this.list.hidden = this.hits.length === 0;
    if (this.active >= 0)
      this.input.setAttribute("aria-activedescendant", `suggestion-${this.active}`);
    else this.input.removeAttribute("aria-activedescendant");
  }

  private option(hit: SearchHit, i: number): HTMLElement {
    const item = h(
      "div",
      {
        attrs: {
          role: "option",
          id: `suggestion-${i}`,
          "aria-selected": String(i === this.active),
          "data-id": hit.id,
        },
      },
      hit.label,
      h("small", {}, hit.matched !== hit.label ? `${hit.matched} · ${hit.type}` : hit.type),
    );
    item.addEventListener("mousedown", (event) => {
      event.preventDefault();
      this.pick(i);
    });
    return item;
  }

  private pick(i: number): void {
    const hit = this.hits[i];
    if (!hit) return;
    this.input.value = hit.label;
    this.close();
    this.choose(hit.id);
  }
}

/** "/" opens the search (where no text is typed); Escape closes it, or else deselects. */
export function bindSearchKeys(search: SearchControl, deselect: () => void): void {
  document.addEventListener("keydown", (event) => {
    // "/" is a character only where text is typed; on a checkbox or a button it means "search".
    const target = event.target;
    const typing =
      target instanceof HTMLTextAreaElement ||
      (target instanceof HTMLInputElement && ["text", "search"].includes(target.type));
    if (event.key === "/" && !typing) {
      event.preventDefault();
      search.focus();
    } else if (event.key === "Escape") {
      if (search.isOpen()) search.close();
      else deselect();
    }
  });
}
