/**
 * A marker in a row label cites for its row: every claim of the row cites it, and a claim whose
 * own words do not hold it records the guess CitationFromRowLabel. Before, such a marker was
 * carried by no claim and the whole document failed to build (UncarriedCitation).
 */
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../helpers/template.ts";

const SIDE_EFFECTS = [
  "Side Effect\tBupropion\tSertraline",
  "<b>Seizures [1]</b>\tDose-dependent\tRare [2]",
  "<b>Nausea</b>\tCommon [2]\tVery common [2]",
].join("\n");

describe("a row label's marker", () => {
  it("is cited by each claim of its row, flagged where the cell does not hold it", () => {
    const { doc } = buildTemplate([SIDE_EFFECTS]);
    const row = (label: string) =>
      doc.claims
        .filter((c) => c.table?.rowLabel === label)
        .map((c) => [
          c.table?.columnIndex,
          c.citations,
          c.guesses.includes("CitationFromRowLabel"),
        ]);
    expect(row("Seizures")).toEqual([
      [2, [1], true],
      [3, [1, 2], true],
    ]);
    expect(row("Nausea")).toEqual([
      [2, [2], false],
      [3, [2], false],
    ]);
  });

  it("is carried by a comparison row's claims, the comparative claim quoting it unflagged", () => {
    const { doc } = buildTemplate([
      [
        "Condition / Model\tBupropion Performance\tSertraline Performance\tKey Experimental Data",
        "<b>Smoking Cessation (Abstinence) [1]</b>\tDoubled abstinence\tNot tested in this specific study.\tTrial: 120 smokers [2]",
      ].join("\n"),
    ]);
    const comparative = doc.claims.find((c) => c.kind === "comparative");
    expect(comparative?.citations).toEqual([1, 2]);
    expect(comparative?.guesses).not.toContain("CitationFromRowLabel");
    const arm = doc.claims.find((c) => c.kind === "table" && c.table?.columnIndex === 2);
    expect(arm?.citations).toEqual([1]);
    expect(arm?.guesses).toContain("CitationFromRowLabel");
  });
});
