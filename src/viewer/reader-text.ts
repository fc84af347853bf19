/**
 * The reader's text as DOM: text nodes only (never markup parsed from the document), a
 * `<mark>` per claim span (nested as `reader-spans.ts` lays them out) whose class and data
 * attributes say the claim's kind and evidence and whose title names the claim, and a
 * link-like button per citation marker, for the reference entry it points to.
 */
import type { DocumentText } from "../server/contract.ts";
import { h, shownText } from "./dom.ts";
import { type MarkNode, nestSpans } from "./reader-spans.ts";

/** The built text, and where each of its text nodes starts in the display text. */
export interface ReaderText {
  readonly root: HTMLElement;
  readonly textNodes: ReadonlyArray<{ readonly node: Text; readonly start: number }>;
}

type Marker = DocumentText["markers"][number];

export function buildReaderText(doc: DocumentText & { readonly text: string }): ReaderText {
  const root = h("div", { className: "reader-text" });
  const textNodes: Array<{ node: Text; start: number }> = [];
  const markers = [...doc.markers].sort((a, b) => a.start - b.start);

  /** Plain text of [from, to), with its citation markers as links. */
  const plain = (parent: HTMLElement, from: number, to: number) => {
    let at = from;
    for (const m of markersIn(markers, from, to)) {
      addText(parent, at, m.start);
      parent.append(markerLink(m, m === markers[0]));
      at = m.end;
    }
    addText(parent, at, to);
  };
  const addText = (parent: HTMLElement, from: number, to: number) => {
    if (to <= from) return;
    const node = document.createTextNode(shownText(doc.text.slice(from, to)));
    textNodes.push({ node, start: from });
    parent.append(node);
  };
  const emit = (parent: HTMLElement, from: number, to: number, children: readonly MarkNode[]) => {
    let at = from;
    for (const child of children) {
      plain(parent, at, child.start);
      const mark = markOf(doc, child);
      emit(mark, child.start, child.end, child.children);
      parent.append(mark);
      at = child.end;
    }
    plain(parent, at, to);
  };
  emit(root, 0, doc.text.length, nestSpans(doc.claims));
  return { root, textNodes };
}

function markOf(doc: DocumentText, node: MarkNode): HTMLElement {
  const claim = doc.claims[node.claim];
  if (!claim) throw new Error(`no claim ${node.claim}`);
  return h("mark", {
    className: `claim-mark kind-${claim.kind} evidence-${claim.evidence}`,
    title: claim.title,
    attrs: {
      "data-claim": claim.id,
      "data-kind": claim.kind,
      "data-evidence": claim.evidence,
      "data-span": `${node.claim}.${node.span}`,
    },
  });
}

/**
 * A marker as a button that looks like a link (as Details moves between nodes: it opens a node
 * of the graph, not an address). Only one marker is a Tab stop; arrows move between them
 * (reader.ts), so the text's dozens of markers do not stand between the reader and the rest.
 */
function markerLink(m: Marker, first: boolean): HTMLElement {
  return h(
    "button",
    {
      className: "cite",
      title: `Reference [${m.number}]`,
      attrs: { type: "button", tabindex: first ? "0" : "-1", "data-reference": m.reference },
    },
    `[${m.number}]`,
  );
}

/** The markers within [from, to), from a list sorted by start. */
function markersIn(markers: readonly Marker[], from: number, to: number): Marker[] {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((markers[mid] as Marker).start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Marker[] = [];
  for (let i = lo; i < markers.length && (markers[i] as Marker).end <= to; i++) {
    out.push(markers[i] as Marker);
  }
  return out;
}
