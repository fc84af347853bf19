/**
 * The details panel: what it shows for the server's answer about a node (and which
 * nodes a claim traces to), for the claims behind an edge, a hint or a warning.
 */

import type { ConflictDetails } from "../projection/agreement-details.ts";
import type { DocumentDetails, NodeDetails } from "../server/contract.ts";
import type { ClaimJson } from "../trace/answers.ts";
import { agreementView, conflictView } from "./agreement-view.ts";
import { h } from "./dom.ts";
import { entityView } from "./entity-view.ts";
import { claimsView, claimView, type PanelActions, referenceView, studyView } from "./panel.ts";

const HINT =
  "Click a node or an edge, or search, to see the claims, their quotes and their references.";

export class DetailsPanel {
  constructor(
    private readonly element: HTMLElement,
    private readonly actions: PanelActions,
  ) {}

  /** Nothing selected: the hint. */
  clear(): void {
    this.element.removeAttribute("data-edge");
    this.element.removeAttribute("data-selected");
    this.show(h("p", { className: "hint" }, HINT));
  }

  /** A node is being selected: no edge is shown any more. */
  selecting(): void {
    this.element.removeAttribute("data-edge");
  }

  /** The conflicts a matrix cell's badge stands for, each with both sides. */
  conflicts(conflicts: readonly ConflictDetails[]): void {
    this.element.removeAttribute("data-edge");
    this.element.removeAttribute("data-selected");
    this.show(
      h("h2", {}, `Conflict${conflicts.length === 1 ? "" : "s"} (${conflicts.length})`),
      ...conflicts.map((c) => conflictView(c, this.actions)),
    );
  }

  warn(text: string): void {
    this.show(h("p", { className: "warn" }, text));
  }

  missing(): void {
    this.show(h("p", { className: "warn" }, "This node has no details."));
  }

  /** Shows a node's details (a claim's traced nodes marked when `traced` is given). */
  node(id: string, answer: NodeDetails, traced: ReadonlySet<string> | null): void {
    this.show(...this.nodeView(answer, traced));
    this.element.setAttribute("data-selected", id);
  }

  edge(edge: string, claims: readonly ClaimJson[]): void {
    this.show(claimsView(`Claims behind this link (${claims.length})`, claims, this.actions));
    this.element.setAttribute("data-edge", edge);
  }

  private nodeView(answer: NodeDetails, traced: ReadonlySet<string> | null): Node[] {
    switch (answer.kind) {
      case "claim":
        return [
          h("h2", {}, "Claim"),
          claimView(answer.claim, this.actions, traced),
          ...present(agreementView(answer.agreement, this.actions)),
        ];
      case "entity":
        return [
          entityView(
            answer.trace,
            answer.groups,
            this.actions,
            agreementView(answer.agreement, this.actions),
          ),
        ];
      case "reference":
      case "work":
        return [referenceView(answer.trace, this.actions)];
      case "study":
        return [
          h("h2", {}, answer.study.label),
          studyView(answer.study, this.actions),
          claimsView("Claims it supports", answer.claims, this.actions),
        ];
      case "document":
        return documentView(answer.document);
    }
  }

  private show(...nodes: Node[]): void {
    this.element.replaceChildren(...nodes);
  }
}

function present(node: Node | null): Node[] {
  return node ? [node] : [];
}

/** The nodes a claim traces to: itself, its subject, object, document, references and works. */
export function tracedBy(c: ClaimJson): Set<string> {
  const traced = new Set([
    c.id,
    c.subject.id,
    c.location.document.id,
    ...("id" in c.object ? [c.object.id] : []),
  ]);
  for (const r of c.citations) {
    traced.add(r.reference);
    if (r.work) traced.add(r.work.id);
  }
  return traced;
}

function documentView(d: DocumentDetails): Node[] {
  const facts = [d.fileName, d.creator, d.date, d.publisher, d.genre].filter(
    (x) => typeof x === "string" && x !== "",
  );
  return [
    h("h2", {}, d.title),
    h("p", { className: "meta" }, facts.join(" · ")),
    ...d.discrepancies.map((x) =>
      h("p", { className: "warn" }, x.comment ?? "disagrees with public records"),
    ),
  ];
}
