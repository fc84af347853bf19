// The agreement laid on a comparison (#15), through one function given an `Agreement` (a
// hand-made one here, as src/agreement/ will give it): a cell gets the assertions its claims
// belong to with their support, and each conflict one of its claims stands in with the other
// side; the table shows both after the cell's words.
import { describe, expect, it } from "vitest";
import type { Agreement, Assertion } from "../../src/agreement/types.ts";
import type { CompareClaim, Comparison } from "../../src/projection/compare.ts";
import { supportText, withAgreement } from "../../src/projection/compare-agreement.ts";
import { compareTable } from "../../src/projection/compare-table.ts";

const doc = { id: "https://w3id.org/claimgraph/kb/doc/a", label: "A" };

function claim(id: string, quote: string): CompareClaim {
  return { id, text: quote, quote, citations: [], document: doc, status: null, via: null };
}

const comparison: Comparison = {
  columns: [
    { id: "d1", label: "desipramine", type: "Drug", via: [] },
    { id: "d2", label: "fluoxetine", type: "Drug", via: [] },
  ],
  rows: [
    {
      key: "risk nausea",
      kind: "effect",
      predicate: { id: "risk", label: "risk" },
      effect: { id: "nausea", label: "nausea" },
      cells: [
        { state: "claims", claims: [claim("c1", "Rare"), claim("c2", "Rare too")] },
        { state: "empty", claims: [] },
      ],
    },
  ],
  documents: [doc],
};

function assertion(iri: string, claims: string[], works: string[]): Assertion {
  return {
    iri,
    key: `d1 | risk | ${iri}`,
    subject: "d1",
    predicate: "risk",
    claims,
    documents: [doc.id],
    works,
    support: { primary: 1, review: 0, tertiary: 1, consumer: 0, unknown: 0 },
    guessed: false,
  };
}

const rare = assertion("a-rare", ["c1", "c2"], ["w1", "w2"]);
const common = assertion("a-common", ["c9"], ["w3"]);
const agreement: Agreement = {
  assertions: [rare, common],
  conflicts: [
    {
      iri: "x1",
      kind: "FrequencyGap",
      rule: "rule",
      subject: "d1",
      predicate: "risk",
      sides: [common, rare],
    },
  ],
};

describe("a comparison with its agreement", () => {
  const annotated = withAgreement(comparison, agreement);
  const [cell, empty] = annotated.rows[0]?.cells ?? [];

  it("gives a cell the assertion of its claims once, with its support", () => {
    expect(cell?.assertions).toEqual([
      { iri: "a-rare", support: rare.support, documents: 1, works: 2 },
    ]);
    const first = cell?.assertions[0];
    if (!first) throw new Error("no assertion");
    expect(supportText(first)).toBe("2 works: 1 primary, 1 tertiary");
  });

  it("gives it each conflict its claims stand in, with the other side's claims", () => {
    expect(cell?.conflicts).toEqual([{ iri: "x1", kind: "FrequencyGap", against: ["c9"] }]);
  });

  it("leaves a cell without claims without either", () => {
    expect(empty).toMatchObject({ state: "empty", assertions: [], conflicts: [] });
  });

  it("shows support and conflicts in the table after the cell's words", () => {
    const line = compareTable(annotated).split("\n")[2];
    expect(line).toBe(
      "risk · nausea  Rare; Rare too {2 works: 1 primary, 1 tertiary} ⚠ FrequencyGap  —",
    );
  });
});
