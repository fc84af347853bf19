/**
 * Comparative rows read from the template: the outcome from the row label's parenthesis
 * (by position), the direction from every arm's cell, the relations an arm cell states (its
 * subject is the arm), and no arm result for an arm the cell says causes the condition.
 * Drug names are invented ("Zorbital", "Fexolan", "Quindaprine"), so only the template's
 * structure and the field's cue words can read them.
 */
import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/claims/types.ts";
import { CG } from "../../src/rdf/vocab/vocabulary.ts";
import { assertionOf, buildTemplate } from "../helpers/template.ts";

const ARMS = ["Zorbital", "Fexolan", "Quindaprine"];

/** One comparison row with an arm column per cell, then a value column. */
function row(label: string, ...cells: string[]) {
  return rowWith(label, "<b>Clinical Trial:</b> A trial [2].", ...cells);
}

/** The same, with the value column's cell given. */
function rowWith(label: string, value: string, ...cells: string[]) {
  const header = ["Condition / Model", ...cells.map((_, i) => `${ARMS[i]} Performance`)];
  const table = [
    [...header, "Key Experimental Data"].join("\t"),
    [`<b>${label}</b>`, ...cells.map((c) => `${c} [1]`), value].join("\t"),
  ].join("\n");
  return buildTemplate([table], "Zorbital");
}

const comparisons = (claims: readonly Claim[]) =>
  claims.filter((c) => c.kind === "comparative").map((c) => c.comparison);
const armRelations = (claims: readonly Claim[]) =>
  claims.filter((c) => c.readBy === "ArmCellCueRule");
const described = (c: Claim) =>
  `${c.subject.kind === "entity" ? c.subject.id : "?"} ${c.predicate.name} ${c.object.kind === "entity" ? c.object.label : "?"}`;

describe("the outcome is the row label's parenthesis, known or not", () => {
  // A known one (the seed's "Major Depression (Memory)") is tested in seed-claims.test.ts.
  it.each([
    ["Smoking Cessation (Abstinence)", "smoking-cessation", "abstinence", true],
    [
      "Vexing Drowsiness (Karolinska Sleepiness Scale)",
      "vexing-drowsiness",
      "karolinska-sleepiness-scale",
      true,
    ],
  ] as const)("%j → condition %s, outcome %s", (label, condition, outcome, minted) => {
    const { doc } = row(label, "Effective", "Effective");
    const [c] = comparisons(doc.claims);
    expect(c?.condition.id).toBe(condition);
    expect(c?.outcome?.id).toBe(outcome);
    expect(c?.outcome?.unnormalised).toBe(minted);
    const claim = doc.claims.find((x) => x.kind === "comparative");
    expect(claim?.mentions.map((m) => m.id)).toContain(outcome);
  });

  it.each([
    ["Generalised Wobble Disorder (GWD)", "an abbreviation of the label", "wobble scores"],
    ["Forced Swim Test (Rats)", "a species", "immobility"],
    ["Chronic Gloom (12 weeks)", "a duration", "gloom scores"],
    ["Receptor Binding Assay (in vitro)", "a design", "binding"],
  ])("%j has no outcome in its parenthesis (%s): the arm cells name it", (label, _, outcome) => {
    const { doc } = row(label, `Reduced ${outcome} at 10 mg/kg`, `Reduced ${outcome}`);
    const [c] = comparisons(doc.claims);
    expect(c?.outcome?.label).toBe(outcome);
    expect(c?.condition.label).toBe(label.replace(/ \(.*\)$/, ""));
  });

  it("without a parenthesis, the outcome is what the arm cells say the arms changed", () => {
    const { doc } = row(
      "Tic Disorder with Wobble",
      "Did not worsen tics in most children",
      "Reduced both wobble scores and tics",
    );
    expect(comparisons(doc.claims)[0]?.outcome?.label).toBe("tics");
    const benefit = row(
      "Fibrous Aching",
      "Modest benefit on pain and function",
      "Not tested in this specific study.",
    );
    expect(comparisons(benefit.doc.claims)[0]?.outcome?.label).toBe("pain");
  });
});

describe("directions are read from every arm", () => {
  it.each([
    ["Reduced HAM-A scores", "Reduced HAM-A scores more than zorbital", "Favours", "fexolan"],
    [
      "Response rates comparable to fexolan",
      "Response rates comparable to zorbital",
      "Similar",
      undefined,
    ],
    ["Higher response rates than Fexolans", "Less effective than Zorbitals", "Favours", "zorbital"],
    [
      "Lower remission rates than Fexolan",
      "Slightly higher remission rates than Zorbital",
      "Favours",
      "fexolan",
    ],
    [
      "Higher response rates than placebo",
      "Lower response rates than Zorbital",
      "Favours",
      "zorbital",
    ],
    ["Effective", "Higher remission rates versus Zorbital", "Favours", "fexolan"],
    [
      "Remission in about one in four patients",
      "Did not significantly improve remission",
      "Favours",
      "zorbital",
    ],
    [
      "No withdrawal syndrome after stopping",
      "Rebound anxiety and withdrawal after stopping",
      "Favours",
      "zorbital",
    ],
    // A negated comparison with placebo is a negative result, not "better than".
    [
      "Reduced pain in a crossover trial",
      "No better than placebo in the same trial",
      "Favours",
      "zorbital",
    ],
    // A result that varied says neither way.
    [
      "Benefit in some trials but not in others",
      "Results inconsistent across small trials",
      "Unclear",
      undefined,
    ],
  ] as const)("%j vs %j → %s", (a, b, direction, favours) => {
    const label = a.startsWith("Remission") ? "Resistant Gloom (Remission)" : "Withdrawal Symptoms";
    const { kb, doc } = row(label, a, b);
    const claim = doc.claims.find((c) => c.kind === "comparative");
    expect(claim?.comparison?.direction).toBe(direction);
    expect(claim?.comparison?.favours?.id).toBe(favours);
    const assertion = assertionOf(kb, claim as Claim);
    expect(
      assertion.some((q) => q.predicate.equals(CG.direction) && q.object.equals(CG[direction])),
    ).toBe(true);
  });

  it("compares every pair of three arms, a hedged result between a better and a negative one", () => {
    const { doc } = row(
      "Cognitive Fog (DSST)",
      "Improved DSST scores versus placebo",
      "Did not significantly improve DSST scores",
      "Improved DSST scores, but only through mood improvement",
    );
    expect(
      comparisons(doc.claims).map(
        (c) => `${c?.armA.id} ${c?.armB.id} ${c?.direction} ${c?.favours?.id}`,
      ),
    ).toEqual([
      "zorbital fexolan Favours zorbital",
      "zorbital quindaprine Favours zorbital",
      "fexolan quindaprine Favours quindaprine",
    ]);
  });
});

describe("directions that turn on the outcome or on the row's value cell", () => {
  it.each([
    // More of a harm is worse; fewer is better.
    [
      "Tolerability (Dropouts Due to Adverse Events)",
      "More dropouts for adverse events than with fexolan",
      "Fewer dropouts for adverse events",
      "Favours",
      "fexolan",
    ],
    [
      "Tolerability (Relapse)",
      "Higher relapse rates than fexolan",
      "Effective",
      "Favours",
      "fexolan",
    ],
    [
      "Gloom (Remission)",
      "Higher remission rates than fexolan",
      "Effective",
      "Favours",
      "zorbital",
    ],
    // Fewer of a harm is a benefit only when the harm is what is counted.
    [
      "Gloom (Relapse)",
      "Greater reduction in relapse than fexolan",
      "Effective",
      "Favours",
      "zorbital",
    ],
    ["Gloom (Relapse Prevention)", "Higher than fexolan", "Effective", "Favours", "zorbital"],
    // A negated comparison with the other arm shows no difference.
    [
      "Gloom (Remission)",
      "Not significantly better than fexolan",
      "Effective",
      "Similar",
      undefined,
    ],
    ["Gloom (Remission)", "No more effective than fexolan", "Effective", "Similar", undefined],
    [
      "Gloom (Y-BOCS)",
      "Mean Y-BOCS reduction of 10.9 points",
      "Mean Y-BOCS reduction of 10.4 points; difference not significant",
      "Similar",
      undefined,
    ],
  ] as const)("%s: %j vs %j → %s", (label, a, b, direction, favours) => {
    const claim = row(label, a, b).doc.claims.find((c) => c.kind === "comparative");
    expect(claim?.comparison?.direction).toBe(direction);
    expect(claim?.comparison?.favours?.id).toBe(favours);
  });

  it.each([
    ["No significant difference between the two drugs [2].", "Similar"],
    ["No head-to-head comparison; the drugs were tested in separate trials [2].", "NotCompared"],
  ] as const)("the value cell %j makes an open row %s", (value, direction) => {
    const { doc } = rowWith(
      "Gloom (Response)",
      value,
      "Achieved by 38% of patients versus 24% on placebo",
      "Achieved by 36% of patients versus 21% on placebo",
    );
    expect(doc.claims.find((c) => c.kind === "comparative")?.comparison?.direction).toBe(direction);
  });

  it("yields to an arm that names the other arm", () => {
    const { doc } = rowWith(
      "Gloom (Response)",
      "No head-to-head comparison in the trial [2].",
      "Higher response rates than fexolan",
      "Effective",
    );
    const comparison = doc.claims.find((c) => c.kind === "comparative")?.comparison;
    expect([comparison?.direction, comparison?.favours?.id]).toEqual(["Favours", "zorbital"]);
  });
});

describe("an arm that causes the condition has no result", () => {
  it("restates the cell as the relation it states, and the comparison does not compare it", () => {
    const { kb, doc } = row(
      "Zorbital-Induced Itching",
      "Improved itch scores when added to zorbital",
      "Is the adverse effect being treated",
    );
    const fexolan = doc.claims.filter((c) => c.table?.columnIndex === 3 && c.kind === "table");
    expect(fexolan.map((c) => [c.predicate.name, c.readBy, c.cue])).toEqual([
      ["causes", "ArmCellCueRule", "is the adverse effect being treated"],
    ]);
    const claim = fexolan[0] as Claim;
    expect(claim.citations).toEqual([1]);
    const assertion = assertionOf(kb, claim);
    expect(assertion.some((q) => q.predicate.value.endsWith("#performanceIn"))).toBe(false);
    expect(assertion.some((q) => q.predicate.value.endsWith("#causes"))).toBe(true);
    const [c] = comparisons(doc.claims);
    expect(c?.direction).toBe("NotCompared");
    expect(c?.armResults).toHaveLength(1);
  });
});

describe("relations an arm cell states, its subject the arm", () => {
  it.each([
    [
      "Did not significantly improve memory performance despite improving mood",
      ["zorbital noEffectOn memory performance", "zorbital increases mood"],
    ],
    [
      "Increased the number and volume of liver metastases in a murine model",
      ["zorbital increases liver metastases"],
    ],
    ["Ineffective as an augmenting agent", ["zorbital ineffectiveFor Gloom"]],
    ["Effective as monotherapy", ["zorbital effectiveFor Gloom"]],
    ["Improved subjective sleep quality from week 1", ["zorbital increases sleep quality"]],
    ["Doubled continuous abstinence rates versus placebo", ["zorbital increases abstinence"]],
    [
      "Reduced both wobble symptoms and tics",
      ["zorbital decreases wobble symptoms", "zorbital decreases tics"],
    ],
    [
      "No more effective than placebo for neuropathic pain",
      ["zorbital ineffectiveFor neuropathic pain"],
    ],
    ["Larger reduction in HAM-A scores than fexolan", ["zorbital decreases HAM-A scores"]],
    ["Failed to reduce the risk of relapse", ["zorbital noEffectOn relapse"]],
    [
      "Improved mood and reduced anxiety",
      ["zorbital increases mood", "zorbital decreases anxiety"],
    ],
    ["Shortened sleep latency versus placebo at 50 mg", ["zorbital decreases sleep latency"]],
    ["Lower rate of suicide attempts", ["zorbital decreases suicide attempts"]],
    ["Fewer relapses over 24 months", ["zorbital decreases relapses"]],
    ["Prolonged time to relapse", ["zorbital increases time to relapse"]],
    ["No better than placebo in the same trial", ["zorbital ineffectiveFor Gloom"]],
    ["Did not significantly improve remission in one trial but helped in another", []],
    ["Less effective than fexolan", []],
    ["Response rates similar to fexolan", []],
  ] as const)("%j → %j (and the other arm's 'Reduced gloom scores')", (cell, expected) => {
    const { kb, doc } = row("Gloom", cell, "Reduced gloom scores");
    const relations = armRelations(doc.claims);
    expect(relations.map(described)).toEqual([...expected, "fexolan decreases gloom scores"]);
    for (const r of relations) {
      expect(r.cue).toBeDefined();
      expect(r.citations).toEqual([1]);
      expect(r.table?.columnIndex).toBe(
        r.subject.kind === "entity" && r.subject.id === "zorbital" ? 2 : 3,
      );
      if (r.object.kind === "entity" && r.object.unnormalised)
        expect(r.guesses).toContain("MintedEntity");
      const assertion = assertionOf(kb, r);
      expect(assertion.some((q) => q.predicate.value.endsWith(`#${r.predicate.name}`))).toBe(true);
    }
  });

  it("keeps the arm's own result beside the relations", () => {
    const { doc } = row("Gloom (Mood)", "Reduced gloom scores", "Effective");
    const arm = doc.claims.filter((c) => c.table?.columnIndex === 2 && c.kind === "table");
    expect(arm.map((c) => c.predicate.name).sort()).toEqual(["decreases", "performanceIn"]);
  });
});
