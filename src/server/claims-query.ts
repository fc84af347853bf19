/**
 * The claims table's route, `/api/claims`: its query parameters read into a bounded query
 * (a page holds at most MAX_CLAIM_PAGE rows, the text filter at most MAX_FILTER_LENGTH
 * characters, the hidden legend types at most MAX_HIDDEN_TYPES; an unknown column sorts by
 * document), and the rows built once per graph.
 */
import { agreementOf } from "../agreement/agreement.ts";
import type { GraphIndex, KnowledgeGraph } from "../graph/knowledge-graph.ts";
import {
  CLAIM_COLUMNS,
  type ClaimColumn,
  type ClaimPage,
  type ClaimQuery,
  claimPage,
  DEFAULT_CLAIM_QUERY,
} from "../projection/claim-page.ts";
import { type ClaimRow, claimRows } from "../projection/claim-rows.ts";
import { comparisonMatrix } from "../projection/matrix.ts";
import { type AgreedMatrix, matrixWithAgreement } from "../projection/matrix-agreement.ts";

/** Rows one answer holds at most. */
export const MAX_CLAIM_PAGE = 500;
/** Characters of the text filter read (the rest is ignored). */
export const MAX_FILTER_LENGTH = 200;
/** Hidden legend keys read (the rest is ignored), and characters of the list read. */
export const MAX_HIDDEN_TYPES = 64;
const MAX_HIDE_LENGTH = 4096;

export function claimQuery(q: (name: string) => string): ClaimQuery {
  const sort = q("sort");
  return {
    text: q("q").slice(0, MAX_FILTER_LENGTH),
    sort: (CLAIM_COLUMNS as readonly string[]).includes(sort)
      ? (sort as ClaimColumn)
      : DEFAULT_CLAIM_QUERY.sort,
    descending: q("dir") === "desc",
    offset: whole(q("offset"), 0, Number.MAX_SAFE_INTEGER, 0),
    limit: whole(q("limit"), 1, MAX_CLAIM_PAGE, DEFAULT_CLAIM_QUERY.limit),
    focus: q("focus") || null,
    hideWeak: q("weak") === "hide",
    hiddenTypes: new Set(
      q("hide")
        .slice(0, MAX_HIDE_LENGTH)
        .split(",")
        .filter((k) => k !== "")
        .slice(0, MAX_HIDDEN_TYPES),
    ),
    uncitedOnly: q("uncited") === "1",
    document: q("doc") || null,
  };
}

/** A whole number in [min, max] from its decimal digits, else `fallback`. */
function whole(text: string, min: number, max: number, fallback: number): number {
  if (!/^\d{1,16}$/.test(text)) return fallback;
  return Math.min(max, Math.max(min, Number(text)));
}

/** The table's rows and the matrix (with its agreement badges), built once per graph and kept with it. */
const CLAIM_ROWS: GraphIndex<readonly ClaimRow[]> = { name: "claim rows", build: claimRows };
const MATRIX: GraphIndex<AgreedMatrix> = {
  name: "comparison matrix",
  build: (kg) => matrixWithAgreement(kg, comparisonMatrix(kg), agreementOf(kg)),
};

/** Every claim as a row of the table, built once per graph. */
export function claimRowsOf(kg: KnowledgeGraph): readonly ClaimRow[] {
  return kg.index(CLAIM_ROWS);
}

/** The page of the claims table `query` asks for. */
export function claimsAnswer(kg: KnowledgeGraph, query: ClaimQuery): ClaimPage {
  return claimPage(claimRowsOf(kg), query);
}

/** The comparison matrix, computed once per graph. */
export function matrixAnswer(kg: KnowledgeGraph): AgreedMatrix {
  return kg.index(MATRIX);
}
