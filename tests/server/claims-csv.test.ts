// "Download all (CSV)" on the server (src/server/claims-csv.ts): every row the filters leave,
// in the table's order and with the table's texts, streamed as an attachment over HTTP; cut at
// a bound, with the file's name saying where.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { MAX_CSV_ROWS } from "../../src/projection/claim-csv.ts";
import { type ClaimPage, DEFAULT_CLAIM_QUERY } from "../../src/projection/claim-page.ts";
import { claimsCsv } from "../../src/server/claims-csv.ts";
import { claimRowsOf } from "../../src/server/claims-query.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/server/server.ts";
import { rawRequest, SEED_KB, serveKb } from "../helpers/serve.ts";

let server: RunningServer;

beforeAll(async () => {
  server = await serveKb();
});
afterAll(() => server?.close());

describe("/api/claims.csv", () => {
  it("streams every row the filters leave, in the table's order, as an attachment", async () => {
    const params = new URLSearchParams({ q: "desipramine", sort: "subject", dir: "desc" });
    const r = await rawRequest(server.url, `/api/claims.csv?${params}`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(r.headers["content-disposition"]).toBe('attachment; filename="claims.csv"');
    expect(r.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
    const page = JSON.parse(
      (await rawRequest(server.url, `/api/claims?${params}&limit=500`)).body,
    ) as ClaimPage;
    const lines = r.body.split("\r\n");
    expect(lines[0]).toBe(
      "Subject,Predicate,Object or value,Citations,Evidence type,Document,Line,Claim",
    );
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(1, -1).map((l) => l.split(",").at(-1))).toEqual(
      page.rows.map((row) => row.id),
    );
    expect(r.headers["x-claimgraph-rows"]).toBe(`${page.total} of ${page.total}`);
  });

  it("cuts at its bound and names the file for it", async () => {
    expect(MAX_CSV_ROWS).toBe(100_000);
    const rows = claimRowsOf(await openKnowledgeGraph([SEED_KB]));
    const csv = claimsCsv(rows, DEFAULT_CLAIM_QUERY, 5);
    expect(csv.saved).toBe(5);
    expect(csv.total).toBe(rows.length);
    expect(csv.name).toBe(`claims-first-5-of-${rows.length}.csv`);
    expect([...csv.chunks].join("").split("\r\n")).toHaveLength(1 + 5 + 1);
  });
});
