/**
 * The second document (tests/fixtures/sources), written for claimgraph with another drug
 * pair and other table shapes, must build with no change to the code.
 */
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/pipeline.ts";
import { claimsProjection, golden } from "../helpers/golden.ts";

const built = build({ sources: "tests/fixtures/sources", curation: "tests/fixtures/no-curation" });
const doc = built.kb.documents[0];
if (!doc) throw new Error("the second document did not build");

describe("the second document", () => {
  it("builds without diagnostics", () => {
    expect(built.diagnostics).toEqual([]);
    expect(built.kb.documents.map((d) => d.document.id)).toEqual(["nortriptyline-vs-sertraline"]);
  });

  it("reads a four-column table: every data cell is a claim", () => {
    const [mechanisms] = doc.document.tables;
    expect(mechanisms?.header.map((h) => h.display.text)).toEqual([
      "Feature",
      "Nortriptyline (TCA)",
      "Sertraline (SSRI)",
      "Notes",
    ]);
    // Relations an arm cell states (ArmCellCueRule) are claims besides the cell's own.
    const cells = doc.claims.filter((c) => c.kind === "table" && c.readBy !== "ArmCellCueRule");
    expect(cells).toHaveLength(34);
    expect(cells.filter((c) => c.table?.table === 1)).toHaveLength(15);
  });

  it("mints and flags drugs the lexicon does not know, with their class from the header", () => {
    const nortriptyline = built.kb.entities.get("nortriptyline");
    expect(nortriptyline).toEqual(expect.objectContaining({ type: "Drug", unnormalised: true }));
    expect(built.kb.memberships).toContainEqual(
      expect.objectContaining({
        member: expect.objectContaining({ id: "sertraline" }),
        group: expect.objectContaining({ id: "selective-serotonin-reuptake-inhibitors" }),
        relation: "memberOf",
      }),
    );
  });

  it("keeps a cell citing two references, and uncited cells", () => {
    const two = doc.claims.find(
      (c) => c.kind === "table" && c.text.startsWith("DAT (dopamine reuptake) inhibition"),
    );
    expect(two?.citations).toEqual([2, 3]);
    const uncited = doc.claims.filter((c) => c.kind === "table" && c.citations.length === 0);
    expect(uncited).toHaveLength(5);
  });

  it("carries all 45 markers and resolves 6 references to 5 works", () => {
    expect(doc.document.citations).toHaveLength(45);
    for (const marker of doc.document.citations) {
      const holder = doc.claims.find(
        (c) =>
          c.kind !== "curated" &&
          c.quote.start <= marker.span.start &&
          marker.span.end <= c.quote.end,
      );
      expect(holder?.citations).toContain(marker.number);
    }
    expect(doc.references).toHaveLength(6);
    expect(built.kb.works).toHaveLength(5);
    const four = doc.references.find((r) => r.number === 4)?.workKey;
    expect(doc.references.find((r) => r.number === 5)?.workKey).toBe(four);
    expect(built.kb.works.every((w) => w.evidenceType === "UnknownEvidence")).toBe(true);
  });

  it("reads its comparative rows and studies", () => {
    const rows = doc.claims.filter((c) => c.kind === "comparative");
    expect(
      rows.map((r) => [
        r.comparison?.condition.label,
        r.comparison?.direction,
        r.comparison?.favours?.id,
      ]),
    ).toEqual([
      ["Late-Life Depression", "Favours", "nortriptyline"],
      ["Chronic Mild Stress", "Favours", "nortriptyline"],
      ["Neuropathic Pain", "Favours", "nortriptyline"],
    ]);
    const stress = doc.studies.find((s) => s.label === "Chronic Mild Stress");
    expect([stress?.species, stress?.strain, stress?.sex, stress?.duration]).toEqual([
      ["rat"],
      ["Wistar"],
      ["male"],
      "28 days",
    ]);
    expect(stress?.arms.map((a) => [a.label, a.sampleSize, a.dose, a.doseUnit, a.route])).toEqual([
      ["Nortriptyline", 10, "10", "mg/kg/day", "intraperitoneal"],
      ["Sertraline", 10, "10", "mg/kg/day", "intraperitoneal"],
      ["saline vehicle", 10, undefined, undefined, "intraperitoneal"],
    ]);
    const nerve = doc.studies.find((s) => s.label === "Spared-Nerve Injury");
    expect(nerve?.arms.map((a) => a.sampleSize)).toEqual([8, 8, 8]);
    expect(nerve?.timePoints).toEqual(["day 0", "day 3", "day 7", "day 14"]);
  });

  it("matches the reviewed golden list of claims", () => {
    const { expected, actual } = golden(
      "nortriptyline-vs-sertraline.claims.tsv",
      claimsProjection(doc),
    );
    expect(actual).toBe(expected);
  });
});
