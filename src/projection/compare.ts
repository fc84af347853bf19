/**
 * `claimgraph compare`'s model (#15): the comparison matrix (matrix.ts) cut to the drugs asked
 * for, across every loaded document. A drug's column also holds what is said of the classes it
 * is a member of (a source table's column "SSRIs (e.g., Fluoxetine)" speaks of the class), each
 * such claim naming the class it came through. Every cell lists all its claims with their
 * quotes and their citations resolved to the works behind them; a row is kept when one of the
 * drugs has a claim or a null cell in it, and rows come in the order these drugs' claims first
 * appear (features first), so nothing said of other drugs changes a comparison. Agreement (support, conflicts) is added by one
 * function, compare-agreement.ts, so this model does not depend on how it is found.
 */
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { compare as byText } from "./claim-rows.ts";
import { comparisonMatrix, type MatrixClaim, type MatrixRow } from "./matrix.ts";

export interface Named {
  readonly id: string;
  readonly label: string;
}

/** A drug (or class) asked for, and the classes whose claims its column also shows. */
export interface CompareColumn extends Named {
  readonly type: string;
  readonly via: readonly Named[];
}

/** A citation marker of a claim, resolved: the reference entry and the work behind it. */
export interface CompareCitation {
  /** The marker's number in its document ([n]); null when the claim cites a work directly. */
  readonly number: number | null;
  readonly title: string;
  readonly host: string | null;
  readonly work: string | null;
}

export interface CompareClaim {
  readonly id: string;
  /** What the cell says: the object or value of a feature, how for an effect. */
  readonly text: string;
  /** The words of the document the claim was read from. */
  readonly quote: string;
  readonly citations: readonly CompareCitation[];
  readonly document: Named;
  /** A null cell's status (NotStated, NotTested), else null. */
  readonly status: string | null;
  /** The class the claim is about when the column's drug inherits it; null for the drug's own. */
  readonly via: Named | null;
}

export interface CompareCell {
  /** "claims"; "null" when every claim is a null cell ("Not applicable"); "empty" without claims. */
  readonly state: "claims" | "null" | "empty";
  readonly claims: readonly CompareClaim[];
}

export interface CompareRow {
  readonly key: string;
  readonly kind: "feature" | "effect";
  readonly predicate: Named;
  readonly effect: Named | null;
  /** One cell per column, in the columns' order. */
  readonly cells: readonly CompareCell[];
}

export interface Comparison {
  readonly columns: readonly CompareColumn[];
  readonly rows: readonly CompareRow[];
  /** The documents the cells' claims come from, by title. */
  readonly documents: readonly Named[];
}

/** The feature × drug matrix of `drugs` (entity IRIs of drugs or drug classes), in that order. */
export function comparison(kg: KnowledgeGraph, drugs: readonly string[]): Comparison {
  const columns = drugs.map((id) => columnOf(kg, id));
  // Every claim of every cell of these drugs and their classes only: a comparison is asked
  // of a few drugs, and shows them whole.
  const matrix = comparisonMatrix(kg, {
    columns: Number.POSITIVE_INFINITY,
    claimsPerCell: Number.POSITIVE_INFINITY,
    only: new Set(comparedSubjects(columns)),
  });
  const at = new Map(matrix.columns.map((c, i) => [c.id, i]));
  const rows = matrix.rows
    .map((row) => ({
      key: row.key,
      kind: row.kind,
      predicate: row.predicate,
      effect: row.effect,
      cells: columns.map((col) => cellOf(kg, row, col, at)),
    }))
    .filter((row) => row.cells.some((c) => c.state !== "empty"))
    .map((row) => ({ row, first: firstClaim(kg, row) }))
    .sort(
      (a, b) =>
        (a.row.kind === b.row.kind ? 0 : a.row.kind === "feature" ? -1 : 1) ||
        placeOrder(a.first, b.first) ||
        byText(a.row.key, b.row.key),
    )
    .map(({ row }) => row);
  const documents = new Map<string, Named>();
  for (const row of rows)
    for (const cell of row.cells)
      for (const c of cell.claims) documents.set(c.document.id, c.document);
  return {
    columns,
    rows,
    documents: [...documents.values()].sort((a, b) => byText(a.label, b.label)),
  };
}

/**
 * The subjects a comparison's cells hold claims of: each column's drug or class and the
 * classes it is a member of (whose agreement is all the cells need: every rule compares
 * within a subject).
 */
export function comparedSubjects(columns: readonly CompareColumn[]): string[] {
  return columns.flatMap((col) => [col.id, ...col.via.map((v) => v.id)]);
}

/** Where a claim stands: its document's title, line and column, and its IRI. */
type Place = readonly [string, number, number, string];

/**
 * The place of a row's first claim among the compared columns' cells: rows are in the order
 * these drugs' claims first appear, whatever other drugs the knowledge base holds (so a store
 * answers with what is said of these drugs only).
 */
function firstClaim(kg: KnowledgeGraph, row: CompareRow): Place {
  let first: Place | undefined;
  for (const cell of row.cells)
    for (const c of cell.claims) {
      const at = kg.claim(c.id)?.location;
      const place: Place = [c.document.label, at?.line ?? 0, at?.column ?? 0, c.id];
      if (!first || placeOrder(place, first) < 0) first = place;
    }
  return first ?? ["", 0, 0, ""];
}

function placeOrder(a: Place, b: Place): number {
  return byText(a[0], b[0]) || a[1] - b[1] || a[2] - b[2] || byText(a[3], b[3]);
}

function columnOf(kg: KnowledgeGraph, id: string): CompareColumn {
  const via: Named[] = [];
  kg.graph.forEachOutEdge(id, (_, edge, __, target) => {
    if (edge.kind === "memberOf") via.push({ id: target, label: kg.label(target) });
  });
  via.sort((a, b) => byText(a.label, b.label) || byText(a.id, b.id));
  return { id, label: kg.label(id), type: kg.entity(id)?.type ?? "Drug", via };
}

/** The column's own claims in the row, then those of its classes, class by class. */
function cellOf(
  kg: KnowledgeGraph,
  row: MatrixRow,
  column: CompareColumn,
  at: ReadonlyMap<string, number>,
): CompareCell {
  const from = (id: string, via: Named | null): CompareClaim[] => {
    const cell = row.cells[at.get(id) ?? -1];
    return (cell?.claims ?? []).map((c) => claimOf(kg, c, via));
  };
  const claims = [from(column.id, null), ...column.via.map((v) => from(v.id, v))].flat();
  if (claims.length === 0) return { state: "empty", claims };
  return { state: claims.every((c) => c.status !== null) ? "null" : "claims", claims };
}

function claimOf(kg: KnowledgeGraph, c: MatrixClaim, via: Named | null): CompareClaim {
  const node = kg.claim(c.id);
  return {
    id: c.id,
    text: c.text,
    quote: node?.quote?.exact ?? c.text,
    citations: (node?.citations ?? []).map((r) => citationOf(kg, r)),
    document: c.document,
    status: c.status,
    via,
  };
}

function citationOf(kg: KnowledgeGraph, iri: string): CompareCitation {
  const ref = kg.reference(iri);
  if (ref)
    return {
      number: ref.number ?? null,
      title: ref.title,
      host: ref.host ?? null,
      work: ref.work ?? null,
    };
  const work = kg.work(iri);
  return { number: null, title: work?.title ?? kg.label(iri), host: null, work: iri };
}
