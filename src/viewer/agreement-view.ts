/**
 * What several documents say together, in Details (#15): for a claim the assertion it belongs
 * to and for an entity the assertions about it — each with its support by tier, evidence types
 * a rule inferred said to be inferred, and the other documents that state the same thing —
 * then each conflict with its rule's label and both sides: what each says, its support, and
 * its claims' quotes, file:line:col and citation numbers. Quotes are hostile text: text nodes only.
 */
import type { SupportTier } from "../agreement/types.ts";
import type {
  AgreementDetails,
  AssertionDetails,
  ConflictDetails,
  ConflictSide,
  PlacedClaim,
} from "../projection/agreement-details.ts";
import { h, nodeButton } from "./dom.ts";
import type { PanelActions } from "./panel.ts";

const TIERS: readonly SupportTier[] = ["primary", "review", "tertiary", "consumer", "unknown"];

/** The agreement section of a claim's or an entity's Details; null when it has no part in any. */
export function agreementView(a: AgreementDetails, act: PanelActions): HTMLElement | null {
  if (a.assertionCount === 0 && a.conflictCount === 0) return null;
  return h(
    "section",
    { className: "agreement", attrs: { "aria-label": "Across documents" } },
    h("h3", {}, `Across documents: ${counted(a.assertionCount, "assertion")}`),
    assertionList(a, act),
    a.assertionCount > a.assertions.length
      ? h("p", { className: "meta" }, `and ${a.assertionCount - a.assertions.length} more`)
      : null,
    ...(a.conflictCount > 0
      ? [
          h("h3", {}, `⚠ ${counted(a.conflictCount, "conflict")}`),
          ...a.conflicts.map((c) => conflictView(c, act)),
        ]
      : []),
    a.conflictCount > a.conflicts.length
      ? h("p", { className: "meta" }, `and ${a.conflictCount - a.conflicts.length} more`)
      : null,
  );
}

/** Up to OPEN_ASSERTIONS shown at once; more (a hub entity's) behind a disclosure, the conflicts still shown. */
const OPEN_ASSERTIONS = 5;

function assertionList(a: AgreementDetails, act: PanelActions): HTMLElement {
  const list = h("ul", {}, ...a.assertions.map((x) => assertionItem(x, act)));
  if (a.assertions.length <= OPEN_ASSERTIONS) return list;
  return h(
    "details",
    { className: "assertions" },
    h("summary", {}, `Show the ${counted(a.assertions.length, "assertion")} and their support`),
    list,
  );
}

/** "2 works: 1 primary, 1 tertiary (evidence type of 2 works inferred)". */
export function supportLine(
  s: Pick<AssertionDetails, "support" | "inferred"> & { readonly works?: number },
): string {
  const tiers = TIERS.filter((t) => s.support[t] > 0).map((t) => `${s.support[t]} ${t}`);
  const total = s.works ?? TIERS.reduce((n, t) => n + s.support[t], 0);
  if (total === 0) return "no cited work";
  return [
    counted(total, "work"),
    tiers.length > 0 ? `: ${tiers.join(", ")}` : "",
    s.inferred > 0 ? ` (evidence type of ${counted(s.inferred, "work")} inferred)` : "",
  ].join("");
}

function assertionItem(a: AssertionDetails, act: PanelActions): HTMLElement {
  const others = a.elsewhere ?? [];
  return h(
    "li",
    { attrs: { "data-assertion": a.id } },
    h("strong", {}, a.says),
    h("br"),
    h(
      "span",
      { className: "meta" },
      `${counted(a.documents, "document")}, ${supportLine(a)}`,
      a.guessed ? " · guessed by the reading" : "",
      a.conflicts.length > 0 ? ` · ⚠ ${counted(a.conflicts.length, "conflict")}` : "",
    ),
    others.length > 0
      ? h(
          "p",
          { className: "elsewhere" },
          "Also stated by: ",
          ...others.flatMap((o, i) => [i > 0 ? "; " : "", placedButton(o, act)]),
        )
      : a.elsewhere
        ? h("p", { className: "meta" }, "No other document states it.")
        : null,
  );
}

function placedButton(o: PlacedClaim, act: PanelActions): HTMLElement {
  const b = nodeButton(`${o.document.label} (${o.file}:${o.line}:${o.column})`, () =>
    act.select(o.claim),
  );
  b.setAttribute("data-claim", o.claim);
  return b;
}

/** One conflict: its kind and rule, then both sides. */
export function conflictView(c: ConflictDetails, act: PanelActions): HTMLElement {
  return h(
    "article",
    { className: "conflict", attrs: { "data-conflict": c.iri, "data-kind": c.kind } },
    h("h4", {}, `⚠ ${spaced(c.kind)}: ${c.subject.label} · ${c.predicate.label}`),
    h("p", { className: "meta" }, `Rule: ${c.rule.label}`),
    sideView("One side", c.sides[0], act),
    sideView("Other side", c.sides[1], act),
  );
}

function sideView(name: string, s: ConflictSide, act: PanelActions): HTMLElement {
  return h(
    "div",
    { className: "side", attrs: { "data-assertion": s.assertion } },
    h("p", {}, h("strong", {}, `${name}: `), s.says),
    h("p", { className: "meta" }, supportLine(s)),
    s.claims.length > 0
      ? h(
          "ul",
          {},
          ...s.claims.map((cl) =>
            h(
              "li",
              { attrs: { "data-claim": cl.claim } },
              h("blockquote", {}, cl.quote),
              nodeButton(`${cl.file}:${cl.line}:${cl.column}`, () => act.select(cl.claim)),
              " ",
              h(
                "span",
                { className: "meta" },
                cl.citations.length > 0 ? cl.citations.map((n) => `[${n}]`).join(" ") : "uncited",
              ),
            ),
          ),
        )
      : null,
  );
}

function counted(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

/** "FrequencyGap" → "frequency gap". */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
