/**
 * Trace of an entity, its assertions first (#15): what several documents say together about
 * it, each assertion with how many documents and independent works stand behind it, its
 * support by tier and the conflicts it is a side of; then the individual claims as before.
 * Laid on a trace's answer by one function given an `Agreement` (src/agreement/).
 */
import type { Agreement } from "../agreement/types.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { AssertionJson, TraceResult } from "./trace-result.ts";

/** `result` with its entity's assertions, when it traced an entity. */
export function withAssertions(
  kg: KnowledgeGraph,
  result: TraceResult,
  agreement: Agreement,
): TraceResult {
  if (!result.entity) return result;
  return {
    ...result,
    entity: { ...result.entity, assertions: entityAssertions(kg, result.entity.id, agreement) },
  };
}

/** The assertions about `entity`: as subject before as object, by predicate, most works first. */
export function entityAssertions(
  kg: KnowledgeGraph,
  entity: string,
  agreement: Agreement,
): AssertionJson[] {
  return agreement.assertions
    .filter((a) => a.subject === entity || a.object === entity)
    .map((a) => {
      const role = a.subject === entity ? ("subject" as const) : ("object" as const);
      const other = role === "subject" ? a.object : a.subject;
      return {
        id: a.iri,
        key: a.key,
        predicate: { id: a.predicate, label: kg.predicateLabel(a.predicate) },
        role,
        says: other ? kg.label(other) : a.value ? kg.label(a.value.value) : a.key,
        claims: a.claims,
        documents: a.documents.length,
        works: a.works.length,
        support: a.support,
        guessed: a.guessed,
        conflicts: agreement.conflicts
          .filter((d) => d.sides.some((s) => s.iri === a.iri))
          .map((d) => ({ id: d.iri, kind: d.kind })),
      };
    })
    .sort(
      (a, b) =>
        (a.role === b.role ? 0 : a.role === "subject" ? -1 : 1) ||
        cmp(a.predicate.label, b.predicate.label) ||
        b.works - a.works ||
        cmp(a.key, b.key),
    );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The assertions as trace prints them, before the claims: the first `limit` (--json has all). */
export function assertionLines(assertions: readonly AssertionJson[], limit: number): string[] {
  if (assertions.length === 0) return [];
  const shown = assertions.slice(0, limit);
  const out = [
    "",
    `assertions (${shown.length < assertions.length ? `${shown.length} of ` : ""}${assertions.length})`,
  ];
  for (const a of shown) {
    const tiers = Object.entries(a.support)
      .filter(([, n]) => n > 0)
      .map(([tier, n]) => `${n} ${tier}`);
    const by = `${a.documents} document${a.documents === 1 ? "" : "s"}, ${a.works} work${a.works === 1 ? "" : "s"}${tiers.length > 0 ? ` (${tiers.join(", ")})` : ""}`;
    const flags = [...(a.guessed ? ["guessed"] : []), ...a.conflicts.map((c) => `⚠ ${c.kind}`)];
    const what =
      a.role === "subject" ? `${a.predicate.label} ${a.says}` : `${a.says} ${a.predicate.label} it`;
    out.push(`  ${what}  ${by}${flags.length > 0 ? `  ${flags.join("  ")}` : ""}`);
  }
  return out;
}
