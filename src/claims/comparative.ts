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
import type { Claim, Direction, EntityTerm } from "./types.ts";

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
  const read = readRow(ctx, { table, row, condition }, columns, cellClaims);
  return [
    ...cellClaims.map((claim) => restatedCause(ctx, read, claim)),
    ...read.arms.flatMap((arm) => armRelationClaims(ctx, read, arm)),
    ...comparisons(ctx, read),
  ];
}

/** Where a comparative row stands: its table, the row and the condition its label names. */
interface RowPlace {
  readonly table: Table;
  readonly row: TableRow;
  readonly condition: EntityTerm;
}

/** One arm of a row (a subject column): its cell and claim, what they state, how it fared. */
interface Arm {
  readonly term: EntityTerm;
  readonly cell: TableCell | undefined;
  readonly claim: Claim | undefined;
  readonly relations: readonly ArmRelation[];
  readonly reading: ArmReading;
  /** The relation by which the arm causes the condition, when that is all its cell says. */
  readonly cause: ArmRelation | undefined;
}

/** A comparative row read once: its arms, its outcome and its evidence columns' claims. */
interface RowReading extends RowPlace {
  readonly arms: readonly Arm[];
  readonly outcome: EntityTerm | undefined;
  readonly evidence: readonly Claim[];
}

/**
 * Reads every arm's cell: first the relations each states (the outcome is the one they
 * change most), then how each arm fared given that outcome.
 */
function readRow(
  ctx: ExtractContext,
  place: RowPlace,
  columns: readonly Column[],
  cellClaims: readonly Claim[],
): RowReading {
  const { row, condition } = place;
  const cellOf = (column: Column) => row.cells[column.index - 2];
  const claimOf = (column: Column) => {
    const cell = cellOf(column);
    return cellClaims.find((c) => cell && c.table?.columnIndex === cell.columnIndex);
  };
  const stated = columns
    .filter((c) => c.subject !== undefined)
    .map((column) => {
      const claim = claimOf(column);
      const relations = claim && !claim.status ? readArmRelations(ctx, claim.text, condition) : [];
      return { term: column.subject as EntityTerm, cell: cellOf(column), claim, relations };
    });
  const evidence = columns
    .filter((c) => !c.subject)
    .map(claimOf)
    .filter((c) => c !== undefined);
  const outcome = rowOutcome(
    ctx,
    row.label.display.text,
    stated.map((a) => a.relations),
    [...stated.map((a) => a.cell?.display.text ?? ""), ...evidence.map((c) => c.text)],
  );
  const terms = stated.map((a) => a.term);
  const arms = stated.map((a): Arm => {
    const reading = readArm(ctx, a.term, condition, outcome, a.claim, terms);
    // An arm whose cell says it causes the condition has no result: its claim says so instead.
    const cause =
      reading.result === "NoResult"
        ? a.relations.find((r) => r.predicate === "causes" && r.object.id === condition.id)
        : undefined;
    return { ...a, reading, cause };
  });
  return { ...place, arms, outcome, evidence };
}

/** A cell's claim, or for an arm that causes the condition, the claim that says so. */
function restatedCause(ctx: ExtractContext, read: RowReading, claim: Claim): Claim {
  const arm = read.arms.find((a) => a.claim === claim);
  if (!arm?.cause || !arm.cell) return claim;
  const { cell, term, cause } = arm;
  return relationClaim(ctx, { cell, claim, arm: term, condition: read.condition }, cause, true);
}

/** The relations an arm's cell states, but the cause its claim already restates. */
function armRelationClaims(ctx: ExtractContext, read: RowReading, arm: Arm): Claim[] {
  const { cell, claim, term } = arm;
  if (!claim || !cell) return [];
  return arm.relations
    .filter((r) => r !== arm.cause)
    .map((r) =>
      relationClaim(ctx, { cell, claim, arm: term, condition: read.condition }, r, false),
    );
}

/** One comparison for each pair of arms (in column order) that are not the same entity. */
function comparisons(ctx: ExtractContext, read: RowReading): Claim[] {
  const results = read.arms.map(({ claim, cause }) =>
    claim && !claim.status && !cause ? claim.id : undefined,
  );
  return read.arms.flatMap((a, i) =>
    read.arms.slice(i + 1).flatMap((b, j) => {
      if (a.reading.term.id === b.reading.term.id) return [];
      const armResults = [results[i], results[i + 1 + j]].filter((id) => id !== undefined);
      return [comparisonClaim(ctx, read, a.reading, b.reading, armResults)];
    }),
  );
}

/**
 * What the row's value cell says of the comparison when no arm's cell names the other arm
 * ("… than sertraline"): "No head-to-head comparison" makes it not compared, "No significant
 * difference between the two drugs" similar where the arms left it unclear. An arm that names
 * the other decides before it.
 */
function rowSays(
  ctx: ExtractContext,
  evidence: readonly Claim[],
  read: { direction: Direction; favours: EntityTerm | undefined },
  named: boolean,
): { direction: Direction; favours: EntityTerm | undefined } {
  if (named) return read;
  const says = (kind: "not-compared" | "similar") =>
    evidence.some((c) => !c.status && ctx.lexicon.hasCue(kind, c.text));
  if (read.direction !== "NotCompared" && says("not-compared"))
    return { direction: "NotCompared", favours: undefined };
  if (read.direction === "Unclear" && says("similar"))
    return { direction: "Similar", favours: undefined };
  return read;
}

/** Arm `a` compared with arm `b` for the row's condition and outcome. */
function comparisonClaim(
  ctx: ExtractContext,
  { table, row, condition, outcome, arms, evidence }: RowReading,
  a: ArmReading,
  b: ArmReading,
  armResults: string[],
): Claim {
  const named = a.than !== undefined || b.than !== undefined;
  const { direction, favours } = rowSays(ctx, evidence, directionOf(a, b, arms.length), named);
  return makeClaim(ctx, {
    kind: "comparative",
    subject: a.term,
    predicate: predicateTerm(ctx.lexicon, "comparedWith"),
    object: b.term,
    segment: { citations: row.cells.flatMap((c) => c.citations), section: row.label.section },
    quote: row.span,
    text: `${row.label.display.text}: ${a.term.label} vs ${b.term.label}`,
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
      evidence: evidence[0]?.id,
    },
    guesses: outcome?.unnormalised ? ["MintedEntity"] : [],
  });
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
