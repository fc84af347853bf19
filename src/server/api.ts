/**
 * The viewer's API: read-only JSON answers computed from the knowledge graph — the
 * display projection, a node's details, the claims behind an edge, search
 * suggestions, paths and neighbourhoods. Pure functions of (graph, parameters).
 */

import { agreementOf } from "../agreement/agreement.ts";
import { agreementAbout, subjectsAgreement } from "../agreement/subject-agreement.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import {
  type ConflictDetails,
  claimAgreement,
  conflictDetails,
  entityAgreement,
} from "../projection/agreement-details.ts";
import { claimEvidence } from "../projection/claim-evidence.ts";
import {
  documentPositions,
  nodeDocuments,
  type ViewEdge,
  type ViewModel,
  type ViewNode,
} from "../projection/projection.ts";
import type { ClaimJson } from "../trace/answers.ts";
import { claimJson, studyJson } from "../trace/answers.ts";
import { entityGroups } from "../trace/group-page.ts";
import type { PathResult } from "../trace/path.ts";
import { findPath } from "../trace/path.ts";
import { sortClaims, trace } from "../trace/trace.ts";
import type { Neighbourhood, NodeDetails } from "./contract.ts";

export function nodeDetails(kg: KnowledgeGraph, id: string): NodeDetails | undefined {
  const node = kg.node(id);
  if (!node) return undefined;
  switch (node.kind) {
    case "claim":
      return {
        kind: "claim",
        claim: claimJson(kg, node),
        agreement: claimAgreement(kg, subjectsAgreement(kg, [node.subject]), id),
      };
    case "entity":
      return {
        kind: "entity",
        trace: trace(kg, id),
        groups: entityGroups(kg, id),
        agreement: entityAgreement(kg, agreementAbout(kg, id), id),
      };
    case "reference":
    case "work":
      return { kind: node.kind, trace: trace(kg, id) };
    case "study":
      return {
        kind: "study",
        study: studyJson(kg, node),
        claims: sortClaims(
          node.supports.map((c) => kg.claim(c)).filter((c) => c !== undefined),
        ).map((c) => claimJson(kg, c)),
      };
    case "document":
      return {
        kind: "document",
        document: {
          id,
          title: node.title,
          fileName: node.fileName ?? null,
          creator: node.creator ?? null,
          date: node.date ?? null,
          publisher: node.publisher ?? null,
          address: node.address ?? null,
          genre: node.genre ?? null,
          sha256: node.sha256 ?? null,
          discrepancies: node.discrepancies,
        },
      };
  }
}

/** The claims behind an edge of the view: the claim itself, or those linking two entities. */
export function edgeClaims(kg: KnowledgeGraph, source: string, target: string): ClaimJson[] {
  if (!kg.graph.hasNode(source) || !kg.graph.hasNode(target)) return [];
  const direct = [kg.claim(source), kg.claim(target)].filter((c) => c !== undefined);
  if (direct.length > 0) return direct.map((c) => claimJson(kg, c));
  const linking = kg
    .claimsAbout(source)
    .filter((c) => c.subject === target || ("iri" in c.object && c.object.iri === target));
  return sortClaims(linking).map((c) => claimJson(kg, c));
}

/** A conflict with both sides (a matrix badge asks for it), or undefined when there is none. */
export function conflictOf(kg: KnowledgeGraph, id: string): ConflictDetails | undefined {
  return conflictDetails(kg, agreementOf(kg), id);
}

/** Search answers as `claimgraph trace` resolves (see search.ts). */
export { search } from "./search.ts";

export function pathBetween(kg: KnowledgeGraph, from: string, to: string): PathResult {
  return findPath(kg, from, to);
}

/** A node and its neighbours (for graphs too large to draw whole), placed around it. */
export function neighbourhood(
  kg: KnowledgeGraph,
  view: ViewModel,
  id: string,
  limit = 300,
): Neighbourhood | undefined {
  if (!kg.graph.hasNode(id)) return undefined;
  const byKey = new Map(view.nodes.map((n) => [n.key, n]));
  const centre = byKey.get(id);
  const around = { id, x: centre?.x ?? 0, y: centre?.y ?? 0, position: documentIndex(view) };
  const neighbours = kg.graph.neighbors(id).sort().slice(0, limit);
  const placed = (key: string, i: number) => byKey.get(key) ?? placedNode(kg, key, around, i);
  const nodes = [placed(id, 0), ...neighbours.map((key, i) => placed(key, i))];
  const keep = new Set([id, ...neighbours]);
  const edges: ViewEdge[] = [];
  kg.graph.forEachEdge(id, (e, ea, s, t) => {
    if (ea.kind === "asserts" || !keep.has(s) || !keep.has(t) || s === t) return;
    edges.push({ key: e, source: s, target: t, kind: ea.kind, label: ea.kind });
  });
  return { nodes, edges };
}

const documentIndexes = new WeakMap<ViewModel, ReadonlyMap<string, number>>();

/** Where each document stands in the view's list: made once per view, not per request. */
function documentIndex(view: ViewModel): ReadonlyMap<string, number> {
  let index = documentIndexes.get(view);
  if (!index) {
    index = new Map(view.documents.map((d, i) => [d.id, i]));
    documentIndexes.set(view, index);
  }
  return index;
}

/**
 * A node the projection did not place: the i-th around the centre on a sunflower spiral
 * (golden angle, radius growing with the square root of i), which packs discs of radius 4
 * about 12 units apart however many there are, leaving room for the centre's own disc.
 */
function placedNode(
  kg: KnowledgeGraph,
  key: string,
  centre: {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    /** Where each document stands in `/api/view`'s list. */
    readonly position: ReadonlyMap<string, number>;
  },
  i: number,
): ViewNode {
  const a = kg.graph.getNodeAttributes(key);
  const angle = i * 2.399963229728653;
  const radius = Math.sqrt(24 ** 2 + 60 * (i + 1));
  const isCentre = key === centre.id;
  return {
    key,
    kind: a.kind,
    type:
      a.kind === "entity"
        ? a.type
        : a.kind === "claim"
          ? a.claimType
          : a.kind === "work"
            ? a.evidenceType
            : a.kind,
    label: a.label.length > 90 ? `${a.label.slice(0, 89)}…` : a.label,
    x: isCentre ? centre.x : centre.x + radius * Math.cos(angle),
    y: isCentre ? centre.y : centre.y + radius * Math.sin(angle),
    size: isCentre ? 10 : 4,
    claims: 0,
    evidence: a.kind === "claim" ? claimEvidence(kg, a) : "none",
    uncited: a.kind === "claim" && a.citations.length === 0,
    documents: documentPositions(nodeDocuments(kg, key), centre.position),
  };
}
