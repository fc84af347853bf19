/** The one order trace, audit and the server list claims in: document order. */
import type { ClaimNode } from "../graph/types.ts";

/** Document order: by document, then line and column. */
export function sortClaims(claims: readonly ClaimNode[]): ClaimNode[] {
  return [...claims].sort(
    (a, b) =>
      (a.location.document < b.location.document
        ? -1
        : a.location.document > b.location.document
          ? 1
          : 0) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      (a.iri < b.iri ? -1 : 1),
  );
}
