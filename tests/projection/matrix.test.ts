// The comparison matrix of the seed: drugs and drug classes as columns, the source tables'
// features and effects as rows, desipramine × primary target holding the NET claim citing [1],
// the SSRIs' "Not applicable" cell null and distinct from a cell with no claim, and the same
// matrix every time.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { comparisonMatrix, type Matrix, type MatrixCell } from "../../src/projection/matrix.ts";
import { buildSecond, SEED_KB } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const SSRIS = `${KB}entity/selective-serotonin-reuptake-inhibitors`;
const FLUOXETINE = `${KB}entity/fluoxetine`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;

let kg: KnowledgeGraph;
let matrix: Matrix;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  matrix = comparisonMatrix(kg);
});

function cell(rowLabel: string, column: string, effect?: string): MatrixCell {
  const row = matrix.rows.find(
    (r) => r.predicate.label === rowLabel && (effect === undefined || r.effect?.label === effect),
  );
  const at = matrix.columns.findIndex((c) => c.id === column);
  const found = row?.cells[at];
  if (!found) throw new Error(`no cell ${rowLabel} ${effect ?? ""} × ${column}`);
  return found;
}

describe("the seed's comparison matrix", () => {
  it("has the drugs and drug classes the claims are about as columns, most claims first", () => {
    expect(matrix.columns.map((c) => [c.label, c.type])).toEqual([
      ["desipramine", "Drug"],
      ["selective serotonin reuptake inhibitors", "DrugClass"],
      ["fluoxetine", "Drug"],
      ["mirtazapine", "Drug"],
    ]);
  });

  it("desipramine × primary target is the NET claim citing [1]", () => {
    const c = cell("primary target", DESIPRAMINE);
    expect(c.state).toBe("claims");
    expect(c.claims).toEqual([
      {
        id: PRIMARY_TARGET,
        text: "norepinephrine transporter",
        citations: [1],
        document: { id: `${KB}doc/desipramine-vs-ssris`, label: expect.any(String) },
        status: null,
      },
    ]);
    expect(cell("primary target", SSRIS).claims.map((x) => [x.text, x.citations])).toEqual([
      ["serotonin transporter", [2]],
    ]);
  });

  it("keeps the source tables' features in their order, then the effects", () => {
    const features = matrix.rows.filter((r) => r.kind === "feature").map((r) => r.predicate.label);
    const table = ["primary target", "secondary target", "key mechanism", "receptor interaction"];
    expect(features.filter((f) => table.includes(f))).toEqual(table);
    const kinds = matrix.rows.map((r) => r.kind);
    expect(kinds.indexOf("effect")).toBe(kinds.lastIndexOf("feature") + 1);
  });

  it("makes each adverse effect a row whose cells say how often, with their references", () => {
    const sedation = matrix.rows.find((r) => r.effect?.label === "sedation");
    expect(sedation?.kind).toBe("effect");
    expect(sedation?.effect?.id).toBe(`${KB}entity/sedation`);
    expect(
      cell("adverse effect risk", DESIPRAMINE, "sedation").claims.map((x) => [x.text, x.citations]),
    ).toEqual([["moderate risk", [1]]]);
    expect(
      cell("adverse effect risk", SSRIS, "sedation").claims.map((x) => [x.text, x.citations]),
    ).toEqual([["varies", [2]]]);
  });

  it("tells a null cell (not stated, not tested) from a cell without claims", () => {
    const notStated = cell("key mechanism", SSRIS);
    expect(notStated.state).toBe("null");
    expect(notStated.claims.map((x) => [x.status, x.text])).toEqual([
      ["NotStated", "Not applicable"],
    ]);
    const notTested = cell(
      "performance in",
      FLUOXETINE,
      "treatment-resistant obsessive-compulsive disorder",
    );
    expect(notTested.state).toBe("null");
    expect(notTested.claims.map((x) => x.status)).toEqual(["NotTested"]);
    const empty = cell("primary target", FLUOXETINE);
    expect(empty).toEqual({ state: "empty", claims: [], total: 0 });
  });

  it("keeps the columns with the most claims and a cell's first claims, counting them all", () => {
    expect(matrix.totalColumns).toBe(4);
    const small = comparisonMatrix(kg, { columns: 2, claimsPerCell: 1 });
    expect(small.columns.map((c) => c.id)).toEqual([DESIPRAMINE, SSRIS]);
    expect(small.totalColumns).toBe(4);
    const interactions = small.rows.find((r) => r.predicate.label === "receptor interaction");
    expect(interactions?.cells[0]?.claims.map((c) => c.text)).toEqual([
      "alpha-1 adrenergic blockade",
    ]);
    expect(interactions?.cells[0]?.total).toBe(3);
    // Rows only mirtazapine's claims fill are gone with its column.
    expect(small.rows.some((r) => r.predicate.label === "member of")).toBe(false);
    expect(matrix.rows.some((r) => r.predicate.label === "member of")).toBe(true);
  });

  it("leaves out prose sentences restated whole, which are no feature", () => {
    expect(matrix.rows.some((r) => r.predicate.label === "statement")).toBe(false);
  });

  it("names the documents its claims come from, and is the same every time", () => {
    expect(matrix.documents.map((d) => d.id)).toEqual([`${KB}doc/desipramine-vs-ssris`]);
    expect(JSON.stringify(comparisonMatrix(kg))).toBe(JSON.stringify(matrix));
  });
});

describe("the matrix across the seed and the second document", () => {
  it("puts both documents' drugs side by side, each claim naming its document", async () => {
    const second = await buildSecond();
    try {
      const both = comparisonMatrix(
        await openKnowledgeGraph([SEED_KB, second.kb], { cache: false }),
      );
      expect(both.documents).toHaveLength(2);
      const ids = both.columns.map((c) => c.id);
      for (const drug of ["desipramine", "nortriptyline", "sertraline"])
        expect(ids).toContain(`${KB}entity/${drug}`);
      const row = both.rows.find((r) => r.predicate.label === "primary target");
      const at = (drug: string) => row?.cells[ids.indexOf(`${KB}entity/${drug}`)];
      expect(at("desipramine")?.claims.map((c) => [c.citations, c.document.id])).toEqual([
        [[1], `${KB}doc/desipramine-vs-ssris`],
      ]);
      const nortriptyline = at("nortriptyline")?.claims ?? [];
      expect(nortriptyline.length).toBeGreaterThan(0);
      for (const c of nortriptyline) {
        expect(c.document.id).toBe(`${KB}doc/nortriptyline-vs-sertraline`);
        expect(c.citations).toEqual([1]);
      }
    } finally {
      second.remove();
    }
  });
});
