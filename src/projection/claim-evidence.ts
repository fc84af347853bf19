/**
 * How well a claim is supported, as the viewer shows it: uncited, resting only on weak
 * sources (tertiary or consumer works, `WEAK_EVIDENCE`), or strong (a primary study or a
 * review among what it cites). The graph draws it and the reader marks it.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { WEAK_EVIDENCE } from "../trace/evidence.ts";

export type Evidence = "strong" | "weak" | "uncited" | "none";

export function claimEvidence(kg: KnowledgeGraph, claim: ClaimNode): Evidence {
  if (claim.citations.length === 0) return "uncited";
  return claim.citations.every((r) => WEAK_EVIDENCE.has(kg.citedWork(r)?.evidenceType ?? ""))
    ? "weak"
    : "strong";
}
