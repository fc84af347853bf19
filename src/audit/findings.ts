/**
 * The audit's finders: one function per kind of finding, each reading the knowledge graph and
 * adding what it finds through one `Auditor`, which knows how to name a claim and place a node.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { StatementPlace } from "../graph/quad-source.ts";
import type { ClaimNode, IdentifierInfo, NodeAttributes, ReferenceNode } from "../graph/types.ts";
import { evidenceText, WEAK_EVIDENCE } from "../trace/evidence.ts";
import { sortClaims } from "../trace/trace.ts";

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
  "bibliography-ambiguous",
  "bibliography-disagrees",
  "bibliography-unmatched",
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
  "bibliography-ambiguous": "warning",
  "bibliography-disagrees": "warning",
  "bibliography-unmatched": "info",
};

/** The graph being audited, the findings so far, and how a finding names and places a node. */
export class Auditor {
  readonly findings: Finding[] = [];

  constructor(readonly kg: KnowledgeGraph) {}

  /** Adds one finding, with the severity of its kind. */
  add(kind: FindingKind, subject: string, message: string, location: Finding["location"]): void {
    this.findings.push({ kind, severity: SEVERITY[kind], message, subject, location });
  }

  /** The file name of a document IRI, or its label; "?" when there is no document. */
  fileOf(doc: string | undefined): string {
    return doc ? (this.kg.document(doc)?.fileName ?? this.kg.label(doc)) : "?";
  }

  /** Where a claim stands in its document. */
  at(c: ClaimNode): NonNullable<Finding["location"]> {
    return {
      file: this.fileOf(c.location.document),
      line: c.location.line ?? null,
      column: c.location.column ?? null,
    };
  }

  /** Where a reference list entry stands in its document. */
  refAt(r: ReferenceNode): NonNullable<Finding["location"]> {
    return { file: this.fileOf(r.document), line: r.line ?? null, column: 1 };
  }

  /** A claim as `subject · predicate · object`, a long literal clipped. */
  describe(c: ClaimNode): string {
    const kg = this.kg;
    const object =
      "iri" in c.object ? kg.label(c.object.iri) : JSON.stringify(clip(c.object.literal));
    return `${kg.label(c.subject)} · ${kg.predicateLabel(c.predicate)} · ${object}`;
  }
}

/** A document's stated values that public records contradict. */
export function findDiscrepancies(au: Auditor, nodes: readonly NodeAttributes[]): void {
  for (const a of nodes) {
    if (a.kind !== "document") continue;
    for (const d of a.discrepancies) {
      const claim = au.kg.claim(d.claim);
      au.add(
        "disagrees-with-public-record",
        d.claim ?? d.iri,
        d.comment ??
          `the document states ${d.statedValue}; public records give ${d.publicValues.join(", ")}`,
        claim ? au.at(claim) : { file: au.fileOf(a.iri), line: null, column: null },
      );
    }
  }
}

/** A claim stated twice with different values: the knowledge base file is where to look. */
export function findConflicts(au: Auditor): void {
  const kg = au.kg;
  for (const conflict of kg.conflicts) {
    const claim = kg.claim(conflict.claim);
    const values = conflict.values.map(
      (v) => `${JSON.stringify(clip(v.value))}${v.place ? ` at ${placeText(v.place)}` : ""}`,
    );
    au.add(
      "conflicting-statements",
      conflict.claim,
      `${claim ? au.describe(claim) : kg.compact(conflict.claim)}: ${kg.compact(conflict.property)} is stated ${values.length} times, ${values.join(" and ")}; the first is shown`,
      conflict.values[0]?.place ?? null,
    );
  }
}

/** One work listed more than once in the same document's reference list. */
export function findDuplicateReferences(au: Auditor, references: readonly ReferenceNode[]): void {
  const kg = au.kg;
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
    au.add(
      "duplicate-reference",
      r.work,
      `${numbers} are one work (${name}) listed ${same.length} times, at ${hosts}`,
      au.refAt(same[1] ?? r),
    );
  }
}

/** Per claim: citations that resolve to nothing, no citation at all, or only weak evidence. */
export function findClaimSupport(au: Auditor, claims: readonly ClaimNode[]): void {
  for (const c of sortClaims(claims)) {
    for (const ref of c.citations.filter((r) => !au.kg.citedWork(r))) {
      au.add(
        "unresolved-citation",
        c.iri,
        `${au.describe(c)} cites ${au.kg.compact(ref)}, which resolves to no reference or work`,
        au.at(c),
      );
    }
    for (const n of c.unresolvedMarkers) {
      au.add(
        "unresolved-citation",
        c.iri,
        `${au.describe(c)} cites [${n}], which names no entry of the document's reference list`,
        au.at(c),
      );
    }
    // A claim whose only markers name no entry was reported just above.
    if (c.citations.length === 0 && !c.uncited && c.unresolvedMarkers.length > 0) continue;
    if (c.uncited || c.citations.length === 0) {
      au.add(
        "uncited-claim",
        c.iri,
        `${au.describe(c)}: the document gives no reference`,
        au.at(c),
      );
      continue;
    }
    findWeakSupport(au, c);
  }
}

/** A cited claim whose every cited work has weak (or unknown) evidence. */
function findWeakSupport(au: Auditor, c: ClaimNode): void {
  const kg = au.kg;
  const works = c.citations.map((ref) => kg.citedWork(ref));
  if (!works.every((w) => WEAK_EVIDENCE.has(w?.evidenceType ?? "UnknownEvidence"))) return;
  const cited = c.citations.map((ref) => `[${kg.reference(ref)?.number ?? "?"}]`).join(" ");
  // An inferred evidence type says so, with its rule: a curator can check the rule.
  const kinds = works.map((w) =>
    evidenceText({
      evidenceType: w?.evidenceType ?? "UnknownEvidence",
      evidenceTypeRule: w?.evidenceRule ?? null,
      evidenceTypeInferred: w?.evidenceInferred ?? false,
    }),
  );
  au.add(
    "weak-support",
    c.iri,
    `${au.describe(c)} rests only on ${cited} (${[...new Set(kinds)].join(", ")})`,
    au.at(c),
  );
}

/** A reference list entry no claim cites. */
export function findUncitedReferences(au: Auditor, references: readonly ReferenceNode[]): void {
  for (const r of references) {
    let cited = false;
    au.kg.forEachInEdge(r.iri, (e) => {
      if (e.kind === "cites") cited = true;
    });
    if (!cited)
      au.add(
        "uncited-reference",
        r.iri,
        `reference [${r.number}] ${r.title} is cited nowhere in the document`,
        au.refAt(r),
      );
  }
}

/** Unverified identifiers of entities and works, and works of no known evidence type. */
export function findUnverified(au: Auditor, nodes: readonly NodeAttributes[]): void {
  for (const a of nodes) {
    const iri = a.iri;
    // An entity minted from its name is a needs-review item, not a finding.
    if (a.kind === "entity") unverifiedIdentifiers(au, iri, a.label, a.identifiers);
    if (a.kind === "work") {
      unverifiedIdentifiers(au, iri, a.label, a.identifiers);
      if (a.evidenceType === "UnknownEvidence")
        au.add(
          "unknown-evidence-type",
          iri,
          `${a.label}: no evidence type is known for this work`,
          null,
        );
    }
  }
}

/** One finding per identifier of a node that no public record confirmed. */
function unverifiedIdentifiers(
  au: Auditor,
  iri: string,
  label: string,
  ids: readonly IdentifierInfo[],
): void {
  for (const id of ids) {
    if (id.unverified)
      au.add(
        "unverified-identifier",
        iri,
        id.confidence === "stated"
          ? `${label}: ${id.curie} is stated by the document, not checked against a public record`
          : `${label}: ${id.curie} is unverified (${id.source ?? "no source"})`,
        null,
      );
  }
}

/** A statement's place as `file:line:column`, the parts it has. */
function placeText(p: StatementPlace): string {
  return `${p.file}${p.line === null ? "" : `:${p.line}${p.column === null ? "" : `:${p.column}`}`}`;
}

/** A literal cut to 60 characters for a one-line message. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
