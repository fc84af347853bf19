/**
 * Building DOM from data without HTML: every string becomes a text node, and links
 * are made only for http(s) addresses. Nothing from the knowledge base is ever parsed
 * as markup.
 */

import { withoutBidiControls } from "../base/bidi.ts";

type Child = Node | string | null | undefined | false;

/** Text as shown: without the bidirectional controls that would reorder the viewer's words. */
export function shownText(text: string): string {
  return withoutBidiControls(text);
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; title?: string; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.title) el.title = shownText(props.title);
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(shownText(child)) : child);
  }
  return el;
}

/** An http(s) address as given, or null for anything else (javascript:, data:, relative …). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function link(url: string | null | undefined, text: string): Node {
  const href = safeHref(url);
  if (!href) return document.createTextNode(shownText(text));
  return h("a", { attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow" } }, text);
}

/** A button that looks like a link, for moving to another node of the graph. */
export function nodeButton(label: string, onClick: () => void): HTMLButtonElement {
  const b = h("button", { className: "link", attrs: { type: "button" } }, label);
  b.addEventListener("click", onClick);
  return b;
}
