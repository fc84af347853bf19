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
  let hits: readonly SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  const close = () => {
    list.hidden = true;
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = h(
          "div",
          {
            attrs: {
              role: "option",
              id: `suggestion-${i}`,
              "aria-selected": String(i === active),
              "data-id": hit.id,
            },
          },
          hit.label,
          h("small", {}, hit.matched !== hit.label ? `${hit.matched} · ${hit.type}` : hit.type),
        );
        item.addEventListener("mousedown", (event) => {
          event.preventDefault();
          pick(i);
        });
        return item;
      }),
    );
    list.hidden = hits.length === 0;
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    close();
    choose(hit.id);
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q === "") {
      hits = [];
      close();
      return;
    }
    const mine = ++generation;
    timer = setTimeout(async () => {
      const answer = await api.search(q);
      if (mine !== generation) return;
      hits = answer.hits;
      active = hits.length > 0 ? 0 : -1;
      render();
    }, 80);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      pick(Math.max(active, 0));
    } else if (event.key === "Escape" && !list.hidden) {
      event.stopPropagation();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return { focus: () => input.focus(), close, isOpen: () => !list.hidden };
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
