// The claims table's and the matrix's routes over HTTP on the seed: a page of claims with its
// counts, the text filter and the viewer's filters as parameters, the page holding a claim,
// bounded pages and filters (whatever the parameters say), the matrix of the seed, and the
// server's guards on both routes; the agreement's badges in the matrix, a claim's assertion in
// Details and a conflict with both sides (#15).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConflictRules } from "../../src/agreement/rules.ts";
import type { ConflictDetails } from "../../src/projection/agreement-details.ts";
import type { ClaimPage } from "../../src/projection/claim-page.ts";
import type { Matrix } from "../../src/projection/matrix.ts";
import type { AgreedMatrix } from "../../src/projection/matrix-agreement.ts";
import { MAX_CLAIM_PAGE } from "../../src/server/claims-query.ts";
import type { NodeDetails } from "../../src/server/contract.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { CONTENT_SECURITY_POLICY } from "../../src/server/server.ts";
import { rawRequest, serveKb } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;

let server: RunningServer;

beforeAll(async () => {
  server = await serveKb();
});
afterAll(() => server?.close());

async function getJson<T>(path: string, params: Record<string, string> = {}): Promise<T> {
  const query = new URLSearchParams(params).toString();
  const r = await rawRequest(server.url, query ? `${path}?${query}` : path);
  expect(r.status).toBe(200);
  expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(r.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
  return JSON.parse(r.body) as T;
}

describe("/api/claims", () => {
  it("answers the first 100 claims in document order, with the counts", async () => {
    const page = await getJson<ClaimPage>("/api/claims");
    expect(page.offset).toBe(0);
    expect(page.limit).toBe(100);
    expect(page.total).toBe(page.all);
    expect(page.rows).toHaveLength(Math.min(100, page.all));
  });

  it("filters by text and by the viewer's filters, sorts, and finds a claim's page", async () => {
    const found = await getJson<ClaimPage>("/api/claims", {
      q: "primary target",
      sort: "citations",
      dir: "desc",
    });
    expect(found.rows.map((r) => r.citations)).toEqual([[2], [1], []]);
    const strong = await getJson<ClaimPage>("/api/claims", { weak: "hide", limit: "500" });
    expect(strong.rows.some((r) => r.support === "weak")).toBe(false);
    expect(strong.total).toBeLessThan(strong.all);
    const uncited = await getJson<ClaimPage>("/api/claims", { uncited: "1", limit: "500" });
    expect(uncited.rows.every((r) => r.citations.length === 0)).toBe(true);
    const focused = await getJson<ClaimPage>("/api/claims", { limit: "5", focus: PRIMARY_TARGET });
    expect(focused.rows.map((r) => r.id)).toContain(PRIMARY_TARGET);
  });

  it("leaves out claims whose class or whose subject's type the legend hides", async () => {
    const all = await getJson<ClaimPage>("/api/claims", { limit: "500" });
    const noDrugs = await getJson<ClaimPage>("/api/claims", { hide: "entity:Drug", limit: "500" });
    expect(noDrugs.total).toBeLessThan(all.total);
    expect(noDrugs.total).toBeGreaterThan(0);
    expect(noDrugs.rows.some((r) => r.subject === "desipramine")).toBe(false);
    expect(noDrugs.rows.every((r) => r.subjectType !== "entity:Drug")).toBe(true);
    const noClaims = await getJson<ClaimPage>("/api/claims", { hide: "claim,entity:Drug" });
    expect(noClaims.total).toBe(0);
    const many = Array.from({ length: 400 }, (_, i) => `k${i}`).join(",");
    const bounded = await getJson<ClaimPage>("/api/claims", { hide: `${many},claim` });
    expect(bounded.total).toBe(all.total);
  });

  it("bounds pages and filters, whatever the parameters say", async () => {
    for (const limit of ["100000", "-5", "1e9", "abc", ""]) {
      const page = await getJson<ClaimPage>("/api/claims", { limit });
      expect(page.limit, limit).toBeLessThanOrEqual(MAX_CLAIM_PAGE);
      expect(page.limit, limit).toBeGreaterThan(0);
    }
    const past = await getJson<ClaimPage>("/api/claims", { offset: "99999999999", limit: "10" });
    expect(past.rows.length).toBeGreaterThan(0);
    const odd = await getJson<ClaimPage>("/api/claims", { sort: "__proto__", dir: "sideways" });
    expect(odd.rows).toHaveLength(Math.min(100, odd.all));
    const long = await getJson<ClaimPage>("/api/claims", { q: `desipramine${" ".repeat(300)}zzz` });
    expect(long.total).toBeGreaterThan(0);
  });

  it("refuses another host name and other methods, like every route", async () => {
    const r = await rawRequest(server.url, "/api/claims", { headers: { host: "evil.example" } });
    expect(r.status).toBe(421);
    const post = await rawRequest(server.url, "/api/matrix", { method: "POST" });
    expect(post.status).toBe(405);
  });
});

describe("/api/matrix", () => {
  it("answers the seed's matrix: desipramine × primary target is the NET claim citing [1]", async () => {
    const m = await getJson<Matrix>("/api/matrix");
    const at = m.columns.findIndex((c) => c.id === DESIPRAMINE);
    const row = m.rows.find((r) => r.predicate.label === "primary target");
    expect(row?.cells[at]?.claims.map((c) => [c.id, c.text, c.citations])).toEqual([
      [PRIMARY_TARGET, "norepinephrine transporter", [1]],
    ]);
  });
});

describe("/api/conflict and the seed's agreement (#15)", () => {
  const CAS_CONFLICT = `${KB}conflict/e3820653c9f8b954`;

  it("answers a conflict with both sides and its rule's label; an unknown id is a 404", async () => {
    const c = await getJson<ConflictDetails>("/api/conflict", { id: CAS_CONFLICT });
    expect(c.kind).toBe("PublicRecordDisagrees");
    expect(c.rule.label).toBe(loadConflictRules().rules.get("PublicRecordDisagrees")?.label);
    expect(c.sides[0].claims.map((x) => [x.file, x.line, x.quote])).toEqual([
      ["desipramine-vs-ssris.md", 9, "303-54-8"],
    ]);
    expect(c.sides[1].says).toMatch(/^public records: /);
    const missing = await rawRequest(server.url, `/api/conflict?id=${encodeURIComponent(KB)}x`);
    expect(missing.status).toBe(404);
  });

  it("gives a matrix cell its support badge and a claim's Details its assertion", async () => {
    const m = await getJson<AgreedMatrix>("/api/matrix");
    const at = m.columns.findIndex((c) => c.id === DESIPRAMINE);
    const cell = m.rows.find((r) => r.predicate.label === "primary target")?.cells[at];
    expect(cell?.assertions.map((a) => [a.documents, a.works])).toEqual([[1, 1]]);
    expect(cell?.claims[0]?.assertion).toBe(0);
    expect(cell?.conflicts).toEqual([]);
    const node = await getJson<NodeDetails>("/api/node", { id: PRIMARY_TARGET });
    expect(node.kind === "claim" && node.agreement.assertions.map((a) => a.says)).toEqual([
      "primary target norepinephrine transporter",
    ]);
  });
});
