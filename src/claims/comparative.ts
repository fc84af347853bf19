/**
 * Comparative claims: a row of a comparative-efficacy table read as a whole. Each pair
 * of arms (subject columns, in column order) gives one claim with both arms, the
 * condition or model (the row label), the outcome (the row label's parenthesis, else the
 * first outcome the cells name), the direction read from what every arm's cell says, and
 * the row's evidence cells.
 */
import type { Table, TableRow } from "../document/types.ts";
import type { Column } from "./columns.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import { entityTerm, headOf, parentheticals, predicateTerm } from "./terms.ts";
import type { Claim, Direction, EntityTerm } from "./types.ts";

export function comparativeClaims(
  ctx: ExtractContext,
  table: Table,
  row: TableRow,
  columns: readonly Column[],
  condition: EntityTerm,
  cellClaims: readonly Claim[],
): Claim[] {
  const arms = columns.filter((c) => c.subject !== undefined);
  const cellOf = (column: Column) => row.cells[column.index - 2];
  const claimOf = (column: Column) => {
    const cell = cellOf(column);
    return cellClaims.find((c) => cell && c.table?.columnIndex === cell.columnIndex);
  };
  const evidenceClaims = columns
    .filter((c) => !c.subject)
    .map(claimOf)
    .filter((c) => c !== undefined);
  const outcome = outcomeOf(ctx, row.label.display.text, [
    ...arms.map((c) => cellOf(c)?.display.text ?? ""),
    ...evidenceClaims.map((c) => c.text),
  ]);
  const rowText = row.label.display.text;
  const out: Claim[] = [];
  arms.forEach((a, i) => {
    for (const b of arms.slice(i + 1)) {
      if (!a.subject || !b.subject || a.subject.id === b.subject.id) continue;
      const armA = { term: a.subject, result: armResult(ctx, condition, claimOf(a)) };
      const armB = { term: b.subject, result: armResult(ctx, condition, claimOf(b)) };
      const { direction, favours } = directionOf(armA, armB);
      out.push(
        makeClaim(ctx, {
          kind: "comparative",
          subject: a.subject,
          predicate: predicateTerm(ctx.lexicon, "comparedWith"),
          object: b.subject,
          segment: {
            citations: row.cells.flatMap((c) => c.citations),
            section: row.label.section,
          },
          quote: row.span,
          text: `${rowText}: ${a.subject.label} vs ${b.subject.label}`,
          table: {
            table: table.index,
            rowIndex: row.index,
            rowLabel: rowText,
            columnIndex: 1,
            columnLabel: table.header[0]?.display.text ?? "",
          },
          mentions: [condition, ...(outcome ? [outcome] : [])],
          comparison: {
            armA: a.subject,
            armB: b.subject,
            condition,
            outcome,
            direction,
            favours,
            armResults: [claimOf(a), claimOf(b)].filter((c) => c !== undefined).map((c) => c.id),
            evidence: evidenceClaims[0]?.id,
          },
        }),
      );
    }
  });
  return out;
}

/**
 * What one arm's cell says, from cue phrases: no result (not tested, an empty cell, or a
 * cell saying the drug causes the condition), better or worse than the comparator, the
 * same, or a positive or negative result on its own.
 */
export type ArmResult =
  | "NoResult"
  | "Superior"
  | "Inferior"
  | "Similar"
  | "Positive"
  | "Negative"
  | "Unread";

export function armResult(
  ctx: ExtractContext,
  condition: EntityTerm,
  claim: Claim | undefined,
): ArmResult {
  const { lexicon } = ctx;
  if (!claim || claim.status) return "NoResult";
  const text = claim.text;
  const has = (kind: Parameters<typeof lexicon.hasCue>[0]) => lexicon.hasCue(kind, text);
  if (has("untested") || has("no-result") || causesCondition(ctx, condition, text))
    return "NoResult";
  if (has("superior")) return "Superior";
  if (has("inferior")) return "Inferior";
  if (has("similar")) return "Similar";
  if (has("negative")) return "Negative";
  if (has("positive")) return "Positive";
  return "Unread";
}

/** "SSRIs can cause sexual dysfunction" in the row of sexual dysfunction is not a result. */
function causesCondition(ctx: ExtractContext, condition: EntityTerm, text: string): boolean {
  const cause = /\b(?:causes?|caused|induces?|induced|can cause|may cause)\b/i.exec(text);
  if (!cause) return false;
  const after = text.slice(cause.index).toLowerCase();
  const named = ctx.lexicon.mentions(after).some((m) => m.entity.id === condition.id);
  return named || after.includes(condition.label.toLowerCase());
}

interface Arm {
  readonly term: EntityTerm;
  readonly result: ArmResult;
}

/**
 * How two arms compare: an arm with no result means no comparison; an arm that says it
 * did better (or worse) decides; then "similar" on either side; then a positive arm
 * beats a negative or unread one, and the same polarity on both sides is similar.
 */
export function directionOf(
  a: Arm,
  b: Arm,
): { direction: Direction; favours: EntityTerm | undefined } {
  if (a.result === "NoResult" || b.result === "NoResult")
    return { direction: "NotCompared", favours: undefined };
  const superiorA = a.result === "Superior" || b.result === "Inferior";
  const superiorB = b.result === "Superior" || a.result === "Inferior";
  if (superiorA !== superiorB)
    return { direction: "Favours", favours: superiorA ? a.term : b.term };
  if (a.result === "Similar" || b.result === "Similar")
    return { direction: "Similar", favours: undefined };
  const polarity = (r: ArmResult) => (r === "Negative" ? -1 : r === "Positive" ? 1 : 0);
  const pa = polarity(a.result);
  const pb = polarity(b.result);
  if (pa > pb && pa > 0) return { direction: "Favours", favours: a.term };
  if (pb > pa && pb > 0) return { direction: "Favours", favours: b.term };
  if (pa === pb && pa !== 0) return { direction: "Similar", favours: undefined };
  return { direction: "Unclear", favours: undefined };
}

function outcomeOf(
  ctx: ExtractContext,
  rowLabel: string,
  texts: readonly string[],
): EntityTerm | undefined {
  const { lexicon } = ctx;
  for (const text of [...parentheticals(rowLabel), headOf(rowLabel), ...texts]) {
    const found = lexicon.mentions(text).find((m) => m.entity.type === "Outcome");
    if (found) return entityTerm(found.entity);
  }
  return undefined;
}
