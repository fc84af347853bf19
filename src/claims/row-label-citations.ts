/**
 * A citation marker in a table's row label ("<b>Seizures [1]</b>") cites for its row: every
 * claim read from that row cites it too. The template puts markers in row labels; which of
 * the row's cells such a marker covers is the reader's inference, so a claim whose own words
 * do not hold the marker records the guess CitationFromRowLabel (the audit lists it for
 * review). The row's comparative claims quote the whole row, label included: no guess.
 */
import type { CitationMarker, ParsedDocument } from "../document/types.ts";
import type { Claim, Guess } from "./types.ts";

const GUESS: Guess = "CitationFromRowLabel";

export function withRowLabelCitations(document: ParsedDocument, claims: readonly Claim[]): Claim[] {
  const byRow = new Map<string, readonly CitationMarker[]>();
  for (const table of document.tables)
    for (const row of table.rows)
      if (row.label.citations.length > 0)
        byRow.set(`${table.index}:${row.index}`, row.label.citations);
  if (byRow.size === 0) return [...claims];
  return claims.map((claim) => {
    const place = claim.table;
    const markers = place ? byRow.get(`${place.table}:${place.rowIndex}`) : undefined;
    const added = (markers ?? []).filter((m) => !claim.citations.includes(m.number));
    if (added.length === 0) return claim;
    const quoted = added.every(
      (m) => claim.quote.start <= m.span.start && m.span.end <= claim.quote.end,
    );
    return {
      ...claim,
      citations: [...new Set([...claim.citations, ...added.map((m) => m.number)])].sort(
        (a, b) => a - b,
      ),
      guesses: quoted ? claim.guesses : [...new Set([...claim.guesses, GUESS])].sort(),
    };
  });
}

/** Whether `marker` stands in a row label whose row gave a claim that cites it. */
export function carriedByRow(
  document: ParsedDocument,
  claims: readonly Claim[],
  marker: CitationMarker,
): boolean {
  for (const table of document.tables)
    for (const row of table.rows) {
      if (!row.label.citations.includes(marker)) continue;
      return claims.some(
        (c) =>
          c.table?.table === table.index &&
          c.table.rowIndex === row.index &&
          c.citations.includes(marker.number),
      );
    }
  return false;
}
