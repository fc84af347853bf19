/**
 * The display projection: what the viewer draws, derived from the knowledge graph and
 * never stored in it. Nodes get a kind, a display type, a size from how many claims
 * touch them (in the positions' units), the attributes the filters need (evidence,
 * uncited, documents), and a position (layout.ts: ForceAtlas2, then noverlap, so no two
 * nodes overlap; deterministic). Above a threshold the projection is an overview of the
 * most connected entities, each entity type laid out apart; the rest is drawn on demand,
 * one neighbourhood at a time.
 */
import Graph from "graphology";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode, NodeAttributes, NodeKind } from "../graph/types.ts";
import { claimEvidence, type Evidence } from "./claim-evidence.ts";
import { documentsByTitle, type ListedDocument } from "./document-list.ts";
import { layout } from "./layout.ts";
import { overviewLinks } from "./overview-links.ts";

export type { Evidence } from "./claim-evidence.ts";

export interface ViewNode {
  readonly key: string;
  readonly kind: NodeAttributes["kind"];
  /** Entity class, claim class, evidence type of a work, or the kind itself. */
  readonly type: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  /** Claims touching the node (its weight in the overview). */
  readonly claims: number;
  /** For claims: how well supported; for other nodes: "none". */
  readonly evidence: Evidence;
  readonly uncited: boolean;
  /**
   * Documents the node stands in (claims, references) or is said in (entities), as positions
   * in the answer's `documents`, ascending: at scale an entity is said in thousands of
   * documents, and their IRIs would be most of the answer.
   */
  readonly documents: readonly number[];
}

export interface ViewEdge {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly kind: string;
  readonly label: string;
}

export interface ViewModel {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  /** True when only the overview is drawn (the graph is larger than the threshold). */
  readonly overview: boolean;
  readonly totalNodes: number;
  readonly totalEdges: number;
  /** In the overview, the pairs of its entities claims link with no line drawn. */
  readonly linksLeftOut: number;
  /** Every document of the knowledge base, by title, then IRI: nodes' `documents` point here. */
  readonly documents: readonly ListedDocument[];
  readonly types: readonly string[];
}

/** Above this many nodes the viewer opens on the overview. */
export const OVERVIEW_THRESHOLD = 3000;
const OVERVIEW_SIZE = 400;

/**
 * `place` false skips the layout (every node at 0, 0): for a whole graph larger than the viewer
 * ever lays out at once, whose positions would take the layout hours.
 */
export function project(
  kg: KnowledgeGraph,
  threshold = OVERVIEW_THRESHOLD,
  place = true,
): ViewModel {
  const g = kg.graph;
  const overview = g.order > threshold;
  const keep = overview ? overviewNodes(kg) : new Set(g.nodes());
  const view = new Graph({ multi: false, type: "undirected" });
  const documents = documentsByTitle(kg);
  const position = new Map(documents.map((d, i) => [d.id, i]));
  const attrs = new Map<string, NodeView>();
  for (const key of [...keep].sort()) {
    const { documents: iris, ...a } = describe(kg, key, g.getNodeAttributes(key));
    attrs.set(key, { ...a, documents: documentPositions(iris, position) });
    view.addNode(key);
  }
  const edges = viewEdges(kg, keep, view);
  const linksLeftOut = overview ? addOverviewLinks(kg, keep, view, edges) : 0;
  const sizeOf = (key: string) => nodeSize(attrs.get(key)?.claims ?? 0);
  const positions = place
    ? layout({
        graph: view,
        size: sizeOf,
        // At scale, each entity type apart: the drugs no longer pile up in the middle.
        group: overview ? (key) => attrs.get(key)?.type ?? "" : undefined,
      })
    : {};
  const nodes: ViewNode[] = [...attrs.entries()].map(([key, a]) => ({
    key,
    ...a,
    x: positions[key]?.x ?? 0,
    y: positions[key]?.y ?? 0,
    size: sizeOf(key),
  }));
  const types = [...new Set(nodes.map((n) => `${n.kind}:${n.type}`))].sort();
  return {
    nodes,
    edges,
    overview,
    totalNodes: g.order,
    totalEdges: g.size,
    linksLeftOut,
    documents,
    types,
  };
}

/** The positions of documents `iris` in the list, ascending (a document not in it is left out). */
export function documentPositions(
  iris: readonly string[],
  position: ReadonlyMap<string, number>,
): number[] {
  const out: number[] = [];
  for (const iri of iris) {
    const at = position.get(iri);
    if (at !== undefined) out.push(at);
  }
  return out.sort((a, b) => a - b);
}

/**
 * The edges between kept nodes (asserted triples and loops left out), each also linked in
 * `view` for the layout. Every claim links to its document; those links would pull the whole
 * layout into one hub, so they weigh little in it.
 */
function viewEdges(kg: KnowledgeGraph, keep: ReadonlySet<string>, view: Graph): ViewEdge[] {
  const g = kg.graph;
  const edges: ViewEdge[] = [];
  for (const e of keptEdges(kg, keep)) {
    const source = g.source(e);
    const target = g.target(e);
    const ea = g.getEdgeAttributes(e);
    if (ea.kind === "asserts" || source === target) continue;
    const label =
      ea.kind === "subject" || ea.kind === "object" ? ea.kind : kg.predicateLabel(ea.predicate);
    edges.push({ key: e, source, target, kind: ea.kind, label });
    if (!view.hasEdge(source, target))
      view.addEdge(source, target, { weight: ea.kind === "derivedFrom" ? 0.05 : 1 });
  }
  return edges;
}

/**
 * The keys of the edges between kept nodes, sorted. Only the kept nodes' edges are read: the
 * overview keeps a few hundred nodes of hundreds of thousands.
 */
function keptEdges(kg: KnowledgeGraph, keep: ReadonlySet<string>): string[] {
  const g = kg.graph;
  const out: string[] = [];
  for (const key of keep)
    g.forEachOutEdge(key, (e, _a, _source, target) => {
      if (keep.has(target)) out.push(e);
    });
  return out.sort();
}

/**
 * In the overview, two entities are linked when claims link them: each one's strongest links
 * (overview-links.ts), added to `edges` and to `view` for the layout. Returns how many linked
 * pairs are left out.
 */
function addOverviewLinks(
  kg: KnowledgeGraph,
  keep: ReadonlySet<string>,
  view: Graph,
  edges: ViewEdge[],
): number {
  const { links, pairs } = overviewLinks(kg, keep);
  for (const { key, source, target, predicate } of links) {
    if (view.hasEdge(source, target)) continue;
    view.addEdge(source, target, { weight: 1 });
    edges.push({ key, source, target, kind: "asserts", label: kg.predicateLabel(predicate) });
  }
  return pairs - links.length;
}

/** What the viewer shows of a node, but where it is drawn and how large. */
type NodeView = Omit<ViewNode, "x" | "y" | "size" | "key">;

/** A node as `describe` tells it: its documents by IRI. */
type Described = Omit<NodeView, "documents"> & { readonly documents: readonly string[] };

function describe(kg: KnowledgeGraph, key: string, a: NodeAttributes): Described {
  switch (a.kind) {
    case "claim":
      return describeClaim(kg, a);
    case "entity": {
      // Its documents are those of the claims touching it (nodeDocuments), counted at once.
      const { claims, documents } = claimsTouching(kg, key);
      return describeOther(a.kind, a.type, a.label, claims, [...documents]);
    }
    case "reference": {
      const { claims } = claimsTouching(kg, key);
      return describeOther(a.kind, "Reference", a.label, claims, nodeDocuments(kg, key));
    }
    case "work":
      return describeOther(
        a.kind,
        a.evidenceType,
        a.label,
        claimsTouching(kg, key).claims,
        nodeDocuments(kg, key),
      );
    case "document":
      return describeOther(
        a.kind,
        "Document",
        a.label,
        kg.graph.inDegree(key),
        nodeDocuments(kg, key),
      );
    case "study":
      return describeOther(a.kind, "Study", a.label, a.supports.length, nodeDocuments(kg, key));
  }
}

/** A claim: how well its citations support it. */
function describeClaim(kg: KnowledgeGraph, a: ClaimNode): Described {
  const evidence: Evidence = claimEvidence(kg, a);
  return {
    kind: a.kind,
    type: a.claimType,
    label: claimLabel(kg, a.subject, a.predicate, a.object),
    claims: 1,
    evidence,
    uncited: a.citations.length === 0,
    documents: nodeDocuments(kg, a.iri),
  };
}

/** Any node but a claim: it has no evidence of its own and is never uncited. */
function describeOther(
  kind: NodeKind,
  type: string,
  label: string,
  claims: number,
  documents: readonly string[],
): Described {
  return { kind, type, label, claims, evidence: "none", uncited: false, documents };
}

/**
 * The documents node `key` stands in (a claim, reference, study or document) or is said in (an
 * entity), by IRI, as `project` gives them: for a node drawn around a selection at scale.
 */
export function nodeDocuments(kg: KnowledgeGraph, key: string): string[] {
  const a = kg.graph.getNodeAttributes(key);
  switch (a.kind) {
    case "claim":
      return [a.location.document];
    case "entity":
      return [...claimsTouching(kg, key).documents];
    case "reference":
    case "study":
      return a.document ? [a.document] : [];
    case "document":
      return [key];
    case "work":
      return [];
  }
}

/** How many claims name a node (as subject, object, citation or mention), and their documents. */
export function claimsTouching(
  kg: KnowledgeGraph,
  key: string,
): { claims: number; documents: Set<string> } {
  let claims = 0;
  const documents = new Set<string>();
  kg.graph.forEachInEdge(key, (_, e, source) => {
    const s = kg.claim(source);
    if (
      !s ||
      (e.kind !== "subject" && e.kind !== "object" && e.kind !== "cites" && e.kind !== "mentions")
    )
      return;
    claims++;
    if (s.location.document) documents.add(s.location.document);
  });
  return { claims, documents };
}

function claimLabel(
  kg: KnowledgeGraph,
  subject: string,
  predicate: string,
  object: { iri: string } | { literal: string },
): string {
  const o = "iri" in object ? kg.label(object.iri) : object.literal;
  const text = `${kg.label(subject)} · ${kg.predicateLabel(predicate)} · ${o}`;
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/** The most connected entities. */
function overviewNodes(kg: KnowledgeGraph): Set<string> {
  const scored: Array<[string, number]> = [];
  kg.graph.forEachNode((iri, a) => {
    if (a.kind === "entity") scored.push([iri, kg.graph.inDegree(iri)]);
  });
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Set(scored.slice(0, OVERVIEW_SIZE).map(([iri]) => iri));
}

/** A node's radius, in the layout's units: grows with the claims touching it. */
export function nodeSize(claims: number): number {
  return 3 + Math.min(12, Math.sqrt(claims) * 2);
}
