/**
 * Table claims: every data cell is a claim. How a cell reads depends on the table's
 * kind (`ontology/lexicon/tables.tsv`): in a feature table the row names the predicate
 * and the cell the object; in an adverse-effect table the row names the effect and the
 * cell its risk; in a comparative table the row names the condition, each entity column
 * is an arm, and the row as a whole also becomes a comparative claim.
 */
import type { Table, TableCell } from "../document/types.ts";
import { uncovered } from "../lexicon/lexicon.ts";
import type { EntityType, TableKind } from "../lexicon/types.ts";
import { normaliseLabel } from "../slug.ts";
import { comparativeClaim } from "./comparative.ts";
import { type ExtractContext, makeClaim } from "./context.ts";
import {
  entityTerm,
  headOf,
  mentionTerms,
  mintedEntity,
  parentheticals,
  predicateTerm,
  resolveLabel,
} from "./terms.ts";
import type { Claim, EntityTerm, Membership, PredicateTerm, TablePlace, Term } from "./types.ts";

export interface Column {
  readonly index: number;
  readonly label: string;
  /** The entity the column is about; undefined for a value column such as "Key Experimental Data". */
  readonly subject: EntityTerm | undefined;
  /** For a value column: the predicate its header names. */
  readonly predicate: PredicateTerm | undefined;
  readonly memberships: readonly Membership[];
}

export interface TableClaims {
  readonly claims: Claim[];
  readonly memberships: Membership[];
}

const ARM_SUFFIX = /\s*\bperformance\b\s*/i;
const EXAMPLE = /^\s*e\.g\.,?\s*/i;

export function tableClaims(ctx: ExtractContext, table: Table): TableClaims {
  const { lexicon } = ctx;
  const first = table.header[0];
  const kind = lexicon.tableKind(first?.display.text ?? "");
  const columns = table.header.slice(1).map((cell) => readColumn(ctx, cell));
  const claims: Claim[] = [];
  for (const row of table.rows) {
    const rowLabel = row.label.display.text;
    const rowClaims: Claim[] = [];
    const place = (cell: TableCell): TablePlace => ({
      table: table.index,
      rowIndex: row.index,
      rowLabel,
      columnIndex: cell.columnIndex,
      columnLabel: columns[cell.columnIndex - 2]?.label ?? "",
    });
    const rowEntity = rowEntityOf(ctx, kind, rowLabel);
    const rowPredicate = predicateTerm(lexicon, rowLabel);
    row.cells.forEach((cell, k) => {
      const column = columns[k];
      const text = cell.display.text;
      if (!column || text === "") return;
      const mentions = mentionTerms(lexicon.mentions(text));
      const base = { segment: cell, quote: cell.span, text, table: place(cell), mentions };
      if (!column.subject) {
        const subject: Term = rowEntity ?? documentNode(ctx);
        const predicate = column.predicate ?? predicateTerm(lexicon, column.label);
        rowClaims.push(
          makeClaim(ctx, {
            ...base,
            kind: "table",
            subject,
            predicate,
            object: { kind: "literal", value: text },
          }),
        );
        return;
      }
      if (kind === "feature") {
        const objectType = lexicon.predicate(rowLabel)?.objectType;
        const { object, qualifier } = cellObject(ctx, text, objectType);
        rowClaims.push(
          makeClaim(ctx, {
            ...base,
            kind: "table",
            subject: column.subject,
            predicate: rowPredicate,
            object,
            qualifier,
            value: object.kind === "entity" ? text : undefined,
          }),
        );
        return;
      }
      const predicate = predicateTerm(
        lexicon,
        kind === "adverse-effect" ? "adverseEffectRisk" : "performanceIn",
      );
      rowClaims.push(
        makeClaim(ctx, {
          ...base,
          kind: "table",
          subject: column.subject,
          predicate,
          object: rowEntity as EntityTerm,
          value: text,
        }),
      );
    });
    claims.push(...rowClaims);
    if (kind === "comparative") {
      const comparative = comparativeClaim(
        ctx,
        table,
        row,
        columns,
        rowEntity as EntityTerm,
        rowClaims,
      );
      if (comparative) claims.push(comparative);
    }
  }
  return { claims, memberships: columns.flatMap((c) => c.memberships) };
}

/** What a column header names: an arm or subject entity (with its class), or a value. */
export function readColumn(ctx: ExtractContext, cell: TableCell): Column {
  const { lexicon } = ctx;
  const label = cell.display.text;
  const value = (predicate: PredicateTerm): Column => ({
    index: cell.columnIndex,
    label,
    subject: undefined,
    predicate,
    memberships: [],
  });
  const known = lexicon.predicate(label);
  if (known) return value(predicateTerm(lexicon, label));
  const isArm = ARM_SUFFIX.test(label);
  const heading = label.replace(ARM_SUFFIX, " ").trim();
  const mentions = lexicon.mentions(heading);
  const drugs = mentions.filter((m) => m.entity.type === "Drug").map((m) => entityTerm(m.entity));
  const classes = mentions
    .filter((m) => m.entity.type === "DrugClass")
    .map((m) => entityTerm(m.entity));
  const head = headOf(heading);
  const uncoveredParens = parentheticals(heading)
    .map((p) => p.replace(EXAMPLE, "").trim())
    .filter((p) => p !== "" && uncovered(p, lexicon.mentions(p)) !== "");
  const example = parentheticals(heading).some((p) => EXAMPLE.test(p));
  const memberships: Membership[] = [];
  const column = (subject: EntityTerm): Column => ({
    index: cell.columnIndex,
    label,
    subject,
    predicate: undefined,
    memberships,
  });
  const group = classes[0];
  if (example && group) {
    const examples = drugs.length > 0 ? drugs : uncoveredParens.map((p) => mintedEntity(p, "Drug"));
    for (const e of examples) {
      memberships.push({ member: e, group, relation: "exampleMember" });
      memberships.push({ member: e, group, relation: "memberOf" });
    }
    return column(group);
  }
  let subject: EntityTerm | undefined = drugs[0];
  if (!subject && group) {
    const headCovered = uncovered(head, lexicon.mentions(head)) === "";
    const paren = uncoveredParens[0];
    if (paren) subject = mintedEntity(paren, "Drug");
    else if (!headCovered) subject = mintedEntity(head, "Drug");
    else subject = group;
  }
  if (!subject && (isArm || mentions.length > 0)) subject = resolveLabel(lexicon, head, "Drug");
  if (!subject) return value(predicateTerm(lexicon, label));
  if (group && subject !== group)
    memberships.push({ member: subject, group, relation: "memberOf" });
  return column(subject);
}

/** The object a cell names: an entity when its words are all a lexicon name, else its text. */
function cellObject(
  ctx: ExtractContext,
  text: string,
  objectType: EntityType | undefined,
): { object: Term; qualifier: string | undefined } {
  const { lexicon } = ctx;
  const literal = { object: { kind: "literal", value: text } as Term, qualifier: undefined };
  if (lexicon.cues("null").some((c) => normaliseLabel(c.phrase) === normaliseLabel(text)))
    return literal;
  const mentions = lexicon.mentions(text);
  const qualifiers = parentheticals(text).filter((p) => uncovered(p, lexicon.mentions(p)) !== "");
  const qualifier = qualifiers.length > 0 ? qualifiers.join("; ") : undefined;
  if (mentions.length > 0 && uncovered(text, mentions) === "") {
    const best = mentions.find((m) => m.entity.type === objectType) ?? mentions[0];
    if (best) return { object: entityTerm(best.entity), qualifier };
  }
  const head = headOf(text);
  if (objectType && mentions.length === 0 && head !== "") {
    return { object: mintedEntity(head, objectType), qualifier };
  }
  return literal;
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
