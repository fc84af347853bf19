/**
 * An entity in Details: its names and identifiers, what several documents say together about
 * it (its assertions and their conflicts, agreement-view.ts), then its claims grouped by
 * predicate and role. A hub entity has thousands of claims, so each group shows a page and says how many
 * it holds ("50 of 1,513"), with a control that fetches the group's next page.
 */
import type { GroupPage } from "../trace/group-page.ts";
import type { TraceResult } from "../trace/trace.ts";
import { api } from "./api.ts";
import { claimLine } from "./claim-line.ts";
import { h } from "./dom.ts";
import { identifierList } from "./identifier-links.ts";
import type { PanelActions } from "./panel.ts";

export function entityView(
  t: TraceResult,
  groups: readonly GroupPage[],
  act: PanelActions,
  agreement: HTMLElement | null = null,
): HTMLElement {
  const e = t.entity;
  if (!e) return h("p", {}, "Nothing is known about this node.");
  return h(
    "div",
    {},
    h("h2", {}, e.label),
    h(
      "p",
      { className: "meta" },
      `${e.type}${e.unnormalised ? " · unnormalised (not in the lexicon)" : ""}`,
    ),
    e.synonyms.length > 0 ? h("p", {}, `Also: ${e.synonyms.join(", ")}`) : null,
    e.identifiers.length > 0 ? h("p", {}, "Identifiers: ", ...identifierList(e.identifiers)) : null,
    e.unverifiedIdentifiers.length > 0
      ? h("p", { className: "warn" }, "Unverified: ", ...identifierList(e.unverifiedIdentifiers))
      : null,
    agreement,
    h("p", { className: "meta" }, `${count(t.total)} claim${t.total === 1 ? "" : "s"} about it`),
    ...groups.filter((g) => g.count > 0).map((g) => groupView(e.id, g, act)),
  );
}

/** "1,513": counts read the same in every locale the page may run in. */
function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** "primary target (1)", or "(50 of 1,513)" while part of the group is shown. */
function heading(g: GroupPage, shown: number): string {
  const name = `${g.role === "object" ? "is object of: " : ""}${g.predicate.label}`;
  return `${name} (${shown < g.count ? `${count(shown)} of ${count(g.count)}` : count(g.count)})`;
}

function groupView(entity: string, g: GroupPage, act: PanelActions): HTMLElement {
  const other = g.role === "subject" ? "object" : "subject";
  const title = h("h3", {}, heading(g, g.claims.length));
  const list = h("ul", {}, ...g.claims.map((c) => claimLine(c, act.select, other)));
  const section = h(
    "section",
    { className: "group", attrs: { "data-predicate": g.predicate.id, "data-role": g.role } },
    title,
    list,
  );
  let shown = g.claims.length;
  if (shown >= g.count) return section;
  const more = h("button", { className: "more", attrs: { type: "button" } }, "");
  const label = () => {
    more.textContent = `Show ${count(Math.min(g.claims.length, g.count - shown))} more`;
  };
  label();
  more.addEventListener("click", async () => {
    more.disabled = true;
    const next = await api.group(entity, g.role, g.predicate.id, shown);
    list.append(...next.claims.map((c) => claimLine(c, act.select, other)));
    shown += next.claims.length;
    title.textContent = heading(g, shown);
    if (shown >= g.count || next.claims.length === 0) more.remove();
    else {
      more.disabled = false;
      label();
    }
  });
  section.append(more);
  return section;
}
