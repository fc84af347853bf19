/**
 * The details panel: a claim (triple, quote with the cited span marked, location,
 * references, study), an entity (its claims grouped by predicate), a reference or work
 * (the claims resting on it, its evidence type), a study, a document, or the claims
 * behind an edge. Built with `h()`, so every text is text.
 */
import type { CitationJson, ClaimJson, StudyJson } from "../trace/answers.ts";
import { evidenceText } from "../trace/evidence.ts";
import type { TraceResult } from "../trace/trace.ts";
import { cites, documentName, objectText } from "./claim-line.ts";
import { h, link, nodeButton } from "./dom.ts";
import { identifierLink, identifierList } from "./identifier-links.ts";

export interface PanelActions {
  /** Select another node (and move the camera to it). */
  readonly select: (id: string) => void;
}

export function claimView(
  c: ClaimJson,
  act: PanelActions,
  traced: ReadonlySet<string> | null = null,
): HTMLElement {
  return h(
    "article",
    { className: "claim", attrs: { "data-claim": c.id } },
    tripleView(c, act),
    quoteView(c),
    h("p", { className: "meta" }, whereText(c)),
    ...flagViews(c),
    c.citations.length > 0 ? h("h3", {}, "References") : null,
    c.citations.length > 0
      ? h(
          "ul",
          { className: "references" },
          ...c.citations.map((r) => citationItem(r, act, traced)),
        )
      : null,
    c.comparison ? comparisonView(c, act) : null,
    c.study ? studyView(c.study, act) : null,
    c.note ? h("p", { className: "meta" }, `Curator's note: ${c.note}`) : null,
  );
}

/** Subject, predicate and object, the entities as buttons that select them, and the citations. */
function tripleView(c: ClaimJson, act: PanelActions): HTMLElement {
  const objectNode =
    "id" in c.object
      ? nodeButton(c.object.label, () => act.select((c.object as { id: string }).id))
      : objectText(c);
  return h(
    "p",
    { className: "triple" },
    nodeButton(c.subject.label, () => act.select(c.subject.id)),
    " ",
    h("span", { className: "predicate" }, c.predicate.label),
    " ",
    objectNode,
    " ",
    h("span", { className: "meta" }, cites(c)),
  );
}

/** Where the claim stands: document, line and column, its section and its table cell. */
function whereText(c: ClaimJson): string {
  const loc = c.location;
  return [
    `${loc.document.label}, line ${loc.line ?? "?"}, column ${loc.column ?? "?"}`,
    loc.section ? `section “${loc.section}”` : "",
    loc.table ? `table row “${loc.table.row ?? "?"}”, column “${loc.table.column ?? "?"}”` : "",
  ]
    .filter((x) => x !== "")
    .join(" · ");
}

/** What the claim's reading says of it: no value, frequency, qualifier, guesses, warnings. */
function flagViews(c: ClaimJson): Array<HTMLElement | null> {
  const warn = (text: string) => h("p", { className: "warn" }, text);
  return [
    c.status ? warn(`${spacedName(c.status)}: the cell gives no value.`) : null,
    c.frequency ? h("p", {}, `Frequency: ${spacedName(c.frequency)}`) : null,
    c.qualifier ? h("p", {}, `Qualifier: ${c.qualifier}`) : null,
    c.guesses.length > 0 ? warn(`Guessed: ${c.guesses.map(spacedName).join(", ")}`) : null,
    c.uncited ? warn("Uncited: the document gives no reference for this claim.") : null,
    ...c.unresolvedMarkers.map((n) =>
      warn(`Cites [${n}], which names no entry of the document's reference list.`),
    ),
    c.unnormalised ? warn("Unnormalised: a name in this claim is not in the lexicon.") : null,
  ];
}

function quoteView(c: ClaimJson): HTMLElement | null {
  if (!c.quote) return null;
  return h(
    "blockquote",
    { attrs: { "aria-label": "Quote in its context" } },
    c.quote.prefix ? `…${c.quote.prefix}` : "",
    h("mark", {}, c.quote.exact),
    c.quote.suffix ? `${c.quote.suffix}…` : "",
  );
}

function citationItem(
  r: CitationJson,
  act: PanelActions,
  traced: ReadonlySet<string> | null,
): HTMLElement {
  const ids: Array<[string, string]> = [
    ...r.identifiers.map((i): [string, string] => [i, ""]),
    ...r.unverifiedIdentifiers.map((i): [string, string] => [i, " (unverified)"]),
    ...r.statedIdentifiers
      .filter((i) => !r.identifiers.includes(i))
      .map((i): [string, string] => [i, " (stated by the document)"]),
  ];
  return h(
    "li",
    {
      className: traced?.has(r.reference) ? "traced" : "",
      attrs: {
        "data-reference": r.reference,
        ...(traced?.has(r.reference) ? { "data-traced": "true" } : {}),
      },
    },
    nodeButton(`[${r.number ?? "?"}]`, () => act.select(r.reference)),
    " ",
    link(r.url, r.title),
    r.titleTruncated ? h("span", { className: "meta" }, " (title cut short in the list)") : null,
    h("br"),
    h(
      "span",
      { className: "meta" },
      [r.host ?? (r.locator ? `as given: ${r.locator}` : "no host"), evidenceText(r)].join(" · "),
      ...ids.flatMap(([id, note]) => [" · ", identifierLink(id), note]),
    ),
  );
}

function comparisonView(c: ClaimJson, act: PanelActions): HTMLElement {
  const k = c.comparison;
  if (!k) return h("div");
  const direction =
    k.direction === "Favours"
      ? `favours ${k.favours?.label ?? "?"}`
      : (k.direction ?? "?").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return h(
    "div",
    {},
    h("h3", {}, "Comparison"),
    h(
      "p",
      {},
      k.armA ? nodeButton(k.armA.label, () => act.select(k.armA?.id ?? "")) : "?",
      " vs ",
      k.armB ? nodeButton(k.armB.label, () => act.select(k.armB?.id ?? "")) : "?",
      ` in ${k.condition?.label ?? "?"}${k.outcome ? `, outcome ${k.outcome.label}` : ""}: ${direction}`,
    ),
  );
}

export function studyView(s: StudyJson, act: PanelActions): HTMLElement {
  return h(
    "div",
    { className: "study" },
    h("h3", {}, "Study"),
    h(
      "p",
      {},
      nodeButton(s.label, () => act.select(s.id)),
    ),
    h(
      "ul",
      {},
      ...Object.entries(s.qualifiers).map(([k, v]) => h("li", {}, `${k}: ${v.join(", ")}`)),
    ),
    s.arms.length > 0
      ? h(
          "ul",
          {},
          ...s.arms.map((a) =>
            h(
              "li",
              {},
              `arm ${a.label}: ${
                [
                  a.sampleSize !== null ? `n=${a.sampleSize}` : "",
                  a.dose ? `${a.dose} ${a.doseUnit ?? ""}`.trim() : "",
                  a.route ?? "",
                  a.schedule ?? "",
                ]
                  .filter((x) => x !== "")
                  .join(", ") || "no details"
              }`,
            ),
          ),
        )
      : null,
  );
}

export function referenceView(t: TraceResult, act: PanelActions): HTMLElement {
  const first = t.references[0];
  const c = first?.citation;
  return h(
    "div",
    {},
    h("h2", {}, c ? `${first?.number !== null ? `[${first?.number}] ` : ""}${c.title}` : t.query),
    c ? h("p", {}, link(c.url, c.url ?? c.host ?? "no address")) : null,
    c
      ? h(
          "p",
          { className: "meta" },
          `Evidence: ${evidenceText(c)}${c.host ? ` · host ${c.host}` : ""}`,
        )
      : null,
    c && c.identifiers.length > 0
      ? h("p", {}, "Identifiers: ", ...identifierList(c.identifiers))
      : null,
    c && c.statedIdentifiers.length > 0
      ? h("p", {}, "Stated by the document (unchecked): ", ...identifierList(c.statedIdentifiers))
      : null,
    c?.locator ? h("p", { className: "meta" }, `As given: [${c.locator}]`) : null,
    ...t.references
      .filter((r) => r.sameWork.length > 0)
      .map((r) =>
        h(
          "p",
          { className: "warn" },
          `The same work is also listed as ${r.sameWork.map((o) => `[${o.number}]`).join(", ")}.`,
        ),
      ),
    h("h3", {}, `${t.total} claim${t.total === 1 ? "" : "s"} rest on it`),
    h(
      "ul",
      {},
      ...t.claims.map((cl) =>
        h(
          "li",
          {},
          nodeButton(`${cl.subject.label} · ${cl.predicate.label} · ${objectText(cl)}`, () =>
            act.select(cl.id),
          ),
          " ",
          h("span", { className: "meta" }, cites(cl), " · ", documentName(cl)),
        ),
      ),
    ),
  );
}

export function claimsView(
  title: string,
  claims: readonly ClaimJson[],
  act: PanelActions,
): HTMLElement {
  return h(
    "div",
    {},
    h("h2", {}, title),
    ...(claims.length === 0 ? [h("p", {}, "No claims.")] : claims.map((c) => claimView(c, act))),
  );
}

/** "NotStated" → "not stated". */
function spacedName(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
