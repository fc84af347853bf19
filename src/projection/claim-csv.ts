/**
 * The claims table as CSV: its header and each row's fields, the same texts the table shows
 * (and the claim's IRI last), for the page the viewer saves and for the whole download the
 * server streams. Bidirectional controls are dropped (they would reorder a spreadsheet's text).
 */
import { withoutBidiControls } from "../base/bidi.ts";
import { citationText } from "./claim-page.ts";
import type { ClaimRow } from "./claim-rows.ts";

/** Rows "Download all (CSV)" saves at most; beyond, the file's name says where it was cut. */
export const MAX_CSV_ROWS = 100_000;

export const CLAIM_CSV_HEADER: readonly string[] = [
  "Subject",
  "Predicate",
  "Object or value",
  "Citations",
  "Evidence type",
  "Document",
  "Line",
  "Claim",
];

/** The texts of a row's cells as the table shows them. */
export function claimCells(r: ClaimRow): string[] {
  return [
    r.subject,
    r.predicate,
    r.status ? `${r.object} (${spaced(r.status)})` : r.object,
    citationText(r),
    r.evidence,
    r.document.label,
    r.line === null ? "" : String(r.line),
  ];
}

/** A row's CSV fields (before quoting): its cells, then the claim's IRI. */
export function claimCsvFields(r: ClaimRow): string[] {
  return [...claimCells(r), r.id].map(withoutBidiControls);
}

/** The download's file name: "claims.csv", or where it was cut when the rows were more. */
export function claimCsvName(saved: number, total: number): string {
  return saved < total ? `claims-first-${saved}-of-${total}.csv` : "claims.csv";
}

/** "NotStated" → "not stated". */
function spaced(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
