/**
 * The comparison matrix: drugs and drug classes (columns) × features and effects (rows),
 * rebuilt from the claims of every loaded document — the shape of the source tables, but
 * across documents. A column is an entity of type Drug or DrugClass that claims are about;
 * a row is a feature (a predicate: "primary target", whose cells list the objects) or an
 * effect (a predicate and an adverse effect, condition or outcome: "adverse effect risk ·
 * sedation", whose cells say how). A cell lists its claims with their citation numbers and
 * documents; a cell whose claims are all null cells ("not stated", "not tested") is "null",
 * a cell without claims "empty". Derived from the graph, never stored. Across many
 * documents it keeps the columns with the most claims and the first claims of a cell (the
 * counts say how many there are), so that it stays a table a person can read.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import type { ClaimNode } from "../graph/types.ts";
import { compare } from "./claim-rows.ts";

/** Entity types whose entities are the matrix's columns. */
const COLUMN_TYPES: ReadonlySet<string> = new Set(["Drug", "DrugClass"]);
/** Entity types that make an object a row of its own (an effect), not a cell's value. */
const EFFECT_TYPES: ReadonlySet<string> = new Set(["AdverseEffect", "Condition", "Outcome"]);

export interface MatrixLimits {
  /** Columns kept: those with the most claims. */
  readonly columns: number;
  /** Claims listed in one cell (in document order); `total` counts them all. */
  readonly claimsPerCell: number;
  /** The only drugs and classes that may be columns (compare's); any when undefined. */
  readonly only?: ReadonlySet<string>;
}

export const MATRIX_LIMITS: MatrixLimits = { columns: 30, claimsPerCell: 6 };

interface Named {
  readonly id: string;
  readonly label: string;
}

export interface MatrixColumn extends Named {
  /** Drug or DrugClass. */
  readonly type: string;
  readonly claims: number;
}

export interface MatrixRow {
  readonly key: string;
  readonly kind: "feature" | "effect";
  readonly predicate: Named;
  /** The effect an effect row is about; null for a feature. */
  readonly effect: Named | null;
  /** One cell per column, in the columns' order. */
  readonly cells: readonly MatrixCell[];
}

export interface MatrixCell {
  readonly state: "claims" | "null" | "empty";
  readonly claims: readonly MatrixClaim[];
  /** The cell's claims, listed or not. */
  readonly total: number;
}

export interface MatrixClaim {
  readonly id: string;
  /** What the cell says: the object or value for a feature, how (frequency, value, predicate) for an effect. */
  readonly text: string;
  readonly citations: ReadonlyArray<number | null>;
  readonly document: Named;
  /** A null cell's status (NotStated, NotTested). */
  readonly status: string | null;
}

export interface Matrix {
  readonly columns: readonly MatrixColumn[];
  /** Drugs and drug classes claims are about, shown or not. */
  readonly totalColumns: number;
  readonly rows: readonly MatrixRow[];
  /** The documents the matrix's claims come from (a claim names its document when several). */
  readonly documents: readonly Named[];
}

interface Placed {
  readonly claim: ClaimNode;
  readonly row: Omit<MatrixRow, "cells">;
  readonly column: string;
}

export function comparisonMatrix(kg: KnowledgeGraph, limits = MATRIX_LIMITS): Matrix {
  const all = placedClaims(kg, limits.only);
  const columns = columnsOf(kg, all);
  const shown = new Set(columns.slice(0, limits.columns).map((c) => c.id));
  const placed = all.filter((p) => shown.has(p.column));
  const rows = rowsOf(kg, placed);
  const cells = new Map<string, ClaimNode[]>();
  for (const p of placed) {
    const key = matrixCellKey(p.row.key, p.column);
    const list = cells.get(key);
    if (list) list.push(p.claim);
    else cells.set(key, [p.claim]);
  }
  const kept = columns.filter((c) => shown.has(c.id));
  const documents = new Map<string, Named>();
  for (const p of placed) documents.set(p.claim.location.document, docOf(kg, p.claim));
  return {
    columns: kept,
    totalColumns: columns.length,
    rows: rows.map((row) => ({
      ...row,
      cells: kept.map((col) =>
        cellOf(kg, row, cells.get(matrixCellKey(row.key, col.id)) ?? [], limits.claimsPerCell),
      ),
    })),
    documents: [...documents.values()].sort((a, b) => compare(a.label, b.label)),
  };
}

/** The claims about drugs and classes (those of `only`, when given), with their row and column. */
function placedClaims(kg: KnowledgeGraph, only: ReadonlySet<string> | undefined): Placed[] {
  const placed: Placed[] = [];
  kg.graph.forEachNode((_, c) => {
    if (c.kind === "claim" && (!only || only.has(c.subject)) && inMatrix(kg, c))
      placed.push({ claim: c, row: rowOf(kg, c), column: c.subject });
  });
  return placed;
}

function inMatrix(kg: KnowledgeGraph, c: ClaimNode): boolean {
  if (!COLUMN_TYPES.has(kg.entity(c.subject)?.type ?? "")) return false;
  // A sentence restated whole is no feature of the drug (the claims table lists it).
  return c.claimType !== "ProseClaim" || "iri" in c.object;
}

/** The cell a claim stands in, as `matrixCellKey` names cells; null when the matrix leaves it out. */
export function cellOfClaim(kg: KnowledgeGraph, c: ClaimNode): string | null {
  return inMatrix(kg, c) ? matrixCellKey(rowOf(kg, c).key, c.subject) : null;
}

/** A cell's key: its row's key and its column's id. */
export function matrixCellKey(row: string, column: string): string {
  return `${row}\n${column}`;
}

/** Features, then effects, each in the order of their first claim. */
function rowsOf(kg: KnowledgeGraph, placed: readonly Placed[]): Array<Omit<MatrixRow, "cells">> {
  const rows = new Map<string, Omit<MatrixRow, "cells"> & { first: ClaimNode }>();
  for (const { claim, row } of placed) {
    const known = rows.get(row.key);
    if (!known || before(kg, claim, known.first)) rows.set(row.key, { ...row, first: claim });
  }
  return [...rows.values()]
    .sort(
      (a, b) =>
        (a.kind === b.kind ? 0 : a.kind === "feature" ? -1 : 1) ||
        (before(kg, a.first, b.first) ? -1 : before(kg, b.first, a.first) ? 1 : 0) ||
        compare(a.key, b.key),
    )
    .map(({ first: _, ...row }) => row);
}

function rowOf(kg: KnowledgeGraph, c: ClaimNode): Omit<MatrixRow, "cells"> {
  const predicate = { id: c.predicate, label: kg.predicateLabel(c.predicate) };
  const object = "iri" in c.object ? kg.entity(c.object.iri) : undefined;
  if (object && EFFECT_TYPES.has(object.type)) {
    return {
      key: `${c.predicate} ${object.iri}`,
      kind: "effect",
      predicate,
      effect: { id: object.iri, label: object.label },
    };
  }
  return { key: c.predicate, kind: "feature", predicate, effect: null };
}

/** Columns with the most claims first, then by name. */
function columnsOf(kg: KnowledgeGraph, placed: readonly Placed[]): MatrixColumn[] {
  const counts = new Map<string, number>();
  for (const p of placed) counts.set(p.column, (counts.get(p.column) ?? 0) + 1);
  return [...counts.entries()]
    .map(([id, claims]) => ({
      id,
      label: kg.label(id),
      type: kg.entity(id)?.type ?? "Drug",
      claims,
    }))
    .sort((a, b) => b.claims - a.claims || compare(a.label, b.label) || compare(a.id, b.id));
}

function cellOf(
  kg: KnowledgeGraph,
  row: Omit<MatrixRow, "cells">,
  claims: readonly ClaimNode[],
  limit: number,
): MatrixCell {
  if (claims.length === 0) return { state: "empty", claims: [], total: 0 };
  const sorted = [...claims].sort((a, b) => (before(kg, a, b) ? -1 : before(kg, b, a) ? 1 : 0));
  return {
    state: claims.every((c) => c.status !== undefined) ? "null" : "claims",
    total: claims.length,
    claims: sorted.slice(0, limit).map((c) => ({
      id: c.iri,
      text: cellText(kg, row, c),
      citations: c.citations.map((r) => kg.reference(r)?.number ?? null),
      document: docOf(kg, c),
      status: c.status ?? null,
    })),
  };
}

/** A feature cell says what (the object or value); an effect cell says how. */
function cellText(kg: KnowledgeGraph, row: Omit<MatrixRow, "cells">, c: ClaimNode): string {
  if (row.kind === "feature") return "iri" in c.object ? kg.label(c.object.iri) : c.object.literal;
  return spaced(c.frequency ?? "") || c.value || row.predicate.label;
}

function docOf(kg: KnowledgeGraph, c: ClaimNode): Named {
  return { id: c.location.document, label: kg.label(c.location.document) };
}

/** Whether `a` stands before `b`: by document, line, column, then IRI. */
function before(kg: KnowledgeGraph, a: ClaimNode, b: ClaimNode): boolean {
  const order =
    compare(kg.label(a.location.document), kg.label(b.location.document)) ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0) ||
    compare(a.iri, b.iri);
  return order < 0;
}

/** "HighRisk" → "high risk". */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
