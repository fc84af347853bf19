/**
 * Protocol bullets read as the template writes them: a study's total n is the study's,
 * ranges and approximations stay what they are, follow-up is not treatment duration, an
 * assessment's rhythm is no dosing schedule, and design words are read.
 */
import { describe, expect, it } from "vitest";
import { ontologyDir } from "../../src/base/paths.ts";
import { doseOf } from "../../src/claims/study-arms.ts";
import type { Claim, Study } from "../../src/claims/types.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";

const lexicon = loadLexicon(ontologyDir());

function studyOf(bullet: string, table = ""): { study: Study; claims: Claim[] } {
  const text = [
    "# Overview",
    "",
    "## Compound Focus: Bupropion",
    "",
    table,
    "",
    "## Summary of Key Experimental Protocols",
    "",
    `- **The Trial [1]:** ${bullet}`,
    "",
    "## References",
    "",
    "1. A trial of antidepressants ... [example.org]",
    "2. Another trial of antidepressants ... [example.org]",
    "",
  ].join("\n");
  const doc = buildKnowledgeBase({
    documents: [{ file: "doc.md", bytes: new TextEncoder().encode(text) }],
    lexicon,
    curation: { file: "claims.tsv", rows: [] },
    works: undefined,
  }).kb.documents[0];
  const study = doc?.studies[0];
  if (!study) throw new Error("no study read");
  return { study, claims: [...(doc?.claims ?? [])] };
}

describe("protocol bullets", () => {
  it("gives a total n to the study and each arm only its own n", () => {
    const { study } = studyOf(
      "A total of 17 patients were randomised to Desipramine (n=9) or Fluoxetine (n=8) for 6 weeks.",
    );
    expect(study.totalSampleSize).toBe(17);
    expect(study.arms.map((a) => [a.label, a.sampleSize])).toEqual([
      ["desipramine", 9],
      ["fluoxetine", 8],
    ]);
  });

  it("never puts the study's count on the first arm it names", () => {
    const { study } = studyOf(
      "Desipramine (10 mg/day) was compared with Fluoxetine in 120 outpatients for 8 weeks.",
    );
    expect(study.totalSampleSize).toBe(120);
    expect(study.arms.map((a) => a.sampleSize)).toEqual([undefined, undefined]);
  });

  it.each([
    ["10–20 mg/day", { dose: "10", doseMax: "20", doseApproximate: undefined, doseUnit: "mg/day" }],
    ["10-20 mg/kg", { dose: "10", doseMax: "20", doseApproximate: undefined, doseUnit: "mg/kg" }],
    [
      "~20 mg/kg/day",
      { dose: "20", doseMax: undefined, doseApproximate: true, doseUnit: "mg/kg/day" },
    ],
    ["about 5 mg", { dose: "5", doseMax: undefined, doseApproximate: true, doseUnit: "mg" }],
    [
      "up to 300 mg/day",
      { dose: undefined, doseMax: "300", doseApproximate: undefined, doseUnit: "mg/day" },
    ],
    [
      "titrated from 25 to 75 mg/day",
      { dose: "25", doseMax: "75", doseApproximate: undefined, doseUnit: "mg/day" },
    ],
    ["10 mg/kg", { dose: "10", doseMax: undefined, doseApproximate: undefined, doseUnit: "mg/kg" }],
  ])("keeps the dose %j as written", (text, expected) => {
    expect(doseOf(text)).toEqual(expected);
  });

  it("tells follow-up from treatment duration", () => {
    const { study } = studyOf(
      "Patients received Desipramine (50 mg/day) for 8 weeks and were followed up for 12 months.",
    );
    expect(study.duration).toBe("8 weeks");
    expect(study.followUp).toBe("12 months");
  });

  it("has no duration when the text gives only a follow-up", () => {
    const { study } = studyOf("Patients on Desipramine were followed up for 6 months.");
    expect(study.duration).toBeUndefined();
    expect(study.followUp).toBe("6 months");
  });

  it("does not read 'measured weekly' as a dosing schedule", () => {
    const { study } = studyOf(
      "Desipramine (50 mg) was given for 6 weeks; depression was measured weekly with the HAMD.",
    );
    expect(study.arms[0]?.schedule).toBeUndefined();
    const daily = studyOf("Desipramine (50 mg) was given once daily; mood was measured weekly.");
    expect(daily.study.arms[0]?.schedule).toBe("once daily");
  });

  it.each([
    [
      "A network meta-analysis of 21 trials compared Desipramine with Fluoxetine.",
      ["network meta-analysis"],
    ],
    [
      "A systematic review and meta-analysis of Desipramine trials.",
      ["meta-analysis", "systematic review"],
    ],
    ["An open-label, randomised trial of Desipramine.", ["open-label", "randomised"]],
    ["A double-blind crossover study of Desipramine.", ["crossover", "double-blind"]],
  ])("reads the design of %j", (bullet, designs) => {
    expect([...studyOf(bullet).study.design].sort()).toEqual(designs);
  });

  it("joins a study the claims of a table row that cites it, cited or not", () => {
    const table = [
      "Condition / Model\tDesipramine Performance\tFluoxetine Performance",
      "<b>Treatment-Resistant OCD</b>\tIneffective as an augmenting agent [1].\tNot tested in this specific study.",
      "<b>Major Depression</b>\tEffective [2].\tEffective [2].",
    ].join("\n");
    const { study, claims } = studyOf("A double-blind study of Desipramine added to SSRIs.", table);
    const row = (n: number) => claims.filter((c) => c.table?.rowIndex === n).map((c) => c.id);
    const untested = claims.find((c) => c.table?.rowIndex === 1 && c.citations.length === 0);
    expect(untested).toBeDefined();
    expect(study.supports).toEqual([...row(1)].sort());
    expect(row(2).length).toBeGreaterThan(0);
  });
});
