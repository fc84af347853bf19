// The claims table's rows and pages on the seed: one row per claim with its citations,
// evidence type, document and line; the text filter and the viewer's filters; sorting by
// each column both ways; pages and the page that holds a given claim.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import {
  CLAIM_COLUMNS,
  type ClaimQuery,
  claimPage,
  DEFAULT_CLAIM_QUERY,
} from "../../src/projection/claim-page.ts";
import { type ClaimRow, claimRows } from "../../src/projection/claim-rows.ts";
import { SEED_KB } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DOC = `${KB}doc/desipramine-vs-ssris`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;

let kg: KnowledgeGraph;
let rows: ClaimRow[];

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  rows = claimRows(kg);
});

const query = (q: Partial<ClaimQuery>) => claimPage(rows, { ...DEFAULT_CLAIM_QUERY, ...q });

describe("the seed's claim rows", () => {
  it("has one row per claim, in document order", () => {
    let claims = 0;
    kg.graph.forEachNode((_, a) => {
      if (a.kind === "claim") claims++;
    });
    expect(rows).toHaveLength(claims);
    const lines = rows.map((r) => r.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it("gives desipramine's primary target with its reference, evidence type, document and line", () => {
    expect(rows.find((r) => r.id === PRIMARY_TARGET)).toEqual({
      id: PRIMARY_TARGET,
      subject: "desipramine",
      predicate: "primary target",
      object: "norepinephrine transporter",
      objectIsValue: false,
      citations: [1],
      evidence: "tertiary reference work",
      support: "weak",
      type: "TableCellClaim",
      subjectType: "entity:Drug",
      document: { id: DOC, label: "Mechanisms of Action: A Comparative Overview" },
      line: 21,
      status: null,
    });
  });

  it("says uncited for a claim without references, and keeps a null cell's status", () => {
    const uncited = rows.filter((r) => r.citations.length === 0);
    expect(uncited.length).toBeGreaterThan(0);
    for (const r of uncited) expect([r.evidence, r.support]).toEqual(["uncited", "uncited"]);
    const notStated = rows.find((r) => r.status === "NotStated");
    expect([notStated?.object, notStated?.objectIsValue]).toEqual(["Not applicable", true]);
  });
});

describe("a page of the claims table", () => {
  it("filters by words in any column, whatever their case", () => {
    const page = query({ text: "NOREPINEPHRINE [1]" });
    expect(page.rows.map((r) => r.id)).toContain(PRIMARY_TARGET);
    for (const r of page.rows) {
      expect(`${r.subject} ${r.predicate} ${r.object}`.toLowerCase()).toContain("norepinephrine");
      expect(r.citations).toContain(1);
    }
    expect(page.total).toBe(page.rows.length);
    expect(page.all).toBe(rows.length);
    expect(query({ text: "no such words anywhere" }).rows).toEqual([]);
  });

  it("applies the viewer's filters: weak evidence hidden, uncited only, one document", () => {
    const strong = query({ hideWeak: true, limit: 500 });
    expect(strong.rows.some((r) => r.support === "weak")).toBe(false);
    expect(strong.total).toBe(rows.filter((r) => r.support !== "weak").length);
    const uncited = query({ uncitedOnly: true, limit: 500 });
    expect(uncited.rows.every((r) => r.support === "uncited")).toBe(true);
    expect(query({ document: DOC }).total).toBe(rows.length);
    expect(query({ document: `${KB}doc/other` }).total).toBe(0);
  });

  it("sorts by every column, both ways", () => {
    const key: Record<string, (r: ClaimRow) => string | number> = {
      subject: (r) => r.subject.toLowerCase(),
      predicate: (r) => r.predicate.toLowerCase(),
      object: (r) => r.object.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(),
      citations: (r) => r.citations[0] ?? -1,
      evidence: (r) => r.evidence.toLowerCase(),
      document: (r) => r.line ?? 0,
      line: (r) => r.line ?? 0,
    };
    for (const column of CLAIM_COLUMNS) {
      for (const descending of [false, true]) {
        const got = query({ sort: column, descending, limit: 500 }).rows.map(key[column] ?? String);
        const want = [...got].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(got, `${column} ${descending ? "desc" : "asc"}`).toEqual(
          descending ? want.reverse() : want,
        );
      }
    }
  });

  it("cuts pages, and finds the page that holds a claim", () => {
    const first = query({ limit: 10 });
    const second = query({ limit: 10, offset: 10 });
    expect(first.rows).toHaveLength(10);
    expect(second.offset).toBe(10);
    expect(second.rows[0]).toEqual(rows[10]);
    const at = rows.findIndex((r) => r.id === PRIMARY_TARGET);
    const focused = query({ limit: 10, focus: PRIMARY_TARGET });
    expect(focused.offset).toBe(Math.floor(at / 10) * 10);
    expect(focused.rows.map((r) => r.id)).toContain(PRIMARY_TARGET);
    // Past the end: the last page.
    expect(query({ limit: 10, offset: 10_000 }).offset).toBe(
      Math.floor((rows.length - 1) / 10) * 10,
    );
  });
});
