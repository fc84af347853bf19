/**
 * `audit`: what a curator should look at before trusting the knowledge base. Each
 * finding names its kind, what it concerns and where it stands in the document; the
 * needs-review section (`review.ts`) lists what the reading guessed.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { StatementPlace } from "../graph/quad-source.ts";
import type { ClaimNode, IdentifierInfo, NodeAttributes, ReferenceNode } from "../graph/types.ts";
import { evidenceText, WEAK_EVIDENCE } from "../trace/evidence.ts";
import { sortClaims } from "../trace/trace.ts";
import { type NeedsReview, needsReview, renderReview } from "./review.ts";

export const FINDING_KINDS = [
  "disagrees-with-public-record",
  "conflicting-statements",
  "duplicate-reference",
  "unresolved-citation",
  "weak-support",
  "uncited-claim",
  "uncited-reference",
  "unverified-identifier",
  "unknown-evidence-type",
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  readonly kind: FindingKind;
  readonly severity: "warning" | "info";
  readonly message: string;
  /** The node the finding is about (a claim, reference, work or entity IRI). */
  readonly subject: string;
  readonly location: {
    readonly file: string;
    readonly line: number | null;
    readonly column: number | null;
  } | null;
}

export interface AuditReport {
  readonly counts: Readonly<Record<FindingKind, number>>;
  readonly findings: readonly Finding[];
  /** What the reading guessed, for a curator to check (minted entities are listed there). */
  readonly needsReview: NeedsReview;
}

const SEVERITY: Readonly<Record<FindingKind, Finding["severity"]>> = {
  "disagrees-with-public-record": "warning",
  "conflicting-statements": "warning",
  "duplicate-reference": "warning",
  "unresolved-citation": "warning",
  "weak-support": "warning",
  "uncited-claim": "warning",
  "uncited-reference": "info",
  "unverified-identifier": "info",
  "unknown-evidence-type": "info",
};

export function audit(kg: KnowledgeGraph): AuditReport {
  const findings: Finding[] = [];
  const add = (
    kind: FindingKind,
    subject: string,
    message: string,
    location: Finding["location"],
  ) => findings.push({ kind, severity: SEVERITY[kind], message, subject, location });
  const fileOf = (doc: string | undefined) =>
    doc ? (kg.document(doc)?.fileName ?? kg.label(doc)) : "?";
  const at = (c: ClaimNode) => ({
    file: fileOf(c.location.document),
    line: c.location.line ?? null,
    column: c.location.column ?? null,
  });
  const refAt = (r: ReferenceNode) => ({
    file: fileOf(r.document),
    line: r.line ?? null,
    column: 1,
  });
  const describe = (c: ClaimNode) => {
    const object =
      "iri" in c.object ? kg.label(c.object.iri) : JSON.stringify(clip(c.object.literal));
    return `${kg.label(c.subject)} · ${kg.predicateLabel(c.predicate)} · ${object}`;
  };

  const claims: ClaimNode[] = [];
  const references: ReferenceNode[] = [];
  // Nodes by IRI, not in the order the graph was read: any order of the quads gives one report.
  const nodes: NodeAttributes[] = [];
  kg.graph.forEachNode((_, a) => {
    nodes.push(a);
    if (a.kind === "claim") claims.push(a);
    if (a.kind === "reference") references.push(a);
  });
  nodes.sort((a, b) => (a.iri < b.iri ? -1 : a.iri > b.iri ? 1 : 0));
  references.sort(
    (a, b) =>
      (a.document ?? "").localeCompare(b.document ?? "") || (a.number ?? 0) - (b.number ?? 0),
  );

  for (const a of nodes) {
    if (a.kind !== "document") continue;
    for (const d of a.discrepancies) {
      const claim = kg.claim(d.claim);
      add(
        "disagrees-with-public-record",
        d.claim ?? d.iri,
        d.comment ??
          `the document states ${d.statedValue}; public records give ${d.publicValues.join(", ")}`,
        claim ? at(claim) : { file: fileOf(a.iri), line: null, column: null },
      );
    }
  }

  // A claim stated twice with different values: the knowledge base file is where to look.
  for (const conflict of kg.conflicts) {
    const claim = kg.claim(conflict.claim);
    const values = conflict.values.map(
      (v) => `${JSON.stringify(clip(v.value))}${v.place ? ` at ${placeText(v.place)}` : ""}`,
    );
    add(
      "conflicting-statements",
      conflict.claim,
      `${claim ? describe(claim) : kg.compact(conflict.claim)}: ${kg.compact(conflict.property)} is stated ${values.length} times, ${values.join(" and ")}; the first is shown`,
      conflict.values[0]?.place ?? null,
    );
  }

  const seenWorks = new Set<string>();
  for (const r of references) {
    if (!r.work || !r.document || seenWorks.has(`${r.document} ${r.work}`)) continue;
    const same = kg.referencesOf(r.work).filter((o) => o.document === r.document);
    if (same.length < 2) continue;
    seenWorks.add(`${r.document} ${r.work}`);
    const numbers = same.map((o) => `[${o.number}]`).join(" and ");
    const hosts = same.map((o) => o.host ?? "?").join(", ");
    const ids =
      kg
        .work(r.work)
        ?.identifiers.filter((i) => !i.unverified)
        .map((i) => i.curie) ?? [];
    const name = `${kg.label(r.work)}${ids.length > 0 ? `, ${ids.join(", ")}` : ""}`;
    add(
      "duplicate-reference",
      r.work,
      `${numbers} are one work (${name}) listed ${same.length} times, at ${hosts}`,
      refAt(same[1] ?? r),
    );
  }

  for (const c of sortClaims(claims)) {
    const dangling = c.citations.filter((ref) => !kg.citedWork(ref));
    for (const ref of dangling) {
      add(
        "unresolved-citation",
        c.iri,
        `${describe(c)} cites ${kg.compact(ref)}, which resolves to no reference or work`,
        at(c),
      );
    }
    if (c.uncited || c.citations.length === 0) {
      add("uncited-claim", c.iri, `${describe(c)}: the document gives no reference`, at(c));
      continue;
    }
    const works = c.citations.map((ref) => kg.citedWork(ref));
    if (works.every((w) => WEAK_EVIDENCE.has(w?.evidenceType ?? "UnknownEvidence"))) {
      const cited = c.citations.map((ref) => `[${kg.reference(ref)?.number ?? "?"}]`).join(" ");
      // An inferred evidence type says so, with its rule: a curator can check the rule.
      const kinds = works.map((w) =>
        evidenceText({
          evidenceType: w?.evidenceType ?? "UnknownEvidence",
          evidenceTypeRule: w?.evidenceRule ?? null,
          evidenceTypeInferred: w?.evidenceInferred ?? false,
        }),
      );
      add(
        "weak-support",
        c.iri,
        `${describe(c)} rests only on ${cited} (${[...new Set(kinds)].join(", ")})`,
        at(c),
      );
    }
  }

  for (const r of references) {
    let cited = false;
    kg.graph.forEachInEdge(r.iri, (_, e) => {
      if (e.kind === "cites") cited = true;
    });
    if (!cited)
      add(
        "uncited-reference",
        r.iri,
        `reference [${r.number}] ${r.title} is cited nowhere in the document`,
        refAt(r),
      );
  }

  const unverified = (iri: string, label: string, ids: readonly IdentifierInfo[]) => {
    for (const id of ids) {
      if (id.unverified)
        add(
          "unverified-identifier",
          iri,
          id.confidence === "stated"
            ? `${label}: ${id.curie} is stated by the document, not checked against a public record`
            : `${label}: ${id.curie} is unverified (${id.source ?? "no source"})`,
          null,
        );
    }
  };
  for (const a of nodes) {
    const iri = a.iri;
    // An entity minted from its name is a needs-review item, not a finding.
    if (a.kind === "entity") unverified(iri, a.label, a.identifiers);
    if (a.kind === "work") {
      unverified(iri, a.label, a.identifiers);
      if (a.evidenceType === "UnknownEvidence")
        add(
          "unknown-evidence-type",
          iri,
          `${a.label}: no evidence type is known for this work`,
          null,
        );
    }
  }

  const counts = Object.fromEntries(
    FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length]),
  ) as Record<FindingKind, number>;
  const order = new Map(FINDING_KINDS.map((k, i) => [k, i]));
  findings.sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  return { counts, findings, needsReview: needsReview(kg) };
}

function placeText(p: StatementPlace): string {
  return `${p.file}${p.line === null ? "" : `:${p.line}${p.column === null ? "" : `:${p.column}`}`}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

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
  out.push("", ...renderReview(report.needsReview, limit));
  return out.join("\n");
}
