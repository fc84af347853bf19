// The CSV tables read back by a strict RFC 4180 reader (tests/helpers/table-readers.ts): one
// row per claim with the viewer's columns, one row per entity, formula-like cells made text.
import { beforeAll, describe, expect, it } from "vitest";
import { claimsCsv, ENTITY_CSV_HEADER, entitiesCsv } from "../../src/exports/csv-tables.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { CLAIM_CSV_HEADER } from "../../src/projection/claim-csv.ts";
import { SEED_KB } from "../helpers/serve.ts";
import { readCsv } from "../helpers/table-readers.ts";

let kg: KnowledgeGraph;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
});

const count = (kind: string) => kg.graph.filterNodes((_, a) => a.kind === kind).length;

describe("claims.csv", () => {
  it("has the viewer's columns and one row per claim, each ending in the claim's IRI", () => {
    const [header, ...rows] = readCsv(claimsCsv(kg));
    expect(header).toEqual(CLAIM_CSV_HEADER);
    expect(rows).toHaveLength(count("claim"));
    expect(new Set(rows.map((r) => r.at(-1))).size).toBe(rows.length);
    for (const r of rows) expect(kg.claim(r.at(-1))?.kind, r.at(-1)).toBe("claim");
  });
});

describe("entities.csv", () => {
  it("has one row per entity, with its type, identifiers and the claims that name it", () => {
    const [header, ...rows] = readCsv(entitiesCsv(kg));
    expect(header).toEqual(ENTITY_CSV_HEADER);
    expect(rows).toHaveLength(count("entity"));
    const iri = ENTITY_CSV_HEADER.indexOf("IRI");
    const desipramine = rows.find((r) => r[0] === "desipramine");
    expect(desipramine?.[1]).toBe("Drug");
    expect(desipramine?.[3]).toContain("chebi:47781");
    expect(Number(desipramine?.[4])).toBeGreaterThan(0);
    for (const r of rows) expect(kg.entity(r[iri])?.label).toBe(r[0]);
  });

  it("is the same bytes every time", () => {
    expect(entitiesCsv(kg)).toBe(entitiesCsv(kg));
  });
});
