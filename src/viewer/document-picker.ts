/**
 * Choosing a document at any count. A `<select>` (the filter's "Document", the reader's
 * "Text to read") lists at most PICKER_OPTIONS documents, and the chosen one: a select of ten thousand
 * options takes the browser a second to build, and nobody finds one in it. With more documents
 * than that, a search field before the select says which it lists — those whose title or IRI
 * holds what is typed, in any case — and a last, disabled option says how many more match.
 * The chosen document is always listed, so the select always shows it.
 */
import type { ListedDocument } from "../projection/document-list.ts";
import { h } from "./dom.ts";

export const PICKER_OPTIONS = 100;

export interface PickerChoices {
  /** What the select lists: the chosen document first when it is not among the matches shown. */
  readonly shown: readonly ListedDocument[];
  /** Documents that match but are not listed. */
  readonly more: number;
}

/** The documents matching `query` (all when it is blank), at most `limit`, and the chosen one. */
export function pickerChoices(
  documents: readonly ListedDocument[],
  chosen: string | null,
  query: string,
  limit = PICKER_OPTIONS,
): PickerChoices {
  const q = query.trim().toLowerCase();
  const matches = (d: ListedDocument) =>
    q === "" || d.label.toLowerCase().includes(q) || d.id.toLowerCase().includes(q);
  const shown: ListedDocument[] = [];
  let matched = 0;
  for (const d of documents) {
    if (!matches(d)) continue;
    matched++;
    if (shown.length < limit) shown.push(d);
  }
  const extra =
    chosen !== null && !shown.some((d) => d.id === chosen)
      ? documents.find((d) => d.id === chosen)
      : undefined;
  const more = matched - shown.length - (extra && matches(extra) ? 1 : 0);
  return { shown: extra ? [extra, ...shown] : shown, more };
}

export class DocumentPicker {
  /** The options the select had before (such as "All documents"): always listed first. */
  readonly #fixed: HTMLOptionElement[];
  readonly #find: HTMLInputElement | undefined;

  constructor(
    readonly select: HTMLSelectElement,
    private readonly documents: readonly ListedDocument[],
    findLabel: string,
    chosen = "",
  ) {
    this.#fixed = [...select.options];
    if (documents.length > PICKER_OPTIONS) {
      this.#find = h("input", {
        className: "document-find",
        attrs: { type: "search", "aria-label": findLabel, placeholder: findLabel },
      });
      this.#find.addEventListener("input", () => this.#fill(select.value));
      select.before(this.#find);
    }
    this.#fill(chosen);
  }

  /** Lists and selects document `id` (or a fixed option's value, such as ""). */
  choose(id: string): void {
    this.#fill(id);
  }

  #fill(chosen: string): void {
    const fixed = this.#fixed.some((o) => o.value === chosen);
    const { shown, more } = pickerChoices(
      this.documents,
      fixed ? null : chosen,
      this.#find?.value ?? "",
    );
    this.select.replaceChildren(
      ...this.#fixed,
      ...shown.map((d) => h("option", { attrs: { value: d.id } }, d.label)),
      ...(more > 0
        ? [h("option", { attrs: { disabled: "" } }, `… ${more} more: find them by title`)]
        : []),
    );
    this.select.value = chosen;
  }
}
