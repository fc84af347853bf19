/**
 * How other overviews of the template write what a protocol bullet says: counts per arm
 * and of subjects described by adjectives, doses in other units, designs negated or pooled
 * with other verbs, a trial's length as an adjective, routes, species and schedules in other
 * words. The drugs are invented (`protocol-doc.ts`).
 */
import { describe, expect, it } from "vitest";
import { arms, studyOf } from "./protocol-doc.ts";

describe("counts", () => {
  it.each([
    "Rats (n=12 each) received Zorbatine or Quellamide.",
    "Rats (n = 12/group) received Zorbatine or Quellamide.",
  ])("gives an n of each arm to every arm in %j", (bullet) => {
    const study = studyOf(bullet);
    expect([study.totalSampleSize, ...arms(study)]).toEqual([
      undefined,
      ["zorbatine", 12],
      ["quellamide", 12],
    ]);
  });

  it("reads a total of people described by an accented adjective", () => {
    expect(
      studyOf("An open-label study in 24 drug-naïve patients given Zorbatine.").totalSampleSize,
    ).toBe(24);
  });
});

describe("doses", () => {
  it.each([
    ["Zorbatine 150 mcg/day", { dose: "150", doseUnit: "mcg/day" }],
    ["Zorbatine 5 µg/kg/day", { dose: "5", doseUnit: "µg/kg/day" }],
    ["Zorbatine 10–20 mg/d", { dose: "10", doseMax: "20", doseUnit: "mg/d" }],
    [
      "Zorbatine titrated from 0.5 to 2 mg/kg/d",
      { dose: "0.5", doseMax: "2", doseUnit: "mg/kg/d" },
    ],
  ])("reads the dose of %j", (bullet, dose) => {
    const arm = studyOf(`Patients took ${bullet} for 4 weeks.`).arms[0];
    expect({ dose: arm?.dose, doseMax: arm?.doseMax, doseUnit: arm?.doseUnit }).toEqual({
      doseMax: undefined,
      ...dose,
    });
  });
});

describe("designs", () => {
  it.each([
    ["A non-randomised, open-label study of Zorbatine.", ["open-label"]],
    [
      "A double-blinded, placebo controlled trial of Zorbatine.",
      ["double-blind", "placebo-controlled"],
    ],
    ["A meta-analysis pooling 12 randomised double-blind studies of Zorbatine.", ["meta-analysis"]],
    ["A systematic review including 30 randomised trials of Zorbatine.", ["systematic review"]],
  ])("reads the design of %j", (bullet, design) => {
    expect([...studyOf(bullet).design].sort()).toEqual(design);
  });
});

describe("periods", () => {
  it.each([
    ["An 8-week, randomised, double-blind trial of Zorbatine.", "8 weeks"],
    ["A 12-week open-label study of Zorbatine.", "12 weeks"],
  ])("reads the length of %j", (bullet, duration) => {
    expect(studyOf(bullet).duration).toBe(duration);
    // a washout before treatment is not its length
    const washout = studyOf("After a 2-week washout, a trial gave Zorbatine for 6 weeks.");
    expect(washout.duration).toBe("6 weeks");
  });
});

describe("routes, species and schedules", () => {
  it.each([
    ["Mice received Zorbatine 5 mg/kg by gavage.", "oral (gavage)"],
    ["Zorbatine 2 µg was given i.c.v. to rats.", "intracerebroventricular"],
    ["Zorbatine 0.5 mg was inhaled twice daily.", "inhalation"],
    ["Zorbatine 1% cream was applied topically.", "topical"],
  ])("reads the route of %j", (bullet, route) => {
    expect(studyOf(bullet).arms[0]?.route).toBe(route);
  });

  it.each([
    ["Beagle dogs received Zorbatine 5 mg/kg.", "dog"],
    ["Cynomolgus macaques received Zorbatine 1 mg/kg.", "monkey"],
    ["Male guinea pigs received Zorbatine 10 mg/kg.", "guinea pig"],
    ["Postmenopausal women took Zorbatine 10 mg/day.", "human"],
  ])("reads the species of %j", (bullet, species) => {
    expect(studyOf(bullet).species).toEqual([species]);
  });

  it("reads a hyphenated schedule", () => {
    expect(studyOf("Patients took Zorbatine 10 mg once-daily.").arms[0]?.schedule).toBe(
      "once-daily",
    );
  });
});

describe("arms of one drug", () => {
  it("reads one arm per dose of a drug named twice, labelled with its dose", () => {
    const study = studyOf(
      "Patients (N=460) were randomised to Zorbatine 40 mg/day (n=150), Zorbatine 120 mg/day (n=155) or placebo (n=155) for 6 weeks.",
    );
    expect(study.arms.map((a) => [a.label, a.intervention?.id, a.dose, a.sampleSize])).toEqual([
      ["Zorbatine 40 mg/day", "zorbatine", "40", 150],
      ["Zorbatine 120 mg/day", "zorbatine", "120", 155],
      ["placebo", undefined, undefined, 155],
    ]);
    // named again without a dose, a drug is still one arm, with the dose it was given
    const again = studyOf(
      "Zorbatine was compared with Quellamide; Zorbatine 10 mg/day was given daily.",
    );
    expect(again.arms.map((a) => [a.label.toLowerCase(), a.dose])).toEqual([
      ["zorbatine", "10"],
      ["quellamide", undefined],
    ]);
  });

  it("takes a range of n per group for no total", () => {
    const study = studyOf("Male Wistar rats (n=8–10 per group) received Zorbatine or vehicle.");
    expect(study.totalSampleSize).toBeUndefined();
  });
});

describe("extensions and follow-up", () => {
  it("reads an extension's length and a follow-up named by its purpose", () => {
    const study = studyOf(
      "A 12-month open-label extension in 593 patients taking Zorbatine 40–160 mg/day, with a 30-day safety follow-up.",
    );
    expect([study.duration, study.followUp, study.totalSampleSize]).toEqual([
      "12 months",
      "30 days",
      593,
    ]);
    const both = studyOf("Zorbatine was given for 12 weeks and follow-up at 6 months.");
    expect([both.duration, both.followUp]).toEqual(["12 weeks", "6 months"]);
  });

  it("gives no arm the upper bound of a range of n per group", () => {
    const study = studyOf("Male rats (n=8–10 per group) received Zorbatine 10 mg/kg or vehicle.");
    expect(study.arms.map((a) => a.sampleSize)).toEqual([undefined, undefined]);
  });
});

describe("abbreviated designs", () => {
  it("reads an RCT as randomised, and not the RCTs a meta-analysis pools", () => {
    expect(studyOf("An RCT in 200 adults given Zorbatine 10 mg/day.").design).toEqual([
      "randomised",
    ]);
    expect(studyOf("A meta-analysis of 14 RCTs of Zorbatine.").design).toEqual(["meta-analysis"]);
  });
});

describe("what other documents write in words", () => {
  it("reads a count and a period written as words", () => {
    const study = studyOf(
      "Twelve healthy volunteers received Zorbatine 50 mg or placebo for six weeks.",
    );
    expect([study.totalSampleSize, study.duration]).toEqual([12, "six weeks"]);
  });

  it("reads doses with thousands separators, without the commas", () => {
    const arm = studyOf("Patients took Zorbatine 900–3,600 mg/day for 8 weeks.").arms[0];
    expect([arm?.dose, arm?.doseMax, arm?.doseUnit]).toEqual(["900", "3600", "mg/day"]);
    const titrated = studyOf("Zorbatine titrated from 300 to 1,800 mg/day.").arms[0];
    expect([titrated?.dose, titrated?.doseMax]).toEqual(["300", "1800"]);
  });

  it.each([
    [
      "A meta-analysis of Zorbatine; treatment lasted eight to twelve weeks.",
      "eight to twelve weeks",
    ],
    ["Trials of Zorbatine lasted from 5 to 16 weeks.", "5 to 16 weeks"],
    ["Zorbatine titrated from 300 to 1,800 mg/day over 14 days, for 8 weeks in total.", "8 weeks"],
  ])("reads how long treatment lasted when %j says so outright", (bullet, duration) => {
    expect(studyOf(bullet).duration).toBe(duration);
  });

  it("reads a period a trial lasted 'up to'", () => {
    expect(studyOf("Patients took Zorbatine and were treated for up to 24 months.").duration).toBe(
      "24 months",
    );
  });

  it("gives '(N = 60)' after an arm to the arm, and the people counted to the study", () => {
    const study = studyOf(
      "A randomised comparison in 120 inpatients: Zorbatine 75 mg/day (N = 60) versus Quellamide 150 mg/day (N = 60).",
    );
    expect([study.totalSampleSize, ...arms(study)]).toEqual([
      120,
      ["zorbatine", 60],
      ["quellamide", 60],
    ]);
  });

  it("reads no part of a longer number written in words", () => {
    expect(studyOf("Twenty-four healthy volunteers received Zorbatine.").totalSampleSize).toBe(
      undefined,
    );
    expect(studyOf("One hundred patients received Zorbatine.").totalSampleSize).toBe(undefined);
    expect(studyOf("Patients took Zorbatine for twenty-six weeks.").duration).toBe(undefined);
  });

  it("reads one '(N = 300)' after the last arm as the study's, not an arm's", () => {
    const study = studyOf("Zorbatine 20 mg/day versus Quellamide 40 mg/day (N = 300).");
    expect([study.totalSampleSize, ...arms(study)]).toEqual([
      300,
      ["zorbatine", undefined],
      ["quellamide", undefined],
    ]);
  });

  it("still reads '(N = 2,361)' before any arm as the study's", () => {
    const study = studyOf(
      "A meta-analysis of 12 trials (N = 2,361) comparing Zorbatine with placebo.",
    );
    expect(study.totalSampleSize).toBe(2361);
  });

  it("reads a design the bullet's title names", () => {
    expect(studyOf("Rats received Zorbatine daily.", "Binding *In Vivo*").design).toEqual([
      "in vivo",
    ]);
  });

  it("reads a dose in mEq/kg and saline given as the alternative, not as a solvent", () => {
    const study = studyOf(
      "Rats (n = 8 per group) received Zorbatine 2 mEq/kg i.p. or saline daily.",
    );
    expect(
      study.arms.map((a) => [a.label.toLowerCase(), a.dose, a.doseUnit, a.sampleSize]),
    ).toEqual([
      ["zorbatine", "2", "mEq/kg", 8],
      ["saline", undefined, undefined, 8],
    ]);
    expect(
      studyOf("Rats received Zorbatine dissolved in saline.").arms.map((a) => a.label),
    ).toEqual(["Zorbatine"]);
  });
});
