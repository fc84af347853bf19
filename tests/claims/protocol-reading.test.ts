/**
 * Protocol bullets of drugs and classes the lexicon does not know (Zorbatine, Quellamide, the
 * "RIMA" class, named only by the document's own table), read by the template's rules: counts
 * written whole, the study's total apart from each arm's n, the design of a pooling study
 * apart from that of the trials it pools, control arms apart from the design word
 * "placebo-controlled", routes written as adverbs, and treatment apart from follow-up.
 */
import { describe, expect, it } from "vitest";
import { arms, documentOf, studyOf } from "./protocol-doc.ts";

describe("counts in protocol bullets", () => {
  it.each([
    ["A network meta-analysis of 133 trials (n=14,346 children) of Zorbatine.", 14346],
    ["A network meta-analysis of 522 trials (116,477 participants) of Zorbatine.", 116477],
    ["A randomised trial in 279 adult outpatients given Zorbatine 10 mg/day.", 279],
    ["A placebo-controlled trial in 61 anxious patients given Zorbatine 30 mg/day.", 61],
    ["Children with tics (n=148) were randomised to Zorbatine or Quellamide.", 148],
  ])("reads the study's total n of %j", (bullet, total) => {
    expect(studyOf(bullet).totalSampleSize).toBe(total);
  });

  it("gives an n written after an arm to that arm, in thousands too, and no period to people", () => {
    const study = studyOf(
      "A randomised trial of Zorbatine 10 mg/day (n=1,204) or Quellamide 5 mg/day (n=1,198).",
    );
    expect(study.totalSampleSize).toBeUndefined();
    expect(arms(study)).toEqual([
      ["zorbatine", 1204],
      ["quellamide", 1198],
    ]);
    const weeks = studyOf("Zorbatine 10 mg/day was given for 8 weeks in patients with pain.");
    expect(weeks.totalSampleSize).toBeUndefined();
    const perArm = studyOf("Male rats (n=10 per arm) received Zorbatine or vehicle.");
    expect(perArm.totalSampleSize).toBeUndefined();
    expect(arms(perArm)).toEqual([
      ["zorbatine", 10],
      ["vehicle", 10],
    ]);
  });
});

describe("design and control arms", () => {
  it.each([
    [
      "A systematic review and meta-analysis of 46 randomised placebo-controlled trials comparing Zorbatine with placebo.",
      ["meta-analysis", "systematic review"],
    ],
    [
      "A network meta-analysis of 133 double-blind randomised trials of Zorbatine and Quellamide.",
      ["network meta-analysis"],
    ],
    ["A meta-analysis of 24 placebo-controlled trials of Zorbatine.", ["meta-analysis"]],
  ])("reads the design of the study itself in %j, not of the trials it pools", (bullet, design) => {
    expect([...studyOf(bullet).design].sort()).toEqual(design);
    // a trial's own design words stay: it pools nothing
    const trials = studyOf(
      "Two randomised, double-blind, placebo-controlled trials of Zorbatine 5–30 mg/day.",
    );
    expect([...trials.design].sort()).toEqual(["double-blind", "placebo-controlled", "randomised"]);
  });

  it("reads a placebo arm where the bullet names placebo, not where it says placebo-controlled", () => {
    expect(
      arms(studyOf("A placebo-controlled trial of Zorbatine 30 mg/day for 12 weeks.")),
    ).toEqual([["zorbatine", undefined]]);
    expect(arms(studyOf("A meta-analysis of 24 placebo-controlled trials of Zorbatine."))).toEqual([
      ["zorbatine", undefined],
    ]);
    expect(
      arms(
        studyOf(
          "A randomised, placebo-controlled trial of Zorbatine (n=20), Quellamide (n=19) or placebo (n=21).",
        ),
      ),
    ).toEqual([
      ["zorbatine", 20],
      ["quellamide", 19],
      ["placebo", 21],
    ]);
  });

  it("does not give the placebo arm's n to the drug named before it", () => {
    expect(arms(studyOf("Patients took Zorbatine or placebo (n=8) for 4 weeks."))).toEqual([
      ["zorbatine", undefined],
      ["placebo", 8],
    ]);
  });

  it("reads the classes a study compares as its arms when it names no drug", () => {
    const study = studyOf("A meta-analysis of 6 trials comparing RIMAs with TCAs in depression.");
    expect(study.arms.map((a) => a.intervention?.id)).toEqual([
      "rima",
      "tricyclic-antidepressants",
    ]);
    const added = studyOf("Patients took Zorbatine 150 mg in addition to their RIMA.");
    expect(added.arms.map((a) => a.intervention?.id)).toEqual(["zorbatine"]);
  });
});

describe("routes and periods", () => {
  it.each([
    ["Zorbatine 10 mg/day and Quellamide 5 mg/day were given orally for 6 weeks.", "oral"],
    ["Zorbatine 10 mg/kg and Quellamide 5 mg/kg were given intravenously.", "intravenous"],
    ["Zorbatine and Quellamide were taken by mouth for 6 weeks.", "oral"],
  ])("reads the route of every arm in %j", (bullet, route) => {
    expect(studyOf(bullet).arms.map((a) => a.route)).toEqual([route, route]);
  });

  it.each([
    [
      "Trials of Zorbatine (n=374) and Quellamide (n=172), each over 8 weeks.",
      "8 weeks",
      undefined,
    ],
    [
      "A meta-analysis of Zorbatine trials; treatment lasted 6 weeks in most trials.",
      "6 weeks",
      undefined,
    ],
    ["A 12-week trial of Zorbatine.", "12 weeks", undefined],
    [
      "Zorbatine 30 mg/day for 12 weeks, with a follow-up visit at 6 months.",
      "12 weeks",
      "6 months",
    ],
    [
      "Zorbatine or Quellamide for 10 weeks, with follow-up visits up to 6 months after treatment ended.",
      "10 weeks",
      "6 months",
    ],
    ["Zorbatine or Quellamide for 8 weeks, with a 6-month follow-up.", "8 weeks", "6 months"],
    ["Zorbatine for 4 weeks, with a 1-year follow-up.", "4 weeks", "1 year"],
  ])("tells treatment from follow-up in %j", (bullet, duration, followUp) => {
    const study = studyOf(bullet);
    expect([study.duration, study.followUp]).toEqual([duration, followUp]);
  });
});

describe("subjects and schedules", () => {
  it("does not read a count taken weekly as the arms' dosing schedule", () => {
    const study = studyOf(
      "Zorbatine 60 mg/day and Quellamide 150 mg/day for 12 weeks; panic attacks were counted weekly.",
    );
    expect(study.arms.map((a) => a.schedule)).toEqual([undefined, undefined]);
  });

  it.each([
    "Children with tics (n=148) were randomised to Zorbatine or Quellamide.",
    "A trial in 40 healthy volunteers given Zorbatine.",
    "A trial in 90 adolescents given Zorbatine.",
  ])("reads human subjects in %j", (bullet) => {
    expect(studyOf(bullet).species).toEqual(["human"]);
  });
});

describe("drugs named only in a protocol bullet", () => {
  it("mints, flagged unnormalised, a capitalised name written with a dose or an n", () => {
    const study = studyOf(
      "A randomised trial in 80 adults of Zorbatine 10 mg/day (n=40) or Halvoprine XR 20–40 mg/day (n=40).",
    );
    expect(
      study.arms.map((a) => [
        a.intervention?.id,
        a.intervention?.unnormalised,
        a.sampleSize,
        a.dose,
      ]),
    ).toEqual([
      ["zorbatine", true, 40, "10"],
      ["halvoprine", true, 40, "20"],
    ]);
    const single = studyOf(
      "An open-label study in which patients took Halvoprine (n=12) for 4 weeks.",
    );
    expect(single.arms.map((a) => [a.intervention?.id, a.sampleSize])).toEqual([
      ["halvoprine", 12],
    ]);
    // subjects, controls and periods written with an n are no drugs
    const others = studyOf(
      "Patients (n=60) were given Halvoprine 10 mg/day, Placebo (n=20) or Controls (n=20) for Week 1 (n=58). Initially 5 mg, Maximum 20 mg/day, Mean 12 mg/day.",
    );
    expect(others.arms.map((a) => a.label.toLowerCase())).toEqual(["halvoprine", "placebo"]);
  });

  it("has the bullet's claim mention a drug minted from it, not one the tables name", () => {
    const doc = documentOf("Zorbatine 10 mg/day (n=40) or Halvoprine 20 mg/day (n=40).");
    const bullet = doc.claims.find((c) => c.kind === "protocol");
    expect(bullet?.mentions.map((t) => [t.id, t.unnormalised])).toEqual([["halvoprine", true]]);
  });
});
