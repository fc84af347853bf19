/**
 * Side-effect cells name a level of the frequency/risk scale even when it is hedged
 * ("Generally lower risk"), comparative ("Lower risk compared to …") or a vendor's word
 * ("Significant risk (…)"); "None" and "None reported" are the level none, not a null
 * cell, while "Not reported" says nothing. Names are invented: the rules read the
 * template, not the corpus.
 */
import { describe, expect, it } from "vitest";
import { buildTemplate, columnClaims } from "../helpers/template.ts";

const sideEffects = (cell: string) =>
  `Side Effect\tZelnoxetine (XRI)\tQuorbamates\n<b>Tinnitus</b>\t${cell}\tCommon [2]`;

describe("frequency words read wherever the template puts them", () => {
  it.each([
    ["Generally lower risk [1]", "LowRisk", "generally"],
    ["Lower risk compared to older agents [1]", "LowRisk", "compared to older agents"],
    ["Lower risk - much safer in overdose [1]", "LowRisk", "much safer in overdose"],
    ["Significant risk (palpitations, syncope) [1]", "HighRisk", "palpitations, syncope"],
    ["Significant risk when combined with opioids [1]", "HighRisk", "when combined with opioids"],
    ["Usually rare [1]", "Rare", "usually"],
    ["Frequent, especially at first dose [1]", "Common", "especially at first dose"],
    ["None reported [1]", "NoRisk", undefined],
  ] as const)("%j → %s", (cell, frequency, qualifier) => {
    const { doc } = buildTemplate([sideEffects(cell)]);
    const [claim, ...more] = columnClaims(doc, 1, 2);
    expect(more).toEqual([]);
    expect(claim?.status).toBeUndefined();
    expect(claim?.statement).toEqual(expect.objectContaining({ kind: "adverseEffect", frequency }));
    expect(claim?.qualifier).toBe(qualifier);
    expect(claim?.guesses).not.toContain("UnreadValue");
  });

  it("'Lower than …' is a level, 'Lower doses …' is not", () => {
    const { doc } = buildTemplate([
      `${sideEffects("Lower than with older agents [1]")}\n<b>Seizures</b>\tLower doses are safer [1]\tRare [2]`,
    ]);
    const frequencies = columnClaims(doc, 1, 2).map((c) =>
      c.statement?.kind === "adverseEffect" ? c.statement.frequency : c.status,
    );
    expect(frequencies).toEqual(["LowRisk", "UnreadFrequency"]);
  });

  it("'Lower risk' is a level, 'Lowers the seizure threshold' is not", () => {
    const { doc } = buildTemplate([
      `${sideEffects("Lower risk [1]")}\n<b>Seizures</b>\tLowers the seizure threshold [1]\tRare [2]`,
    ]);
    const frequencies = columnClaims(doc, 1, 2).map((c) =>
      c.statement?.kind === "adverseEffect" ? c.statement.frequency : c.status,
    );
    expect(frequencies).toEqual(["LowRisk", "UnreadFrequency"]);
  });

  it("'None reported' is the level none in a side-effect column, and null elsewhere", () => {
    const rows = ["None reported [1]", "Not reported", "—", ""].map(
      (cell, i) => `<b>Effect ${i}</b>\t${cell}\tCommon [2]`,
    );
    const { doc } = buildTemplate([
      `Side Effect\tZelnoxetine (XRI)\tQuorbamates\n${rows.join("\n")}`,
      "Feature\tZelnoxetine (XRI)\tQuorbamates\nKey Mechanism\tNone reported\tNone [2]",
    ]);
    const read = columnClaims(doc, 1, 2).map((c) =>
      c.statement?.kind === "adverseEffect" ? c.statement.frequency : c.status,
    );
    expect(read).toEqual(["NoRisk", "NotStated", "NotStated", "NotStated"]);
    expect(columnClaims(doc, 2, 2).map((c) => c.status)).toEqual(["NotStated"]);
    expect(columnClaims(doc, 2, 3).map((c) => c.status)).toEqual(["NotStated"]);
  });
});
