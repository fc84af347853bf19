/**
 * The audit's "agreement and conflicts" section (#15), counts first: how many assertions the
 * grouping found, how many rest on more than one document and how many on a single work, how
 * many were guessed, then the conflicts by kind, then each conflict with both sides' quotes,
 * places and citation numbers. Built from an `Agreement` (src/agreement/), whoever found it.
 */
import type { Agreement, Assertion, ConflictKind } from "../agreement/types.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";

/** The conflict kinds in the contract's order, each counted even when none was found. */
export const CONFLICT_KINDS: readonly ConflictKind[] = [
  "FrequencyGap",
  "OppositeDirection",
  "EffectVersusNone",
  "PrimaryTargetDisagrees",
  "PublicRecordDisagrees",
];

export interface AgreementCounts {
  readonly assertions: number;
  /** Assertions stated by two documents or more. */
  readonly acrossDocuments: number;
  /** Assertions resting on one work or none. */
  readonly singleWork: number;
  readonly guessed: number;
  readonly conflicts: number;
  readonly byKind: Readonly<Record<ConflictKind, number>>;
}

/** One side of a conflict as the audit shows it: what is said, and each claim where it stands. */
export interface ConflictSide {
  readonly assertion: string;
  readonly says: string;
  readonly claims: ReadonlyArray<{
    readonly id: string;
    readonly quote: string;
    readonly file: string;
    readonly line: number | null;
    readonly column: number | null;
    readonly citations: ReadonlyArray<number | null>;
  }>;
}

export interface ConflictItem {
  readonly iri: string;
  readonly kind: ConflictKind;
  readonly subject: string;
  readonly predicate: string;
  readonly sides: readonly [ConflictSide, ConflictSide];
}

export interface AgreementSection {
  readonly counts: AgreementCounts;
  readonly conflicts: readonly ConflictItem[];
}

export function agreementSection(kg: KnowledgeGraph, agreement: Agreement): AgreementSection {
  const a = agreement.assertions;
  const byKind = Object.fromEntries(
    CONFLICT_KINDS.map((k) => [k, agreement.conflicts.filter((d) => d.kind === k).length]),
  ) as Record<ConflictKind, number>;
  const order = new Map(CONFLICT_KINDS.map((k, i) => [k, i]));
  const conflicts = [...agreement.conflicts]
    .sort((x, y) => (order.get(x.kind) ?? 0) - (order.get(y.kind) ?? 0) || (x.iri < y.iri ? -1 : 1))
    .map((d) => ({
      iri: d.iri,
      kind: d.kind,
      subject: kg.label(d.subject),
      predicate: kg.predicateLabel(d.predicate),
      sides: [sideOf(kg, d.sides[0]), sideOf(kg, d.sides[1])] as const,
    }));
  return {
    counts: {
      assertions: a.length,
      acrossDocuments: a.filter((x) => x.documents.length > 1).length,
      singleWork: a.filter((x) => x.works.length <= 1).length,
      guessed: a.filter((x) => x.guessed).length,
      conflicts: agreement.conflicts.length,
      byKind,
    },
    conflicts,
  };
}

function sideOf(kg: KnowledgeGraph, a: Assertion): ConflictSide {
  return {
    assertion: a.iri,
    says: saysOf(kg, a),
    claims: a.claims.map((id) => {
      const c = kg.claim(id);
      return {
        id,
        quote: c?.quote?.exact ?? "",
        file: c
          ? (kg.document(c.location.document)?.fileName ?? kg.label(c.location.document))
          : "?",
        line: c?.location.line ?? null,
        column: c?.location.column ?? null,
        citations: (c?.citations ?? []).map((r) => kg.reference(r)?.number ?? null),
      };
    }),
  };
}

/**
 * What a side says: its object or value; a side without claims is the public records' (a
 * PublicRecordDisagrees), with the values they give when the grouping lists them.
 */
function saysOf(kg: KnowledgeGraph, a: Assertion): string {
  if (a.claims.length === 0) {
    const values = (a as { readonly publicValues?: readonly string[] }).publicValues ?? [];
    return values.length > 0 ? `public records: ${values.join(", ")}` : "public records";
  }
  return a.object ? kg.label(a.object) : a.value ? kg.label(a.value.value) : a.key;
}

/** The section as text: counts, then up to `limit` conflicts with both sides. */
export function renderAgreementSection(section: AgreementSection, limit: number): string[] {
  const c = section.counts;
  const out = [
    "agreement and conflicts",
    `  assertions              ${String(c.assertions).padStart(4)}`,
    `  across documents        ${String(c.acrossDocuments).padStart(4)}`,
    `  on one work or none     ${String(c.singleWork).padStart(4)}`,
    `  guessed                 ${String(c.guessed).padStart(4)}`,
    `  conflicts               ${String(c.conflicts).padStart(4)}`,
    ...CONFLICT_KINDS.map((k) => `    ${k.padEnd(22)}${String(c.byKind[k]).padStart(4)}`),
  ];
  for (const d of section.conflicts.slice(0, limit)) {
    out.push("", `  ${d.kind}: ${d.subject} ${d.predicate}`);
    for (const side of d.sides) {
      out.push(`    "${side.says}"`);
      for (const claim of side.claims) {
        const where = `${claim.file}:${claim.line ?? "?"}${claim.column ? `:${claim.column}` : ""}`;
        const cites = claim.citations.map((n) => `[${n ?? "?"}]`).join("");
        out.push(
          `      ${where}: "${claim.quote.replace(/\s+/g, " ")}"${cites ? ` ${cites}` : ""}`,
        );
      }
    }
  }
  if (section.conflicts.length > limit)
    out.push(`  … ${section.conflicts.length - limit} more (--limit N, or --json)`);
  return out;
}
