import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/pipeline.ts";
import { claimsProjection, golden } from "../helpers/golden.ts";

const built = build({ sources: "graph/sources" });
const seed = built.kb.documents[0];
if (!seed) throw new Error("no seed document");
const claims = seed.claims;

describe("claims of the seed document", () => {
  it("makes every one of the 36 table cells a claim, one per object it names", () => {
    // Relations an arm cell states (ArmCellCueRule) are claims besides the cell's own.
    const cells = claims.filter((c) => c.kind === "table" && c.readBy !== "ArmCellCueRule");
    // Line 24's "Significant anticholinergic, antihistaminic, and α1-adrenergic blockade"
    // names three objects.
    expect(cells).toHaveLength(38);
    expect(
      new Set(cells.map((c) => `${c.table?.table}/${c.table?.rowIndex}/${c.table?.columnIndex}`))
        .size,
    ).toBe(36);
  });

  it("reads column and row as subject and predicate", () => {
    const primary = claims.find(
      (c) => c.table?.table === 1 && c.table.rowIndex === 1 && c.table.columnIndex === 2,
    );
    expect(
      primary && [primary.subject, primary.predicate.name, primary.object, primary.citations],
    ).toEqual([
      expect.objectContaining({ id: "desipramine", type: "Drug" }),
      "primaryTarget",
      expect.objectContaining({ id: "norepinephrine-transporter", type: "Target" }),
      [1],
    ]);
    const ssri = claims.find(
      (c) => c.table?.table === 1 && c.table.rowIndex === 1 && c.table.columnIndex === 3,
    );
    expect(ssri?.subject).toEqual(
      expect.objectContaining({ id: "selective-serotonin-reuptake-inhibitors" }),
    );
    expect(built.kb.memberships).toContainEqual(
      expect.objectContaining({
        relation: "exampleMember",
        member: expect.objectContaining({ id: "fluoxetine" }),
      }),
    );
    const weaker = claims.find(
      (c) => c.table?.table === 1 && c.table.rowIndex === 2 && c.table.columnIndex === 2,
    );
    expect(weaker?.qualifier).toBe("weaker");
  });

  it("keeps uncited cells as claims, marked uncited", () => {
    const uncited = claims.filter((c) => c.kind === "table" && c.citations.length === 0);
    expect(uncited.map((c) => c.text).sort()).toEqual([
      "Generally minimal direct receptor blockade",
      "Less common",
      "Not applicable",
      "Not tested as monotherapy in this specific study.",
    ]);
  });

  it("carries every one of the 41 citation markers", () => {
    const carriers = claims.filter((c) => c.kind !== "curated" && c.kind !== "header");
    for (const marker of seed.document.citations) {
      const holder = carriers.find(
        (c) => c.quote.start <= marker.span.start && marker.span.end <= c.quote.end,
      );
      expect(
        holder?.citations,
        `marker [${marker.number}] at offset ${marker.span.start}`,
      ).toContain(marker.number);
    }
    expect(seed.document.citations).toHaveLength(41);
  });

  it("reads the comparative rows: arms, condition, outcome and direction", () => {
    const rows = claims.filter((c) => c.kind === "comparative").map((c) => c.comparison);
    expect(
      rows.map((r) => [
        r?.armA.id,
        r?.armB.id,
        r?.condition.id,
        r?.outcome?.id,
        r?.direction,
        r?.favours?.id,
      ]),
    ).toEqual([
      [
        "desipramine",
        "fluoxetine",
        "major-depressive-disorder",
        "memory-performance",
        "Favours",
        "fluoxetine",
      ],
      [
        "desipramine",
        "fluoxetine",
        "ssri-resistant-depression",
        "depression-like-behavior",
        "Favours",
        "desipramine",
      ],
      [
        "desipramine",
        "fluoxetine",
        "treatment-resistant-ocd",
        "obsessive-compulsive-symptoms",
        "NotCompared",
        undefined,
      ],
      ["desipramine", "fluoxetine", "cancer-metastasis", "liver-metastases", "Similar", undefined],
    ]);
    const memory = claims.find((c) => c.kind === "comparative");
    const evidence = claims.find((c) => c.id === memory?.comparison?.evidence);
    expect(evidence?.text).toMatch(/^Clinical Trial: Patients were assessed with HAMD\/CGI scales/);
    expect(evidence?.citations).toEqual([4]);
  });

  it("turns each protocol bullet into a study with qualifiers", () => {
    const byLabel = Object.fromEntries(seed.studies.map((s) => [s.label, s]));
    const memory = byLabel["Memory in Depression"];
    expect(memory?.design).toEqual(["randomised", "clinical trial"]);
    expect(memory?.arms.map((a) => [a.intervention?.id, a.sampleSize])).toEqual([
      ["desipramine", 9],
      ["fluoxetine", 8],
    ]);
    expect(memory?.timePoints).toEqual(["baseline", "3 weeks", "6 weeks"]);
    expect(memory?.measures).toEqual(expect.arrayContaining(["HAMD", "CGI"]));
    const metastasis = byLabel["Cancer Metastasis"];
    expect([
      metastasis?.species,
      metastasis?.strain,
      metastasis?.sex,
      metastasis?.duration,
    ]).toEqual([["mouse"], ["Balb/c"], ["male"], "14 days"]);
    expect(metastasis?.arms[0]).toEqual(
      expect.objectContaining({ dose: "10", doseUnit: "mg/kg", route: "intraperitoneal" }),
    );
    const resistant = byLabel["SSRI-Resistant Model"];
    expect(resistant?.arms[0]).toEqual(
      expect.objectContaining({ dose: "20", doseUnit: "mg/kg/day" }),
    );
    expect(byLabel["Arrestin-Biased Signaling"]?.cellLines).toEqual(["HEK 293", "MEF"]);
    expect(byLabel["Arrestin-Biased Signaling"]?.design).toEqual(["in vitro", "in vivo"]);
    expect(memory?.supports.length).toBeGreaterThan(0);
  });

  it("keeps the document's CAS number as what the document states, and records the disagreement", () => {
    const cas = claims.find((c) => c.predicate.name === "statesIdentifier");
    expect(cas?.subject).toEqual(expect.objectContaining({ kind: "document" }));
    expect(cas?.statement).toEqual({
      kind: "statedIdentifier",
      about: expect.objectContaining({ id: "desipramine" }),
      scheme: "cas",
      value: "303-54-8",
    });
    expect(seed.discrepancies).toEqual([
      expect.objectContaining({
        claimId: cas?.id,
        statedValue: "303-54-8",
        publicValues: ["50-47-5", "58-28-6"],
      }),
    ]);
  });

  it("resolves 8 reference numbers to 7 works, [4] and [5] to one", () => {
    expect(seed.references).toHaveLength(8);
    expect(built.kb.works).toHaveLength(7);
    const four = seed.references.find((r) => r.number === 4);
    const five = seed.references.find((r) => r.number === 5);
    expect(four?.workKey).toBe("pmid-12183009");
    expect(five?.workKey).toBe(four?.workKey);
    const evidence = Object.fromEntries(
      seed.references.map((r) => [
        r.number,
        built.kb.works.find((w) => w.key === r.workKey)?.evidenceType,
      ]),
    );
    expect(evidence).toEqual({
      1: "TertiaryReferenceWork",
      2: "ConsumerHealthPage",
      3: "PreclinicalStudy",
      4: "ClinicalStudy",
      5: "ClinicalStudy",
      6: "PreclinicalStudy",
      7: "ClinicalStudy",
      8: "PreclinicalStudy",
    });
  });

  it("keeps the opening paragraph and the conclusion as uncited prose", () => {
    const prose = claims.filter((c) => c.kind === "prose");
    expect(prose.find((c) => c.text.startsWith("The fundamental difference"))?.citations).toEqual(
      [],
    );
    expect(prose.some((c) => c.text.startsWith("Future development should focus"))).toBe(true);
    expect(
      prose.some((c) => c.text === "Get Quote" || c.text.startsWith("Click to download")),
    ).toBe(false);
  });

  it("gives every claim a distinct, content-derived IRI", () => {
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    const again = build({ sources: "graph/sources" }).kb.documents[0]?.claims.map((c) => c.id);
    expect(again).toEqual(claims.map((c) => c.id));
  });

  it("matches the reviewed golden list of claims", () => {
    const { expected, actual } = golden("desipramine-vs-ssris.claims.tsv", claimsProjection(seed));
    expect(actual).toBe(expected);
  });
});
