/**
 * Issue #15's fixture corpus (tests/fixtures/agreement/) reads as planted: the six documents
 * build without a diagnostic, every claim the gold list rests on is read in each document it
 * names (subject, predicate, object, frequency), and the only disagreement with public records
 * is the planted wrong CAS number. The grouping itself is tests/agreement/gold.test.ts's.
 */
import { describe, expect, it } from "vitest";
import { prepare } from "../../src/pipeline/pipeline.ts";
import { AGREEMENT_SOURCES, readGold } from "../helpers/agreement-gold.ts";
import { plantedClaims, unreadPlanted } from "../helpers/agreement-reading.ts";
import { NO_CURATION } from "../helpers/build.ts";

const gold = readGold();
const prepared = prepare({ sources: AGREEMENT_SOURCES, curation: NO_CURATION });

describe("the agreement corpus", () => {
  it("builds its six documents without a diagnostic", () => {
    expect(prepared.kb.documents.map((d) => d.document.id).sort()).toEqual([
      "desipramine-noradrenergic-profile",
      "desipramine-tricyclic-safety",
      "fluoxetine-serotonergic-overview",
      "fluoxetine-versus-sertraline",
      "mirtazapine-receptor-profile",
      "mirtazapine-sleep-and-appetite",
    ]);
    expect(prepared.diagnostics.map((d) => d.message)).toEqual([]);
  });

  it("reads every planted claim in every document the gold list names", () => {
    expect(plantedClaims(gold).length).toBeGreaterThan(40);
    expect(unreadPlanted(gold, prepared.kb, prepared.iris).join("\n")).toBe("");
  });

  it("disagrees with public records only where a wrong CAS number is planted", () => {
    const found = prepared.kb.documents.flatMap((d) =>
      d.discrepancies.map((x) => `${d.document.id} ${x.scheme} ${x.statedValue}`),
    );
    expect(found).toEqual(["fluoxetine-serotonergic-overview cas 54910-89-4"]);
  });
});
