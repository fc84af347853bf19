/**
 * The reader: the region "Document", which shows a document's display text with every
 * claim's spans marked (reader-text.ts). Clicking a mark selects its claim, and a citation
 * marker its reference; selecting a node anywhere marks the spans of the claims it selects
 * (a claim; an entity: the claims about or mentioning it; a reference, work or study: the
 * claims citing or reporting it) and scrolls to the first. With several documents a picker
 * chooses one; the document and the display offset at the top go into the address.
 */
import type { ListedDocument } from "../projection/document-list.ts";
import type { DocumentText } from "../server/contract.ts";
import { api } from "./api.ts";
import { DocumentPicker } from "./document-picker.ts";
import { h } from "./dom.ts";
import { buildReaderText, type ReaderText } from "./reader-text.ts";
import type { ReaderPosition } from "./url-state.ts";

export interface ReaderHooks {
  /** Selects a node in the graph and Details. */
  select(id: string): void;
  /** The reader moved (document, scroll or shown/hidden): for the address. */
  moved(position: ReaderPosition): void;
}

const EVIDENCE_KEY = [
  ["strong", "supported (primary or review)"],
  ["weak", "only tertiary or consumer sources"],
  ["uncited", "uncited"],
] as const;

export class Reader {
  #doc: DocumentText | undefined;
  #text: ReaderText | undefined;
  #selected: string | null = null;
  /** A selection made by clicking the reader does not scroll it. */
  #fromReader = false;
  /** A restored reading position is kept when the deep link's own selection is shown. */
  #keepPositionFor: string | null = null;
  #open = true;
  /** The reading position while the reader is hidden (a hidden element has no scroll). */
  #shownAt = 0;
  #scrollTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #body = h("div", { className: "reader-body" });
  readonly #head = h("div", { className: "reader-head" });

  /** The IRIs of `documents`, to tell a document from a claim. */
  readonly #documentIds: ReadonlySet<string>;

  /** `documents`: every document of the knowledge base by title (`/api/view`'s), for the picker. */
  constructor(
    private readonly root: HTMLElement,
    private readonly hooks: ReaderHooks,
    private readonly documents: readonly ListedDocument[],
  ) {
    this.#documentIds = new Set(documents.map((d) => d.id));
    root.replaceChildren(this.#head, this.#body);
    root.addEventListener("click", (e) => this.#clicked(e));
    root.addEventListener("keydown", (e) => this.#arrowed(e));
    this.#body.addEventListener("scroll", () => this.#scrolled());
  }

  /** Opens a document (null: the first) at a display offset, which `selected` will not move. */
  async open(position: ReaderPosition | undefined, selected: string | null): Promise<void> {
    const doc = await api.document(position?.document ?? "");
    this.#show(doc);
    this.#shownAt = position?.at ?? 0;
    this.#keepPositionFor = this.#shownAt > 0 ? selected : null;
    this.#open = !(position?.open ?? true);
    this.setOpen(position?.open ?? true);
  }

  /**
   * Shows or hides the reader (panels.ts decides, one bottom panel at a time); a hidden
   * reader keeps its reading position for when it is shown.
   */
  setOpen(open: boolean): void {
    if (!open && this.#open) this.#shownAt = this.#offsetAtTop();
    const opening = open && !this.#open;
    this.#open = open;
    this.root.hidden = !open;
    if (opening) this.#scrollToOffset(this.#shownAt);
  }

  /** Where the reader stands: its document (null when it is the first), the offset at its top. */
  position(): ReaderPosition {
    const first = this.documents[0]?.id;
    const document = this.#doc && this.#doc.id !== first ? this.#doc.id : null;
    return { document, at: this.#open ? this.#offsetAtTop() : this.#shownAt, open: this.#open };
  }

  /** The selection changed: mark what it selects, and scroll to it unless the reader chose it. */
  async show(id: string | null): Promise<void> {
    const scroll = !this.#fromReader && (id === null || id !== this.#keepPositionFor);
    this.#fromReader = false;
    this.#keepPositionFor = null;
    this.#selected = id;
    if (id !== null && this.#doc && !this.#holds(this.#doc, id)) {
      const elsewhere = await this.#documentOf(id);
      if (elsewhere && this.#selected === id) {
        this.#show(await api.document(elsewhere));
        this.hooks.moved(this.position());
      }
    }
    if (this.#selected !== id) return;
    const first = this.#mark(id);
    if (first && scroll) {
      const box = this.#body.getBoundingClientRect();
      this.#body.scrollTop += first.getBoundingClientRect().top - box.top - box.height / 3;
    }
  }

  #holds(doc: DocumentText, id: string): boolean {
    return doc.id === id || doc.claims.some((c) => c.id === id || c.nodes.includes(id));
  }

  #show(doc: DocumentText): void {
    this.#doc = doc;
    this.#head.replaceChildren(
      h("h2", {}, doc.title),
      ...(this.documents.length > 1 ? [this.#picker(doc)] : []),
      h(
        "ul",
        { className: "reader-key", attrs: { "aria-label": "Marks" } },
        ...EVIDENCE_KEY.map(([e, text]) =>
          h("li", {}, h("mark", { className: `evidence-${e}` }, text)),
        ),
      ),
    );
    if (doc.text === null) {
      this.#text = undefined;
      this.#body.replaceChildren(
        h("p", { className: "hint" }, "The knowledge base holds no text of this document."),
      );
      return;
    }
    this.#text = buildReaderText({ ...doc, text: doc.text });
    this.#body.replaceChildren(this.#text.root);
    this.#body.scrollTop = 0;
    this.#shownAt = 0;
    this.#mark(this.#selected);
  }

  #picker(doc: DocumentText): HTMLElement {
    const select = h("select", { attrs: { "aria-label": "Text to read" } });
    const box = h("span", { className: "reader-picker" }, select);
    new DocumentPicker(select, this.documents, "Find a text to read", doc.id);
    select.addEventListener("change", async () => {
      this.#show(await api.document(select.value));
      this.hooks.moved(this.position());
    });
    return box;
  }

  /** The document holding claim or document `id`, when another of the knowledge base does. */
  async #documentOf(id: string): Promise<string | undefined> {
    if (this.documents.length < 2) return undefined;
    if (this.#documentIds.has(id)) return id;
    try {
      const answer = await api.node(id);
      return answer.kind === "claim" ? answer.claim.location.document.id : undefined;
    } catch {
      return undefined;
    }
  }

  /** Marks the spans of the claims `id` selects; the first of them in the text. */
  #mark(id: string | null): HTMLElement | undefined {
    const doc = this.#doc;
    const hits = new Set(
      id === null || !doc
        ? []
        : doc.claims.filter((c) => c.id === id || c.nodes.includes(id)).map((c) => c.id),
    );
    let first: HTMLElement | undefined;
    for (const mark of this.root.querySelectorAll<HTMLElement>("mark.claim-mark")) {
      const hit = hits.has(mark.dataset.claim ?? "");
      mark.classList.toggle("hit", hit);
      mark.classList.toggle("selected", mark.dataset.claim === id);
      if (hit && !first) first = mark;
    }
    return first;
  }

  /**
   * A click on a marker selects its reference; on a mark, the innermost claim there, and on
   * a mark whose claim is selected, the next claim enclosing that point (marks of the same
   * extent nest, so each click goes one further out and every claim can be chosen).
   */
  #clicked(e: MouseEvent): void {
    const target = e.target as Element;
    const cite = target.closest<HTMLElement>("button.cite");
    if (cite) {
      this.#fromReader = true;
      this.hooks.select(cite.dataset.reference ?? "");
      return;
    }
    const claims: string[] = [];
    for (
      let el = target.closest("mark.claim-mark");
      el;
      el = el.parentElement?.closest("mark.claim-mark") ?? null
    ) {
      const id = (el as HTMLElement).dataset.claim;
      if (id && !claims.includes(id)) claims.push(id);
    }
    if (claims.length === 0) return;
    const at = this.#selected === null ? -1 : claims.indexOf(this.#selected);
    this.#fromReader = true;
    this.hooks.select(claims[(at + 1) % claims.length] as string);
  }

  /** Arrow keys, Home and End move between the citation markers (one Tab stop for all). */
  #arrowed(e: KeyboardEvent): void {
    const at = (e.target as Element).closest?.("button.cite");
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!at || (step === undefined && e.key !== "Home" && e.key !== "End")) return;
    const all = [...this.root.querySelectorAll<HTMLElement>("button.cite")];
    const i = all.indexOf(at as HTMLElement);
    const next = e.key === "Home" ? all[0] : e.key === "End" ? all.at(-1) : all[i + (step ?? 0)];
    if (!next) return;
    e.preventDefault();
    at.setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    next.focus();
  }

  #scrolled(): void {
    clearTimeout(this.#scrollTimer);
    this.#scrollTimer = setTimeout(() => this.hooks.moved(this.position()), 150);
  }

  /** The display offset of the first character visible at the top of the reader. */
  #offsetAtTop(): number {
    const nodes = this.#text?.textNodes ?? [];
    if (nodes.length === 0 || this.#body.scrollTop === 0) return 0;
    const top = this.#body.getBoundingClientRect().top;
    const range = document.createRange();
    const below = (node: Text, from: number, to: number) => {
      range.setStart(node, from);
      range.setEnd(node, to);
      return range.getBoundingClientRect().bottom > top;
    };
    const i = firstTrue(nodes.length, (k) => {
      const n = nodes[k] as ReaderText["textNodes"][number];
      return below(n.node, 0, n.node.length);
    });
    const hit = nodes[Math.min(i, nodes.length - 1)] as ReaderText["textNodes"][number];
    const c = firstTrue(hit.node.length, (k) => below(hit.node, k, k + 1));
    return hit.start + Math.min(c, Math.max(0, hit.node.length - 1));
  }

  #scrollToOffset(at: number): void {
    if (at <= 0) {
      this.#body.scrollTop = 0;
      return;
    }
    const nodes = this.#text?.textNodes ?? [];
    const i = firstTrue(nodes.length, (k) => (nodes[k]?.start ?? 0) > at) - 1;
    const hit = nodes[i];
    if (!hit) return;
    const range = document.createRange();
    const k = Math.min(at - hit.start, Math.max(0, hit.node.length - 1));
    range.setStart(hit.node, k);
    range.setEnd(hit.node, Math.min(k + 1, hit.node.length));
    this.#body.scrollTop +=
      range.getBoundingClientRect().top - this.#body.getBoundingClientRect().top;
  }
}

/** The least k in [0, n) for which the monotone `test` holds, or n. */
function firstTrue(n: number, test: (k: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
