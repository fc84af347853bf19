/**
 * Table claims: every data cell is a claim. How a cell reads depends on the table's
 * kind (its first header, `ontology/lexicon/tables.tsv`) and the column's role (see
 * `columns.ts`): in a feature table the row names the predicate and the cell its
 * objects; in an adverse-effect table the row names the effect and the cell its
 * frequency; in a comparative table the row names the condition, each subject column is
 * an arm, and the row as a whole also becomes comparative claims. A null cell asserts
 * nothing: it is kept, with its quote, as a not-stated or not-tested claim.
 */

import { normaliseLabel } from "../base/slug.ts";
import type { Table, TableRow } from "../document/types.ts";
import type { TableKind } from "../lexicon/types.ts";
import { readObjects } from "./cell-objects.ts";
import { nullStatus, readFrequency, readPhrase } from "./cells.ts";
import { type Column, readColumns } from "./columns.ts";
import { comparativeRowClaims } from "./comparative.ts";
import { type ClaimInput, type ExtractContext, makeClaim } from "./context.ts";
import { tablePlace } from "./table-place.ts";
import { entityTerm, mentionTerms, predicateTerm, resolveLabel } from "./terms.ts";
import type { Claim, EntityTerm, Membership, PredicateTerm, Term } from "./types.ts";

export type { Column } from "./columns.ts";

export interface TableClaims {
  readonly claims: Claim[];
  readonly memberships: Membership[];
}

type CellInput = Pick<ClaimInput, "segment" | "quote" | "text" | "table" | "mentions">;

export function tableClaims(ctx: ExtractContext, table: Table): TableClaims {
  const { lexicon } = ctx;
  const kind = lexicon.tableKind(table.header[0]?.display.text ?? "");
  const columns = readColumns(ctx, table.header);
  const claims: Claim[] = [];
  for (const row of table.rows) {
    const rowLabel = row.label.display.text;
    const rowEntity = rowEntityOf(ctx, kind, rowLabel);
    const rowClaims: Claim[] = [];
    row.cells.forEach((cell, k) => {
      const column = columns[k];
      if (!column) return;
      const text = cell.display.text;
      const base: CellInput = {
        segment: cell,
        // An empty cell has no text to quote: its row stands for it.
        quote: text === "" && cell.span.start === cell.span.end ? row.span : cell.span,
        text,
        table: tablePlace(table, row, cell),
        mentions: mentionTerms(lexicon.mentions(text)),
      };
      rowClaims.push(...cellClaims(ctx, kind, column, row, rowEntity, base));
    });
    if (kind === "comparative")
      claims.push(
        ...comparativeRowClaims(ctx, table, row, columns, rowEntity as EntityTerm, rowClaims),
      );
    else claims.push(...rowClaims);
  }
  return { claims, memberships: columns.flatMap((c) => c.memberships) };
}

/** Makes a claim of the cell at hand from what is read of it. */
type CellClaim = (input: Omit<ClaimInput, keyof CellInput | "kind">) => Claim;

/** The subject and predicate a cell's claims share, from its row and column. */
interface CellAbout {
  readonly subject: Term;
  readonly predicate: PredicateTerm;
}

function cellClaims(
  ctx: ExtractContext,
  kind: TableKind,
  column: Column,
  row: TableRow,
  rowEntity: EntityTerm | undefined,
  base: CellInput,
): Claim[] {
  const { lexicon } = ctx;
  const text = base.text;
  // On the adverse-effect scale "None" and "None reported" are a frequency, not an empty cell.
  const status = nullStatus(lexicon, text, kind === "adverse-effect" ? frequencyPhrases(ctx) : []);
  const literal: Term = { kind: "literal", value: text };
  const cell: CellClaim = (input) => makeClaim(ctx, { ...base, kind: "table", ...input });
  const about: CellAbout = {
    subject: column.subject ?? rowEntity ?? documentNode(ctx),
    predicate: column.subject
      ? predicateTerm(lexicon, rowPredicateName(kind, row))
      : (column.predicate ?? predicateTerm(lexicon, column.label)),
  };
  if (status) {
    const object = column.subject && kind !== "feature" ? (rowEntity as EntityTerm) : literal;
    return [cell({ ...about, object, status, value: text, readBy: "NullCellRule" })];
  }
  if (!column.subject) return [cell({ ...about, object: literal, readBy: "ValueColumnRule" })];
  if (kind === "adverse-effect")
    return [adverseEffectCell(ctx, cell, about, column.subject, rowEntity as EntityTerm, text)];
  if (kind === "comparative") {
    const condition = rowEntity as EntityTerm;
    return [cell({ ...about, object: condition, value: text, readBy: "ComparativeArmRule" })];
  }
  return featureCellClaims(ctx, cell, about, row, text);
}

/** An adverse-effect cell: the drug causes the row's effect, as often as the cell says. */
function adverseEffectCell(
  ctx: ExtractContext,
  cell: CellClaim,
  about: CellAbout,
  drug: EntityTerm,
  effect: EntityTerm,
  text: string,
): Claim {
  const { frequency, qualifier } = readFrequency(ctx.lexicon, text);
  return cell({
    ...about,
    object: effect,
    value: text,
    qualifier,
    statement: { kind: "adverseEffect", drug, effect, frequency },
    readBy: "AdverseEffectCellRule",
    guesses: frequency === "UnreadFrequency" ? ["UnreadValue"] : [],
  });
}

/**
 * A feature cell: one claim per object it names, each with its qualifiers; a cell that
 * names none is one literal, its qualifier apart when it has one.
 */
function featureCellClaims(
  ctx: ExtractContext,
  cell: CellClaim,
  about: CellAbout,
  row: TableRow,
  text: string,
): Claim[] {
  const { lexicon } = ctx;
  const objectType = lexicon.predicate(row.label.display.text)?.objectType;
  const read = readObjects(lexicon, text, objectType);
  if (!read) {
    const phrase = readPhrase(lexicon, text);
    if (phrase.qualifier === undefined)
      return [
        cell({ ...about, object: { kind: "literal", value: text }, readBy: "FeatureCellRule" }),
      ];
    const object: Term = { kind: "literal", value: phrase.value };
    const { qualifier } = phrase;
    return [cell({ ...about, object, value: text, qualifier, readBy: "FeatureCellRule" })];
  }
  return read.map((o) =>
    cell({
      ...about,
      object: o.term,
      value: text,
      qualifier: o.qualifiers.length > 0 ? o.qualifiers.join("; ") : undefined,
      readBy: "FeatureCellRule",
    }),
  );
}

/** The frequency cues, as `nullStatus` compares phrases: they are never null on the scale. */
function frequencyPhrases(ctx: ExtractContext): string[] {
  return ctx.lexicon.cues("frequency").map((c) => normaliseLabel(c.phrase));
}

function rowPredicateName(kind: TableKind, row: TableRow): string {
  if (kind === "adverse-effect") return "adverseEffectRisk";
  if (kind === "comparative") return "performanceIn";
  return row.label.display.text;
}

/** The entity a row label names: required for adverse-effect and comparative tables. */
function rowEntityOf(ctx: ExtractContext, kind: TableKind, label: string): EntityTerm | undefined {
  if (kind === "adverse-effect") return resolveLabel(ctx.lexicon, label, "AdverseEffect");
  if (kind === "comparative") return resolveLabel(ctx.lexicon, label, "Condition");
  const known = ctx.lexicon.lookup(label);
  return known ? entityTerm(known) : undefined;
}

function documentNode(ctx: ExtractContext): Term {
  return {
    kind: "document",
    id: ctx.document.id,
    label: ctx.document.header.title?.value ?? ctx.document.id,
  };
}
