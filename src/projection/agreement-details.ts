/**
 * What several documents say together, as the viewer's Details shows it for a claim or an
 * entity (#15): the assertions it belongs to or is about, each with its support by tier (and
 * how many works' tiers were inferred, not stated), the other documents' claims that state the
 * same thing, and the conflicts with both sides — quotes, file:line:col, citations — and the
 * label of the rule that found them. Derived from an `Agreement`, never stored.
 */
import { type ConflictEntry, entryOf, type SideEntry } from "../agreement/conflict-report.ts";
import { claimFact } from "../agreement/facts.ts";
import { type ConflictRules, loadConflictRules } from "../agreement/rules.ts";
import type { Agreement, Assertion, Disagreement, Support } from "../agreement/types.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { spacedLocalName } from "../graph/local-name.ts";

interface Named {
  readonly id: string;
  readonly label: string;
}

/** A claim of an assertion, where it stands. */
export interface PlacedClaim {
  readonly claim: string;
  readonly document: Named;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface AssertionDetails {
  readonly id: string;
  /** What it says: predicate and object or value ("primary target norepinephrine transporter"). */
  readonly says: string;
  readonly support: Support;
  /** Distinct documents and works behind it; works whose evidence type a rule inferred. */
  readonly documents: number;
  readonly works: number;
  readonly inferred: number;
  readonly guessed: boolean;
  /** The conflicts it is a side of, by IRI. */
  readonly conflicts: readonly string[];
  /** For a claim: the claims of the other documents that state the same thing. */
  readonly elsewhere?: readonly PlacedClaim[];
}

export interface ConflictSide extends SideEntry {
  /** Works on this side whose evidence type a rule inferred. */
  readonly inferred: number;
}

/** What `/api/conflict` answers: a conflict with both sides and its rule's label. */
export interface ConflictDetails extends Omit<ConflictEntry, "rule" | "sides"> {
  readonly rule: Named;
  readonly sides: readonly [ConflictSide, ConflictSide];
}

/** A claim's or an entity's part in the agreement; counts say how many the lists cut. */
export interface AgreementDetails {
  readonly assertions: readonly AssertionDetails[];
  readonly assertionCount: number;
  readonly conflicts: readonly ConflictDetails[];
  readonly conflictCount: number;
}

/** Assertions and conflicts one answer lists at most (an entity may be a hub). */
export const DETAILS_LIMITS = { assertions: 100, conflicts: 30 } as const;

let rules: ConflictRules | undefined;

/** The conflict `iri` with both sides, or undefined when `agreement` has none by that IRI. */
export function conflictDetails(
  kg: KnowledgeGraph,
  agreement: Agreement,
  iri: string,
): ConflictDetails | undefined {
  const d = agreement.conflicts.find((c) => c.iri === iri);
  return d ? detailsOf(kg, d) : undefined;
}

/** The assertions claim `claim` belongs to, the other documents' claims in them, their conflicts. */
export function claimAgreement(
  kg: KnowledgeGraph,
  agreement: Agreement,
  claim: string,
): AgreementDetails {
  const own = kg.claim(claim)?.location.document;
  const mine = agreement.assertions.filter((a) => a.claims.includes(claim));
  return detailsFor(
    kg,
    agreement,
    mine,
    (a) =>
      a.claims
        .filter((c) => c !== claim)
        .map((c) => placed(kg, c))
        .filter((p) => p !== undefined && p.document.id !== own) as PlacedClaim[],
  );
}

/** The assertions about `entity` (as subject, then as object), and their conflicts. */
export function entityAgreement(
  kg: KnowledgeGraph,
  agreement: Agreement,
  entity: string,
): AgreementDetails {
  const about = agreement.assertions
    .filter((a) => a.subject === entity || a.object === entity)
    .map((a) => ({ a, says: saysOf(kg, a), object: a.subject === entity ? 0 : 1 }))
    .sort(
      (x, y) =>
        x.object - y.object ||
        y.a.works.length - x.a.works.length ||
        cmp(x.says, y.says) ||
        cmp(x.a.iri, y.a.iri),
    )
    .map((x) => x.a);
  return detailsFor(kg, agreement, about, () => undefined);
}

function detailsFor(
  kg: KnowledgeGraph,
  agreement: Agreement,
  assertions: readonly Assertion[],
  elsewhere: (a: Assertion) => readonly PlacedClaim[] | undefined,
): AgreementDetails {
  const ids = new Set(assertions.map((a) => a.iri));
  const conflicts = agreement.conflicts.filter((d) => d.sides.some((s) => ids.has(s.iri)));
  const conflictsOf = (a: Assertion) =>
    conflicts.filter((d) => d.sides.some((s) => s.iri === a.iri)).map((d) => d.iri);
  return {
    assertions: assertions.slice(0, DETAILS_LIMITS.assertions).map((a) => {
      const others = elsewhere(a);
      return {
        id: a.iri,
        says: saysOf(kg, a),
        support: a.support,
        documents: a.documents.length,
        works: a.works.length,
        inferred: a.inferred?.length ?? 0,
        guessed: a.guessed,
        conflicts: conflictsOf(a),
        ...(others ? { elsewhere: others } : {}),
      };
    }),
    assertionCount: assertions.length,
    conflicts: conflicts.slice(0, DETAILS_LIMITS.conflicts).map((d) => detailsOf(kg, d)),
    conflictCount: conflicts.length,
  };
}

function detailsOf(kg: KnowledgeGraph, d: Disagreement): ConflictDetails {
  rules ??= loadConflictRules();
  const entry = entryOf(kg, d);
  const side = (i: 0 | 1): ConflictSide => ({
    ...entry.sides[i],
    inferred: d.sides[i].inferred?.length ?? 0,
  });
  return {
    ...entry,
    rule: { id: d.rule, label: rules.rules.get(d.kind)?.label ?? spacedLocalName(d.rule) },
    sides: [side(0), side(1)],
  };
}

function placed(kg: KnowledgeGraph, iri: string): PlacedClaim | undefined {
  const c = kg.claim(iri);
  if (!c) return undefined;
  const document = c.location.document;
  return {
    claim: iri,
    document: { id: document, label: kg.label(document) },
    ...claimFact(kg, c).place,
  };
}

/** "primary target norepinephrine transporter", "adverse effect risk nausea: rare". */
function saysOf(kg: KnowledgeGraph, a: Assertion): string {
  const pred = kg.predicateLabel(a.predicate);
  if (a.publicValues) return `public records: ${a.publicValues.join(", ")}`;
  const parts = [
    a.object !== undefined ? kg.label(a.object) : "",
    a.value ? spacedLocalName(a.value.value) : "",
  ].filter((p) => p !== "");
  if (parts.length > 0) return `${pred} ${parts.join(": ")}`;
  const first = a.claims[0] === undefined ? undefined : kg.claim(a.claims[0]);
  const text = first && "literal" in first.object ? first.object.literal : "";
  return `${pred} “${text}”`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
