/**
 * What `claimgraph conflicts` shows (issue #15): counts first, then each conflict with both
 * sides — what each side says, its support, and its claims with quotes, places and citations.
 * A plain object (the `--json` answer) and its rendering for people, derived from the graph.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { spacedLocalName } from "../graph/local-name.ts";
import { agreementOf } from "./agreement.ts";
import { claimFact } from "./facts.ts";
import type { Assertion, ConflictKind, Disagreement, Support } from "./types.ts";

export interface ConflictReport {
  readonly counts: {
    readonly assertions: number;
    readonly conflicts: number;
    readonly byKind: Readonly<Partial<Record<ConflictKind, number>>>;
  };
  readonly conflicts: readonly ConflictEntry[];
}

export interface ConflictEntry {
  readonly iri: string;
  readonly kind: ConflictKind;
  readonly rule: string;
  readonly subject: { readonly id: string; readonly label: string };
  readonly predicate: { readonly id: string; readonly label: string };
  readonly sides: readonly [SideEntry, SideEntry];
}

export interface SideEntry {
  readonly assertion: string;
  /** What the side says: its object, value or text; public records' values on a record side. */
  readonly says: string;
  readonly support: Support;
  readonly claims: readonly SideClaim[];
}

export interface SideClaim {
  readonly claim: string;
  readonly quote: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Reference numbers as the document lists them. */
  readonly citations: readonly number[];
  readonly works: readonly string[];
}

export function conflictReport(kg: KnowledgeGraph): ConflictReport {
  const { assertions, conflicts } = agreementOf(kg);
  const byKind: Partial<Record<ConflictKind, number>> = {};
  for (const c of conflicts) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  return {
    counts: { assertions: assertions.length, conflicts: conflicts.length, byKind },
    conflicts: conflicts.map((c) => entryOf(kg, c)),
  };
}

/** One conflict as the report (and the viewer's Details) shows it: both sides with their claims. */
export function entryOf(kg: KnowledgeGraph, c: Disagreement): ConflictEntry {
  return {
    iri: c.iri,
    kind: c.kind,
    rule: c.rule,
    subject: { id: c.subject, label: kg.label(c.subject) },
    predicate: { id: c.predicate, label: kg.predicateLabel(c.predicate) },
    sides: [sideOf(kg, c.sides[0]), sideOf(kg, c.sides[1])],
  };
}

function sideOf(kg: KnowledgeGraph, a: Assertion): SideEntry {
  const claims: SideClaim[] = [];
  for (const iri of a.claims) {
    const node = kg.claim(iri);
    if (!node) continue;
    const f = claimFact(kg, node);
    claims.push({
      claim: iri,
      quote: f.quote,
      ...f.place,
      citations: f.citations ?? [],
      works: f.works,
    });
  }
  return { assertion: a.iri, says: saysOf(kg, a, claims), support: a.support, claims };
}

function saysOf(kg: KnowledgeGraph, a: Assertion, claims: readonly SideClaim[]): string {
  if (a.publicValues) return `public records: ${a.publicValues.join(", ")}`;
  const parts = [
    a.object !== undefined ? kg.label(a.object) : "",
    a.value ? spacedLocalName(a.value.value) : "",
  ].filter((p) => p !== "");
  const pred = kg.predicateLabel(a.predicate);
  return parts.length > 0 ? `${pred} ${parts.join(": ")}` : `${pred} "${claims[0]?.quote ?? ""}"`;
}

export function renderConflicts(r: ConflictReport): string {
  const kinds = Object.entries(r.counts.byKind).map(([k, n]) => `${k} ${n}`);
  const lines = [
    `${r.counts.conflicts} conflict${r.counts.conflicts === 1 ? "" : "s"} among ${r.counts.assertions} assertions${kinds.length > 0 ? ` (${kinds.join(", ")})` : ""}`,
  ];
  for (const c of r.conflicts) {
    lines.push("", `${c.kind}: ${c.subject.label} · ${c.predicate.label}`);
    c.sides.forEach((side, i) => {
      lines.push(`  ${i === 0 ? "one side" : "other side"}: ${side.says}  [${supportText(side)}]`);
      for (const claim of side.claims) {
        const cites = claim.citations.length > 0 ? ` [${claim.citations.join("] [")}]` : "";
        lines.push(`    ${claim.file}:${claim.line}:${claim.column}  "${claim.quote}"${cites}`);
      }
    });
  }
  return lines.join("\n");
}

function supportText(side: SideEntry): string {
  const counted = Object.entries(side.support).filter(([, n]) => n > 0);
  return counted.length > 0 ? counted.map(([t, n]) => `${t} ${n}`).join(", ") : "no cited work";
}
