/**
 * What the cell says is what the asserted triple says: null cells assert nothing,
 * coordinated objects give one claim each, qualifiers stay qualifiers, adverse-effect
 * cells are n-ary statements with a frequency, comparisons state their direction in the
 * assertion graph, and the CAS number is what the document states.
 */
import { describe, expect, it } from "vitest";
import { CG, RDF } from "../../src/rdf/vocab/vocabulary.ts";
import { assertionOf, buildTemplate, columnClaims } from "../helpers/template.ts";

const objectIds = (claims: readonly { object: { kind: string } }[]) =>
  claims.map((c) => ("id" in c.object ? c.object.id : JSON.stringify(c.object)));

describe("null cells assert no value", () => {
  it.each([
    ["Not applicable", "NotStated"],
    ["Not tested in this specific study.", "NotTested"],
    ["Not reported", "NotStated"],
    ["N/A", "NotStated"],
    ["—", "NotStated"],
    ["None reported", "NotStated"],
    ["None", "NotStated"],
    ["", "NotStated"],
    ["No data", "NotStated"],
    ["No data available", "NotStated"],
    ["Insufficient data in humans", "NotStated"],
  ] as const)("%j → %s, kept with its quote, nothing asserted", (cell, status) => {
    const { kb, doc } = buildTemplate([
      `Feature\tBupropion (NDRI)\tSSRIs\nKey Mechanism\t${cell}\tSerotonin reuptake inhibition [2]`,
    ]);
    const [claim, ...more] = columnClaims(doc, 1, 2);
    expect(more).toEqual([]);
    expect(claim?.status).toBe(status);
    expect(claim?.readBy).toBe("NullCellRule");
    expect(claim?.quote.end).toBeGreaterThan(claim?.quote.start ?? 0);
    const assertion = assertionOf(kb, claim as NonNullable<typeof claim>);
    expect(assertion.filter((q) => q.predicate.value === `${CG.iri}keyMechanism`)).toEqual([]);
    expect(assertion.some((q) => q.object.equals(CG.UnstatedValue))).toBe(true);
    expect(assertion.some((q) => q.object.equals(CG[status]))).toBe(true);
  });

  it("does not assert a performance for a 'Not tested' arm", () => {
    const { kb, doc } = buildTemplate([
      "Condition / Model\tBupropion Performance\tSSRI Performance\n<b>Smoking Cessation</b>\tDoubled abstinence [1]\tNot tested as monotherapy in this study.",
    ]);
    const [arm] = columnClaims(doc, 1, 3);
    expect(arm?.status).toBe("NotTested");
    const assertion = assertionOf(kb, arm as NonNullable<typeof arm>);
    expect(assertion.some((q) => q.predicate.value.endsWith("#performanceIn"))).toBe(false);
  });
});

describe("coordinated objects and qualifiers", () => {
  it.each([
    ["DAT and NET", ["dopamine-transporter", "norepinephrine-transporter"], []],
    [
      "Dopamine Transporter (DAT) and Norepinephrine Transporter (NET)",
      ["dopamine-transporter", "norepinephrine-transporter"],
      [],
    ],
    [
      "SERT, NET and DAT",
      ["serotonin-transporter", "norepinephrine-transporter", "dopamine-transporter"],
      [],
    ],
    [
      "SERT, NET, and DAT",
      ["serotonin-transporter", "norepinephrine-transporter", "dopamine-transporter"],
      [],
    ],
    ["MT1 and MT2 receptors", ["mt1-receptors", "mt2-receptors"], []],
    [
      "MT1 and MT2 receptors, allosteric site binding",
      ["mt1-receptors", "mt2-receptors"],
      ["allosteric site binding", "allosteric site binding"],
    ],
    [
      "Serotonin Transporter (SERT), at higher doses",
      ["serotonin-transporter"],
      ["at higher doses"],
    ],
    ["NET (weaker) and DAT", ["norepinephrine-transporter", "dopamine-transporter"], ["weaker"]],
  ] as const)("%j → %j", (cell, objects, qualifiers) => {
    const { doc } = buildTemplate([
      `Feature\tBupropion (NDRI)\tSSRIs\nPrimary Target\t${cell} [1]\tSERT [2]`,
    ]);
    const claims = columnClaims(doc, 1, 2);
    expect(objectIds(claims)).toEqual(objects);
    expect(claims.flatMap((c) => (c.qualifier ? [c.qualifier] : []))).toEqual(qualifiers);
    expect(new Set(claims.map((c) => c.quote.start)).size).toBe(1);
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    for (const c of claims) expect(c.value).toBe(cell);
  });

  it("keeps '(partial agonist)' as a qualifier of a minted target, not in its label", () => {
    const { doc } = buildTemplate([
      "Feature\tVilazodone (SPARI)\tSSRIs\nSecondary Target\t5-HT1A receptor (partial agonist), at higher doses [1]\tNone [2]",
    ]);
    const [claim] = columnClaims(doc, 1, 2);
    expect(claim?.object).toEqual(
      expect.objectContaining({ label: "5-HT1A receptor", type: "Target", unnormalised: true }),
    );
    expect(claim?.qualifier).toBe("partial agonist; at higher doses");
  });
});

describe("adverse-effect cells are n-ary statements with a frequency", () => {
  it.each([
    ["Very common, especially upon initiation", "VeryCommon", "especially upon initiation"],
    ["Common", "Common", undefined],
    ["Less common", "Uncommon", undefined],
    ["Uncommon", "Uncommon", undefined],
    ["Rare", "Rare", undefined],
    ["Possible, but variable", "Possible", "but variable"],
    ["Low risk", "LowRisk", undefined],
    [
      "Moderate, due to antihistaminic properties",
      "ModerateRisk",
      "due to antihistaminic properties",
    ],
    ["High risk (dry mouth, constipation)", "HighRisk", "dry mouth, constipation"],
    ["None", "NoRisk", undefined],
    ["Dose-dependent", "DoseDependent", undefined],
    ["Varies; can cause insomnia", "Varies", "can cause insomnia"],
    ["Significant risk", "HighRisk", undefined],
    ["Mentioned once", "UnreadFrequency", undefined],
  ] as const)("%j → %s", (cell, frequency, qualifier) => {
    const { kb, doc } = buildTemplate([
      `Side Effect\tBupropion (NDRI)\tSSRIs\n<b>Seizure Risk</b>\t${cell} [1]\tLow risk [2]`,
    ]);
    const [claim] = columnClaims(doc, 1, 2);
    expect(claim?.statement).toEqual({
      kind: "adverseEffect",
      drug: expect.objectContaining({ id: "bupropion" }),
      effect: expect.objectContaining({ id: "seizure" }),
      frequency,
    });
    expect(claim?.qualifier).toBe(qualifier);
    expect(claim?.readBy).toBe("AdverseEffectCellRule");
    expect(claim?.guesses.includes("UnreadValue")).toBe(frequency === "UnreadFrequency");
    const assertion = assertionOf(kb, claim as NonNullable<typeof claim>);
    expect(assertion.some((q) => q.predicate.value.endsWith("#adverseEffectRisk"))).toBe(false);
    expect(assertion.map((q) => [q.predicate.value, q.object.value]).sort()).toEqual(
      [
        [RDF.type.value, CG.AdverseEffectStatement.value],
        [CG.drug.value, expect.stringMatching(/entity\/bupropion$/)],
        [CG.effect.value, expect.stringMatching(/entity\/seizure$/)],
        [CG.frequency.value, CG[frequency].value],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );
  });
});

describe("comparative rows state their direction in the assertion graph", () => {
  const comparative = (a: string, b: string, c?: string) =>
    [
      `Condition / Model\tBupropion Performance\tSSRI Performance${c ? "\tSNRI Performance" : ""}`,
      `<b>Major Depression</b>\t${a} [1]\t${b} [2]${c ? `\t${c} [2]` : ""}`,
    ].join("\n");

  it.each([
    [
      "Doubled abstinence rates at 12 weeks",
      "No consistent benefit over placebo",
      "Favours",
      "bupropion",
    ],
    [
      "No consistent benefit over placebo",
      "Reduced symptoms",
      "Favours",
      "selective-serotonin-reuptake-inhibitors",
    ],
    ["Ineffective as an augmenting agent", "No more effective than placebo", "Similar", undefined],
    [
      "Did not significantly improve memory",
      "Did not significantly improve mood",
      "Similar",
      undefined,
    ],
    [
      "Effective",
      "SSRIs cause the sexual dysfunction, which is the adverse effect being treated",
      "NotCompared",
      undefined,
    ],
    ["Effective", "Can cause major depression in some patients", "NotCompared", undefined],
    ["Not tested in this study", "Effective", "NotCompared", undefined],
    ["Restored mood", "Restored mood, but only after 6 weeks", "Favours", "bupropion"],
    ["Mentioned in passing", "Listed", "Unclear", undefined],
  ] as const)("%j vs %j → %s", (a, b, direction, favours) => {
    const { kb, doc } = buildTemplate([comparative(a, b)]);
    const [claim, ...more] = doc.claims.filter((c) => c.kind === "comparative");
    expect(more).toEqual([]);
    expect(claim?.comparison?.direction).toBe(direction);
    expect(claim?.comparison?.favours?.id).toBe(favours);
    const assertion = assertionOf(kb, claim as NonNullable<typeof claim>);
    const has = (p: { value: string }, o: { value: string }) =>
      assertion.some((q) => q.predicate.value === p.value && q.object.value === o.value);
    expect(has(RDF.type, CG.ComparisonStatement)).toBe(true);
    expect(has(CG.direction, CG[direction])).toBe(true);
  });

  it("compares every pair of three arms", () => {
    const { doc } = buildTemplate([
      comparative("Reduced relapse", "No consistent benefit", "Not tested in this study"),
    ]);
    const pairs = doc.claims
      .filter((c) => c.kind === "comparative")
      .map((c) => `${c.comparison?.armA.id} ${c.comparison?.armB.id} ${c.comparison?.direction}`);
    expect(pairs).toEqual([
      "bupropion selective-serotonin-reuptake-inhibitors Favours",
      "bupropion snri NotCompared",
      "selective-serotonin-reuptake-inhibitors snri NotCompared",
    ]);
  });
});

describe("what the document states against public records", () => {
  it("states the CAS number as the document's statement, not as a fact about the drug", () => {
    const { kb, doc } = buildTemplate([]);
    const claim = doc.claims.find((c) => c.kind === "header");
    expect(claim?.subject).toEqual(expect.objectContaining({ kind: "document" }));
    expect(claim?.readBy).toBe("HeaderFieldRule");
    const assertion = assertionOf(kb, claim as NonNullable<typeof claim>);
    expect(assertion.some((q) => q.subject.value.endsWith("/entity/bupropion"))).toBe(false);
    const value = (p: { value: string }) =>
      assertion.find((q) => q.predicate.value === p.value)?.object.value;
    expect(value(CG.statesIdentifier)).toMatch(/\.statement$/);
    expect(value(CG.about)).toMatch(/\/entity\/bupropion$/);
    expect(value(CG.scheme)).toBe("cas");
    expect(value(CG.statedValue)).toBe("31677-93-7");
  });
});
