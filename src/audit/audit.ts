/**
 * `audit`: what a curator should look at before trusting the knowledge base. Each
 * finding names its kind, what it concerns and where it stands in the document; the
 * needs-review section (`review.ts`) lists what the reading guessed.
 */
import type { Agreement } from "../agreement/types.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode, NodeAttributes, ReferenceNode } from "../graph/types.ts";
import {
  type AgreementSection,
  agreementSection,
  renderAgreementSection,
} from "./agreement-section.ts";
import { findBibliographyMatches } from "./bibliography-findings.ts";
import {
  Auditor,
  FINDING_KINDS,
  type Finding,
  type FindingKind,
  findClaimSupport,
  findConflicts,
  findDiscrepancies,
  findDuplicateReferences,
  findUncitedReferences,
  findUnverified,
} from "./findings.ts";
import { type NeedsReview, needsReview, renderReview } from "./review.ts";

export { FINDING_KINDS, type Finding, type FindingKind } from "./findings.ts";

export interface AuditReport {
  readonly counts: Readonly<Record<FindingKind, number>>;
  readonly findings: readonly Finding[];
  /** What the reading guessed, for a curator to check (minted entities are listed there). */
  readonly needsReview: NeedsReview;
  /** What several documents say together, when the audit was given the grouping's `Agreement`. */
  readonly agreement?: AgreementSection;
}

/**
 * Every finding about the knowledge graph, grouped by kind in `FINDING_KINDS` order, with
 * counts; with `agreement`, the agreement-and-conflicts section too.
 */
export function audit(kg: KnowledgeGraph, agreement?: Agreement): AuditReport {
  const au = new Auditor(kg);
  const { nodes, claims, references } = auditedNodes(kg);
  findDiscrepancies(au, nodes);
  findConflicts(au);
  findDuplicateReferences(au, references);
  findClaimSupport(au, claims);
  findUncitedReferences(au, references);
  findUnverified(au, nodes);
  findBibliographyMatches(au, nodes);
  const findings = au.findings;
  const counts = Object.fromEntries(
    FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length]),
  ) as Record<FindingKind, number>;
  const order = new Map(FINDING_KINDS.map((k, i) => [k, i]));
  findings.sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  const report = { counts, findings, needsReview: needsReview(kg) };
  return agreement ? { ...report, agreement: agreementSection(kg, agreement) } : report;
}

/** The graph's nodes by IRI, its claims, and its references by document and number. */
function auditedNodes(kg: KnowledgeGraph): {
  nodes: NodeAttributes[];
  claims: ClaimNode[];
  references: ReferenceNode[];
} {
  const claims: ClaimNode[] = [];
  const references: ReferenceNode[] = [];
  // Nodes by IRI, not in the order the graph was read: any order of the quads gives one report.
  const nodes: NodeAttributes[] = [];
  kg.forEachNode((_, a) => {
    nodes.push(a);
    if (a.kind === "claim") claims.push(a);
    if (a.kind === "reference") references.push(a);
  });
  nodes.sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
  references.sort(
    (a, b) =>
      (a.document ?? "").localeCompare(b.document ?? "") || (a.number ?? 0) - (b.number ?? 0),
  );
  return { nodes, claims, references };
}

/** The audit as text: counts by kind, then up to `limit` findings of each kind, then needs-review. */
export function renderAudit(report: AuditReport, limit = 20): string {
  const out: string[] = ["claimgraph audit", ""];
  const width = Math.max(...FINDING_KINDS.map((k) => k.length));
  for (const kind of FINDING_KINDS)
    out.push(`  ${kind.padEnd(width)}  ${String(report.counts[kind]).padStart(4)}`);
  for (const kind of FINDING_KINDS) {
    const list = report.findings.filter((f) => f.kind === kind);
    if (list.length === 0) continue;
    out.push("", `${kind} (${list.length})`);
    for (const f of list.slice(0, limit)) {
      const where = f.location
        ? `${f.location.file}:${f.location.line ?? "?"}${f.location.column ? `:${f.location.column}` : ""}: `
        : "";
      out.push(`  ${where}${f.message}`);
    }
    if (list.length > limit) out.push(`  … ${list.length - limit} more (--limit N, or --json)`);
  }
  if (report.agreement) out.push("", ...renderAgreementSection(report.agreement, limit));
  out.push("", ...renderReview(report.needsReview, limit));
  return out.join("\n");
}
