/**
 * Comparative claims: a row of a comparative-efficacy table read as a whole. Both arms
 * (the first two entity columns), the condition or model (the row label), the outcome
 * (the row label's parenthesis, else the first outcome the cells name), the direction
 * read from cue phrases, and the row's evidence cells.
 */
import type { Table, TableRow } from "../document/types.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import type { Column } from "./tables.ts";
import { entityTerm, headOf, parentheticals, predicateTerm } from "./terms.ts";
import type { Claim, Direction, EntityTerm } from "./types.ts";

export function comparativeClaim(
  ctx: ExtractContext,
  table: Table,
  row: TableRow,
  columns: readonly Column[],
  condition: EntityTerm,
  cellClaims: readonly Claim[],
): Claim | undefined {
  const armColumns = columns.filter((c) => c.subject !== undefined);
  const [a, b] = armColumns;
  if (!a?.subject || !b?.subject) return undefined;
  const cellOf = (column: Column) => row.cells[column.index - 2];
  const claimOf = (column: Column) => {
    const cell = cellOf(column);
    return cellClaims.find((c) => cell && c.quote.start === cell.span.start);
  };
  const textA = cellOf(a)?.display.text ?? "";
  const textB = cellOf(b)?.display.text ?? "";
  const evidenceClaims = columns
    .filter((c) => !c.subject)
    .map(claimOf)
    .filter((c) => c !== undefined);
  const { direction, favours } = directionOf(ctx, a.subject, textA, b.subject, textB);
  const outcome = outcomeOf(ctx, row.label.display.text, [
    textA,
    textB,
    ...evidenceClaims.map((c) => c.text),
  ]);
  const armResults = [claimOf(a), claimOf(b)].filter((c) => c !== undefined).map((c) => c.id);
  const rowText = row.label.display.text;
  return makeClaim(ctx, {
    kind: "comparative",
    subject: a.subject,
    predicate: predicateTerm(ctx.lexicon, "comparedWith"),
    object: b.subject,
    segment: { citations: row.cells.flatMap((c) => c.citations), section: row.label.section },
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
      armResults,
      evidence: evidenceClaims[0]?.id,
    },
  });
}

/**
 * How the arms compare, from cue phrases in their cells: an untested arm means no
 * comparison; an arm that says it did better (or worse) decides; then "similar" on
 * either side; then a positive arm beats a negative one, and the same polarity on both
 * sides is similar.
 */
export function directionOf(
  ctx: ExtractContext,
  armA: EntityTerm,
  textA: string,
  armB: EntityTerm,
  textB: string,
): { direction: Direction; favours: EntityTerm | undefined } {
  const { lexicon } = ctx;
  const has = (kind: Parameters<typeof lexicon.hasCue>[0], text: string) =>
    lexicon.hasCue(kind, text);
  if (has("untested", textA) || has("untested", textB))
    return { direction: "NotCompared", favours: undefined };
  const superiorA = has("superior", textA) || has("inferior", textB);
  const superiorB = has("superior", textB) || has("inferior", textA);
  if (superiorA !== superiorB) return { direction: "Favours", favours: superiorA ? armA : armB };
  if (has("similar", textA) || has("similar", textB))
    return { direction: "Similar", favours: undefined };
  const polarity = (text: string) => (has("negative", text) ? -1 : has("positive", text) ? 1 : 0);
  const pa = polarity(textA);
  const pb = polarity(textB);
  if (pa > pb && pa > 0) return { direction: "Favours", favours: armA };
  if (pb > pa && pb > 0) return { direction: "Favours", favours: armB };
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
