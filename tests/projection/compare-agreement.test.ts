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

// Across many documents a cell holds thousands of quotes, assertions and conflicts: it lists
// the first few and counts the rest, and the notes under the table speak of what it lists.
describe("a crowded cell", () => {
  const docs = [1, 2, 3, 4].map((n) => ({
    id: `https://w3id.org/claimgraph/kb/doc/d${n}`,
    label: `D${n}`,
  }));
  const quoted = (n: number): CompareClaim => ({
    ...claim(`c${n}`, `Rare [${n}]`),
    document: docs[n - 1] ?? doc,
    citations: [{ number: n, title: `Work ${n}`, host: null, work: null }],
  });
  const crowded: Comparison = {
    ...comparison,
    rows: [
      {
        ...(comparison.rows[0] as Comparison["rows"][number]),
        cells: [
          { state: "claims", claims: [1, 2, 3, 4].map(quoted) },
          { state: "empty", claims: [] },
        ],
      },
    ],
    documents: docs,
  };
  const many: Agreement = {
    assertions: [
      assertion("a1", ["c1"], ["w1"]),
      assertion("a2", ["c2"], ["w1", "w2", "w3"]),
      assertion("a3", ["c3", "c4"], ["w1", "w2"]),
    ],
    conflicts: ["x1", "x2", "x3"].map((iri, i) => ({
      iri,
      kind: i < 2 ? ("FrequencyGap" as const) : ("OppositeDirection" as const),
      rule: "rule",
      subject: "d1",
      predicate: "risk",
      sides: [common, assertion(`a${i + 1}`, [`c${i + 1}`], ["w1"])] as const,
    })),
  };
  const table = compareTable(withAgreement(crowded, many), { perCell: 2 }).split("\n");

  it("lists perCell quotes and the best-supported assertions, then counts the others", () => {
    expect(table[2]).toBe(
      "risk · nausea  Rare d1[1]; Rare d2[2]; +2 more {3 works: 1 primary, 1 tertiary} {2 works: 1 primary, 1 tertiary} {+1 more} ⚠ FrequencyGap ×2 ⚠ OppositeDirection  —",
    );
  });

  it("names only the documents and references of the quotes it lists", () => {
    expect(table.slice(4)).toEqual([
      "document d1: D1",
      "document d2: D2",
      "d1[1] Work 1",
      "d2[2] Work 2",
    ]);
  });

  it("lists every quote when perCell is not given, or 0", () => {
    const whole = compareTable(withAgreement(crowded, many)).split("\n");
    expect(compareTable(withAgreement(crowded, many), { perCell: 0 }).split("\n")).toEqual(whole);
    expect(whole[2]).toContain("Rare d4[4] {3 works");
    expect(whole).toContain("d4[4] Work 4");
  });
});
