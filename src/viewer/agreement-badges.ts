/**
 * A matrix cell's agreement badges (#15): for each assertion its claims belong to, a chip
 * saying how many distinct works stand behind it, its title (and aria-label) listing them by
 * tier; and, when any of its claims stands in a conflict, a "⚠ n" button that shows the
 * conflicts in Details. Symbols and words, not colour alone; every text is text.
 */
import type { SupportTier } from "../agreement/types.ts";
import type { AgreedCell, MatrixAssertion } from "../projection/matrix-agreement.ts";
import { h } from "./dom.ts";

const TIERS: readonly SupportTier[] = ["primary", "review", "tertiary", "consumer", "unknown"];

/** "2 works: 1 primary, 1 tertiary; 3 documents (evidence type of 2 works inferred)". */
export function supportText(a: MatrixAssertion): string {
  const tiers = TIERS.filter((t) => (a.support[t] ?? 0) > 0).map((t) => `${a.support[t]} ${t}`);
  return [
    `${works(a.works)}${tiers.length > 0 ? `: ${tiers.join(", ")}` : ""}`,
    `; ${a.documents} document${a.documents === 1 ? "" : "s"}`,
    a.inferred > 0 ? ` (evidence type of ${works(a.inferred)} inferred)` : "",
  ].join("");
}

function works(n: number): string {
  return n === 0 ? "no cited work" : `${n} work${n === 1 ? "" : "s"}`;
}

/**
 * The badges under a cell's claims; `says(i)` names what assertion i says (its first listed
 * claim's words) when the cell holds several; `show` opens the cell's conflicts.
 */
export function cellBadges(
  cell: AgreedCell,
  says: (index: number) => string | undefined,
  show: (conflicts: readonly string[]) => void,
): HTMLElement | null {
  if (cell.assertions.length === 0 && cell.conflicts.length === 0) return null;
  const several = cell.assertions.length > 1;
  const chips = cell.assertions.map((a, i) => {
    const what = several ? says(i) : undefined;
    const label = `${what ? `${what}: ` : ""}${supportText(a)}`;
    return h(
      "span",
      { className: "badge support", title: label, attrs: { "aria-label": label, role: "note" } },
      `${what ? `${what} · ` : ""}${works(a.works)}`,
    );
  });
  return h("div", { className: "badges" }, ...chips, conflictButton(cell, show));
}

function conflictButton(
  cell: AgreedCell,
  show: (conflicts: readonly string[]) => void,
): HTMLElement | null {
  const n = cell.conflicts.length;
  if (n === 0) return null;
  const kinds = [...new Set(cell.conflicts.map((c) => c.kind))].join(", ");
  const label = `${n} conflict${n === 1 ? "" : "s"} (${kinds}): show in Details`;
  const button = h(
    "button",
    {
      className: "badge conflict",
      title: label,
      attrs: {
        type: "button",
        "aria-label": label,
        "data-conflicts": cell.conflicts.map((c) => c.iri).join(" "),
      },
    },
    `⚠ ${n}`,
  );
  button.addEventListener("click", (e) => {
    e.stopPropagation();
    show(cell.conflicts.map((c) => c.iri));
  });
  return button;
}
