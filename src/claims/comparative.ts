/**
 * Comparative claims: a row of a comparative-efficacy table read as a whole. Each arm's
 * cell is the arm's result for the row's condition (`arm-result.ts`) and may state
 * relations of its own (`arm-relations.ts`): "Reduced HAM-A scores" is the arm decreasing
 * HAM-A scores. A cell that says the arm causes the condition ("Is the adverse effect being
 * treated") is no result: its claim says what the cell says, that the arm causes it. Each
 * pair of arms (subject columns, in column order) gives one comparison with both arms, the
 * condition (the row label), the outcome (`row-outcome.ts`), the direction read from every
 * arm's cell, and the row's evidence cells.
 */

import { rawSpanOf } from "../document/clean.ts";
import type { Table, TableCell, TableRow } from "../document/types.ts";
import { type ArmRelation, readArmRelations } from "./arm-relations.ts";
import { type ArmReading, directionOf, readArm } from "./arm-result.ts";
import type { Column } from "./columns.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import { rowOutcome } from "./row-outcome.ts";
import { tablePlace } from "./table-place.ts";
import { predicateTerm } from "./terms.ts";
import type { Claim, EntityTerm } from "./types.ts";

/**
 * The claims of a comparative row: its cells' claims (an arm that causes the condition
 * restated as that relation), the relations its arm cells state, and its comparisons.
 */
export function comparativeRowClaims(
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
  const relationsOf = (column: Column): ArmRelation[] => {
    const claim = claimOf(column);
    return claim && !claim.status ? readArmRelations(ctx, claim.text, condition) : [];
  };
  const relations = arms.map(relationsOf);
  const evidenceClaims = columns
    .filter((c) => !c.subject)
    .map(claimOf)
    .filter((c) => c !== undefined);
  const outcome = rowOutcome(ctx, row.label.display.text, relations, [
    ...arms.map((c) => cellOf(c)?.display.text ?? ""),
    ...evidenceClaims.map((c) => c.text),
  ]);
  const terms = arms.map((c) => c.subject as EntityTerm);
  const readings = arms.map((c, i) =>
    readArm(ctx, terms[i] as EntityTerm, condition, outcome, claimOf(c), terms),
  );
  // An arm whose cell says it causes the condition has no result: its claim says so instead.
  const causes = arms.map((_, k) =>
    readings[k]?.result === "NoResult"
      ? relations[k]?.find((r) => r.predicate === "causes" && r.object.id === condition.id)
      : undefined,
  );
  const out: Claim[] = cellClaims.map((claim) => {
    const k = arms.findIndex((c) => claimOf(c) === claim);
    const cause = causes[k];
    const cell = arms[k] && cellOf(arms[k]);
    return cause && cell
      ? relationClaim(ctx, { cell, claim, arm: terms[k] as EntityTerm, condition }, cause, true)
      : claim;
  });
  arms.forEach((column, k) => {
    const claim = claimOf(column);
    const cell = cellOf(column);
    if (!claim || !cell) return;
    for (const r of relations[k] ?? [])
      if (r !== causes[k])
        out.push(
          relationClaim(ctx, { cell, claim, arm: terms[k] as EntityTerm, condition }, r, false),
        );
  });
  const results = arms.map((c, k) => {
    const claim = claimOf(c);
    return claim && !claim.status && !causes[k] ? claim.id : undefined;
  });
  readings.forEach((a, i) => {
    readings.slice(i + 1).forEach((b, j) => {
      if (a.term.id === b.term.id) return;
      const armResults = [results[i], results[i + 1 + j]].filter((id) => id !== undefined);
      out.push(comparisonClaim(a, b, armResults));
    });
  });
  return out;

  function comparisonClaim(a: ArmReading, b: ArmReading, armResults: string[]): Claim {
    const rowText = row.label.display.text;
    const { direction, favours } = directionOf(a, b, arms.length);
    return makeClaim(ctx, {
      kind: "comparative",
      subject: a.term,
      predicate: predicateTerm(ctx.lexicon, "comparedWith"),
      object: b.term,
      segment: { citations: row.cells.flatMap((c) => c.citations), section: row.label.section },
      quote: row.span,
      text: `${rowText}: ${a.term.label} vs ${b.term.label}`,
      table: tablePlace(table, row, row.label),
      mentions: [condition, ...(outcome ? [outcome] : [])],
      comparison: {
        armA: a.term,
        armB: b.term,
        condition,
        outcome,
        direction,
        favours,
        armResults,
        evidence: evidenceClaims[0]?.id,
      },
      guesses: outcome?.unnormalised ? ["MintedEntity"] : [],
    });
  }
}

/** The arm cell a relation is read from: its claim, its arm and the row's condition. */
interface ArmCell {
  readonly cell: TableCell;
  readonly claim: Claim;
  readonly arm: EntityTerm;
  readonly condition: EntityTerm;
}

/**
 * A relation an arm cell states, quoting the cell from its cue to its object; `whole`
 * quotes the whole cell, for the claim that stands in for an arm that causes the condition.
 * The row's condition is among its mentions: the relation is stated for that condition or
 * model, so tracing the condition lists it.
 */
function relationClaim(
  ctx: ExtractContext,
  { cell, claim, arm, condition }: ArmCell,
  relation: ArmRelation,
  whole: boolean,
): Claim {
  const span = whole ? undefined : rawSpanOf(cell.display, relation.start, relation.end);
  const mentions = [arm, relation.object, condition].filter(
    (t, i, all) => all.findIndex((u) => u.id === t.id) === i,
  );
  return makeClaim(ctx, {
    kind: "table",
    subject: arm,
    predicate: predicateTerm(ctx.lexicon, relation.predicate),
    object: relation.object,
    segment: cell,
    quote: span ?? claim.quote,
    text: span ? cell.display.text.slice(relation.start, relation.end) : claim.text,
    table: claim.table,
    value: claim.text,
    mentions,
    readBy: "ArmCellCueRule",
    cue: relation.cue,
  });
}
