/**
 * The search box: suggestions over entity names and synonyms, references and documents
 * (from the server), chosen with the mouse or the keyboard (arrows, Enter, Escape), as
 * an ARIA combobox with a listbox.
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
    const mine = ++this.generation;
    this.timer = setTimeout(async () => {
      const answer = await api.search(q);
      if (mine !== this.generation) return;
      this.hits = answer.hits;
      this.active = this.hits.length > 0 ? 0 : -1;
      this.render();
    }, 80);
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
      this.pick(Math.max(this.active, 0));
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
