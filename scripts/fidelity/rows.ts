/**
 * The rows fidelity compares: one fact per row, the same shape for what a curator wrote
 * (a gold file) and what claimgraph built (`observed.ts`). Each kind matches on its own
 * fields (`KEYS`); tests/fixtures/corpus/README.md describes every kind.
 */

export const KINDS = [
  "cell",
  "not-stated",
  "effect",
  "arm-result",
  "evidence",
  "comparison",
  "header",
  "membership",
  "prose",
  "relation",
  "study",
  "arm",
  "reference",
  "identifier",
] as const;

export type Kind = (typeof KINDS)[number];

/** The fields a row is matched on, beside its document and line. */
export type Field = "subject" | "predicate" | "object" | "qualifier" | "citations" | string;

export const KEYS: Readonly<Record<Kind, readonly Field[]>> = {
  cell: ["subject", "predicate", "object", "qualifier", "citations"],
  "not-stated": ["subject", "predicate"],
  effect: ["subject", "object", "frequency", "citations"],
  "arm-result": ["subject", "object", "outcome", "citations"],
  evidence: ["subject", "predicate", "citations"],
  comparison: ["subject", "object", "predicate", "direction", "favours", "citations"],
  header: ["subject", "predicate", "object"],
  membership: ["subject", "predicate", "object"],
  prose: ["subject", "citations"],
  relation: ["subject", "predicate", "object", "citations"],
  study: ["subject", "design", "n", "duration", "follow-up", "citations"],
  arm: ["subject", "object", "n", "dose", "unit", "route"],
  reference: ["subject", "object", "evidence"],
  identifier: ["subject", "object"],
};

/**
 * Attributes a gold row may record without being matched on them: a comparison's outcome is
 * scored with its arm results, so a comparison counts for its direction alone.
 */
export const NOTES: Readonly<Partial<Record<Kind, readonly string[]>>> = {
  comparison: ["outcome"],
};

/** Attributes whose value is a set (comma-separated), compared as sets. */
export const SET_ATTRIBUTES: ReadonlySet<string> = new Set(["design"]);

/** Kinds whose rows read one table cell: the ones a wrong asserted triple is counted for. */
export const CELL_KINDS: ReadonlySet<Kind> = new Set([
  "cell",
  "not-stated",
  "effect",
  "arm-result",
  "evidence",
]);

export interface FactRow {
  readonly kind: Kind;
  /** The document id (file name without .md). */
  readonly document: string;
  /** The file shown in listings. */
  readonly file: string;
  /** 1-based; undefined when the observed fact has no place (memberships today). */
  readonly line: number | undefined;
  /** The last line the observed quote covers (a sentence can run over several). */
  readonly endLine: number | undefined;
  /** Raw text: for gold, a piece of the line; for observed, the whole quoted span. */
  readonly quote: string;
  /** Each label field holds the names it may be matched by (gold: `a|b`; observed: label and synonyms). */
  readonly subject: readonly string[];
  readonly predicate: readonly string[];
  readonly object: readonly string[];
  readonly qualifier: string;
  /** Reference numbers, ascending, joined with ";" ("" when uncited). */
  readonly citations: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export function citationKey(numbers: Iterable<number | string>): string {
  return [...new Set([...numbers].map((n) => Number(n)))]
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b)
    .join(";");
}

/** A row as one line, for listings: `file:line kind subject | predicate | object {attrs}`. */
export function describeRow(row: FactRow): string {
  const attrs = Object.entries(row.attributes)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}=${v}`);
  if (row.qualifier) attrs.unshift(`qualifier=${row.qualifier}`);
  if (row.citations) attrs.push(`cites=${row.citations}`);
  const parts = [row.subject, row.predicate, row.object].map((p) => p[0] ?? "");
  const where = `${row.file}:${row.line ?? "-"}`;
  return `${where} ${row.kind} ${parts.join(" | ")}${attrs.length ? ` {${attrs.join(", ")}}` : ""}`;
}
