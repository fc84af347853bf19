/**
 * A claim as one line of a list in Details: the other end of the triple (a button that opens
 * the claim), its citation numbers, its line and its document. Across documents a line number
 * or `[2]` means nothing alone, so the line names the document, and each `[n]` opens that
 * document's reference n — never another document's.
 */
import type { ClaimJson } from "../trace/answers.ts";
import { h, nodeButton } from "./dom.ts";

/** Its citation numbers; a marker that names no entry of the reference list as `[16?]`. */
export function cites(c: ClaimJson): string {
  if (c.uncited) return "uncited";
  const unlisted = c.unresolvedMarkers.map((n) => `[${n}?]`);
  return [...c.citations.map((r) => `[${r.number ?? "?"}]`), ...unlisted].join(" ");
}

export function objectText(c: ClaimJson): string {
  return "value" in c.object ? `“${c.object.value}”` : c.object.label;
}

/**
 * The claim's document by its short name (its IRI's last part, the source's file name: unique,
 * where generated documents often share a title), its title on hover.
 */
export function documentName(c: ClaimJson): HTMLElement {
  const { id, label } = c.location.document;
  const short = id.slice(id.lastIndexOf("/") + 1) || label;
  return h("span", { className: "document", title: label, attrs: { "data-document": id } }, short);
}

/** `[n]` buttons, each opening the reference of the claim's own document. */
function citeButtons(c: ClaimJson, select: (id: string) => void): Array<Node | string> {
  if (c.uncited) return ["uncited"];
  const buttons = c.citations.flatMap((r, i) => {
    const button = nodeButton(`[${r.number ?? "?"}]`, () => select(r.reference));
    button.setAttribute("data-reference", r.reference);
    return i > 0 ? [" ", button] : [button];
  });
  // A marker naming no entry has no reference to open: its number, marked, as text.
  const unlisted = c.unresolvedMarkers.map((n) =>
    h("span", { className: "unresolved", title: "no entry of the reference list" }, `[${n}?]`),
  );
  return [...buttons, ...unlisted.flatMap((u, i) => (buttons.length + i > 0 ? [" ", u] : [u]))];
}

export function claimLine(
  c: ClaimJson,
  select: (id: string) => void,
  other: "object" | "subject",
): HTMLElement {
  const label = other === "object" ? objectText(c) : c.subject.label;
  return h(
    "li",
    { attrs: { "data-claim": c.id } },
    nodeButton(label, () => select(c.id)),
    " ",
    h(
      "span",
      { className: "meta" },
      ...citeButtons(c, select),
      ` · line ${c.location.line ?? "?"} · `,
      documentName(c),
    ),
  );
}
