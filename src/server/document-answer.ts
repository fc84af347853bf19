/**
 * `/api/document`: a document's display text from the knowledge base (its `cnt:chars`),
 * each of its claims with the display spans of its quote (its `oa:start`/`oa:end`, or
 * where its exact quote stands), its kind, its evidence and the nodes that select it,
 * and each citation marker with the reference entry of that document it points to.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode, DocumentNode } from "../graph/types.ts";
import { claimEvidence } from "../projection/claim-evidence.ts";
import type { DocumentText, ReaderClaim } from "./contract.ts";
import { type DisplayDocument, displayDocument, spansOf, utf16Offsets } from "./document-text.ts";

/** The document `id`, or undefined when the knowledge base has none of that IRI. */
export function documentText(kg: KnowledgeGraph, id: string | undefined): DocumentText | undefined {
  const chosen = kg.document(id);
  if (!chosen) return undefined;
  const claims = claimsOf(kg, chosen.iri);
  const raw = chosen.text;
  if (raw === undefined) {
    return { id: chosen.iri, title: chosen.title, text: null, claims: [], markers: [] };
  }
  const display = displayDocument(raw);
  const toUtf16 = utf16Offsets(raw);
  const refs = referencesByNumber(kg, chosen.iri);
  return {
    id: chosen.iri,
    title: chosen.title,
    text: display.text,
    claims: claims
      .map((c) => readerClaim(kg, c, display, rawRange(c, raw, toUtf16)))
      .filter((c) => c.spans.length > 0),
    // A bracketed number no reference entry has (a year, "[2026]") is no citation marker.
    markers: display.markers.flatMap((m) => {
      const reference = refs.get(m.number);
      return reference ? [{ ...m, reference }] : [];
    }),
  };
}

/** The document's claims in the order of their place in it. */
function claimsOf(kg: KnowledgeGraph, doc: DocumentNode["iri"]): ClaimNode[] {
  const out: ClaimNode[] = [];
  kg.graph.forEachInEdge(doc, (_, e, source) => {
    const c = kg.claim(source);
    if (e.kind === "derivedFrom" && c && c.location.document === doc) out.push(c);
  });
  return out.sort(
    (a, b) =>
      (a.location.start ?? 0) - (b.location.start ?? 0) ||
      (b.location.end ?? 0) - (a.location.end ?? 0) ||
      compare(a.iri, b.iri),
  );
}

/** The claim's raw UTF-16 range: its position selector, else where its exact quote stands. */
function rawRange(c: ClaimNode, raw: string, toUtf16: (cp: number) => number) {
  const { start, end } = c.location;
  if (start !== undefined && end !== undefined && end <= raw.length)
    return { start: toUtf16(start), end: toUtf16(end) };
  const exact = c.quote?.exact ?? "";
  const at = exact === "" ? -1 : raw.indexOf(exact);
  return at === -1 ? undefined : { start: at, end: at + exact.length };
}

function readerClaim(
  kg: KnowledgeGraph,
  c: ClaimNode,
  display: DisplayDocument,
  range: { start: number; end: number } | undefined,
): ReaderClaim {
  const object = "iri" in c.object ? kg.label(c.object.iri) : c.object.literal;
  return {
    id: c.iri,
    kind: c.claimType,
    evidence: claimEvidence(kg, c),
    title: `${kg.label(c.subject)} · ${kg.predicateLabel(c.predicate)} · ${object}`,
    spans: range ? spansOf(display, range.start, range.end) : [],
    nodes: selectingNodes(kg, c.iri),
  };
}

/** What selects a claim's marks besides itself: the nodes it links to, and its references' works. */
function selectingNodes(kg: KnowledgeGraph, claim: string): string[] {
  const nodes = new Set<string>();
  kg.graph.forEachOutEdge(claim, (_, e, __, target) => {
    if (e.kind === "derivedFrom") return;
    nodes.add(target);
    const work = kg.reference(target)?.work;
    if (e.kind === "cites" && work) nodes.add(work);
  });
  return [...nodes].sort();
}

function referencesByNumber(kg: KnowledgeGraph, doc: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const [n, iris] of kg.referencesByNumber) {
    const ref = iris.find((iri) => kg.reference(iri)?.document === doc);
    if (ref) out.set(n, ref);
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
