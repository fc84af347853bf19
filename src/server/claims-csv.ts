/**
 * `/api/claims.csv`: every row of the claims table the query's filters leave, in its sort
 * order, as CSV streamed with backpressure, at most MAX_CSV_ROWS rows; when more match, the
 * file's name says so ("claims-first-100000-of-123456.csv"), and so does X-Claimgraph-Rows.
 */
import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { toCsv } from "../base/csv.ts";
import {
  CLAIM_CSV_HEADER,
  claimCsvFields,
  claimCsvName,
  MAX_CSV_ROWS,
} from "../projection/claim-csv.ts";
import { type ClaimQuery, claimPage } from "../projection/claim-page.ts";
import type { ClaimRow } from "../projection/claim-rows.ts";
import { SECURITY_HEADERS } from "./headers.ts";

/** Rows written per chunk. */
const CHUNK = 1000;

export interface ClaimsCsv {
  /** The file's name (says where it was cut). */
  readonly name: string;
  readonly saved: number;
  readonly total: number;
  /** The CSV text, a chunk of rows at a time (the header first). */
  readonly chunks: Iterable<string>;
}

/** The CSV of the rows `query` leaves (its page and focus aside), at most `max` rows. */
export function claimsCsv(
  rows: readonly ClaimRow[],
  query: ClaimQuery,
  max = MAX_CSV_ROWS,
): ClaimsCsv {
  const page = claimPage(rows, { ...query, offset: 0, limit: max, focus: null });
  return {
    name: claimCsvName(page.rows.length, page.total),
    saved: page.rows.length,
    total: page.total,
    chunks: csvChunks(page.rows),
  };
}

function* csvChunks(rows: readonly ClaimRow[]): Iterable<string> {
  yield toCsv(CLAIM_CSV_HEADER, []);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const fields = rows.slice(i, i + CHUNK).map(claimCsvFields);
    // toCsv writes a header line first: the chunk's first record takes its place.
    yield toCsv(fields[0] as string[], fields.slice(1));
  }
}

/** Sends the CSV as an attachment, streamed; HEAD gets the headers alone. */
export async function sendClaimsCsv(
  res: ServerResponse,
  csv: ClaimsCsv,
  head: boolean,
): Promise<void> {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${csv.name}"`,
    "X-Claimgraph-Rows": `${csv.saved} of ${csv.total}`,
    "Cache-Control": "no-store",
  });
  if (head) {
    res.end();
    return;
  }
  await pipeline(Readable.from(csv.chunks, { objectMode: false }), res);
}
