/**
 * Table roles come from the template, not the lexicon: every header shape names its
 * subject whether or not the lexicon knows the name, an unknown name becomes a flagged
 * Drug or DrugClass with its class membership, and one name is one entity across a
 * document's tables. A column header never becomes a predicate.
 */
import { describe, expect, it } from "vitest";
import { buildTemplate, columnClaims } from "../helpers/template.ts";

const row = "Primary Target\tSerotonin Transporter (SERT) [1]\tSerotonin Transporter (SERT) [2]";

describe("column headers of every shape name their subject", () => {
  it.each([
    // header, subject id, type, memberships as "member relation group"
    ["Bupropion", "bupropion", "Drug", []],
    ["Bupropion (NDRI)", "bupropion", "Drug", ["bupropion memberOf ndri"]],
    ["Venlafaxine (SNRI)", "venlafaxine", "Drug", ["venlafaxine memberOf snri"]],
    ["Mianserin (NaSSA)", "mianserin", "Drug", ["mianserin memberOf nassa"]],
    ["Vortioxetine (Multimodal)", "vortioxetine", "Drug", ["vortioxetine memberOf multimodal"]],
    ["Agomelatine (Melatonergic)", "agomelatine", "Drug", ["agomelatine memberOf melatonergic"]],
    ["Phenelzine (MAOI)", "phenelzine", "Drug", ["phenelzine memberOf maoi"]],
    ["MAOIs", "maoi", "DrugClass", []],
    [
      "SNRIs (e.g., Venlafaxine)",
      "snri",
      "DrugClass",
      ["venlafaxine exampleMember snri", "venlafaxine memberOf snri"],
    ],
    [
      "MAOIs (e.g., Phenelzine, Tranylcypromine)",
      "maoi",
      "DrugClass",
      [
        "phenelzine exampleMember maoi",
        "phenelzine memberOf maoi",
        "tranylcypromine exampleMember maoi",
        "tranylcypromine memberOf maoi",
      ],
    ],
    ["SNRI (Duloxetine)", "duloxetine", "Drug", ["duloxetine memberOf snri"]],
  ] as const)("%s → %s (%s)", (header, id, type, memberships) => {
    const { kb, doc } = buildTemplate([`Feature\t${header}\tSSRIs\n${row}`]);
    const [claim] = columnClaims(doc, 1, 2);
    expect(claim?.subject).toEqual(
      expect.objectContaining({ kind: "entity", id, type, unnormalised: true }),
    );
    expect(claim?.predicate.name).toBe("primaryTarget");
    expect(claim?.guesses).toContain("MintedEntity");
    expect(kb.entities.get(id)).toEqual(expect.objectContaining({ type, unnormalised: true }));
    const relations = kb.memberships
      .filter((m) => m.member.id !== "fluoxetine")
      .map((m) => `${m.member.id} ${m.relation} ${m.group.id}`)
      .sort();
    expect(relations).toEqual([...memberships].sort());
    for (const m of kb.memberships) {
      expect(kb.entities.get(m.group.id)?.type).toBe("DrugClass");
    }
  });

  it.each([
    ["Bupropion Performance", "bupropion", "Drug"],
    ["SNRI Performance", "snri", "DrugClass"],
    ["SNRI (Duloxetine) Performance", "duloxetine", "Drug"],
  ] as const)("the arm header %s → %s (%s)", (header, id, type) => {
    const { doc } = buildTemplate([
      `Condition / Model\tEscitalopram Performance\t${header}\tKey Experimental Data\n<b>Major Depression</b>\tImproved mood [1]\tImproved mood [2]\tClinical Trial: both arms improved [1]`,
    ]);
    const arm = columnClaims(doc, 1, 3)[0];
    expect(arm?.subject).toEqual(expect.objectContaining({ id, type }));
    expect(arm?.predicate.name).toBe("performanceIn");
    const comparison = doc.claims.find((c) => c.kind === "comparative");
    expect(comparison?.comparison?.armB.id).toBe(id);
    expect(columnClaims(doc, 1, 4)[0]?.readBy).toBe("ValueColumnRule");
  });
});

describe("a value column is read from its header's head word or the table's shape", () => {
  const rowText =
    "<b>Bipolar Disorder (Relapse)</b>\tFewer relapses [1]\tMore relapses [2]\tTrial: 120 patients [1]";
  it.each([
    ["Lithium Performance", "Valproate Performance", "Supporting Data"],
    ["Lithium Performance", "Valproate Performance", "Clinical Observations"],
    ["Lithium", "Valproate", "Supporting Data"],
    // No cue names it, but the arms say "Performance" and it does not.
    ["Lithium Performance", "Valproate Performance", "Trial Summary"],
  ])("%s | %s | %s: the last column holds values, not an arm", (a, b, value) => {
    const { doc } = buildTemplate([`Condition / Model\t${a}\t${b}\t${value}\n${rowText}`]);
    const cell = columnClaims(doc, 1, 4)[0];
    expect(cell?.readBy).toBe("ValueColumnRule");
    expect(cell?.predicate.label).toBe(value.toLowerCase());
    const arms = doc.claims.filter((c) => c.kind === "comparative").map((c) => c.comparison);
    expect(arms.map((c) => [c?.armA.id, c?.armB.id])).toEqual([["lithium", "valproate"]]);
  });

  it("keeps a last arm when the arms do not all say Performance", () => {
    const { doc } = buildTemplate([
      `Condition / Model\tLithium Performance\tValproate\tCarbamazepine Performance\n${rowText}`,
    ]);
    expect(columnClaims(doc, 1, 4)[0]?.subject).toEqual(
      expect.objectContaining({ id: "carbamazepine", type: "Drug" }),
    );
  });
});

describe("one name, one entity", () => {
  it("reads 'Escitalopram (SSRI)' and 'Escitalopram' in two tables as one subject", () => {
    const { kb, doc } = buildTemplate([
      `Feature\tBupropion (NDRI)\tEscitalopram (SSRI)\n${row}`,
      "Side Effect\tBupropion\tEscitalopram\n<b>Insomnia</b>\tCommon [1]\tUncommon [2]",
    ]);
    const subjects = [2, 3].map((col) =>
      [...columnClaims(doc, 1, col), ...columnClaims(doc, 2, col)].map((c) =>
        c.subject.kind === "entity" ? c.subject.id : c.subject.kind,
      ),
    );
    expect(subjects).toEqual([
      ["bupropion", "bupropion"],
      ["escitalopram", "escitalopram"],
    ]);
    expect([...kb.entities.keys()].filter((k) => k.includes("escitalopram"))).toEqual([
      "escitalopram",
    ]);
    expect(kb.memberships).toContainEqual(
      expect.objectContaining({
        member: expect.objectContaining({ id: "escitalopram" }),
        group: expect.objectContaining({ id: "selective-serotonin-reuptake-inhibitors" }),
        relation: "memberOf",
      }),
    );
    const predicates = doc.claims.map((c) => c.predicate.name);
    expect(predicates).not.toContain("bupropion");
    expect(predicates).not.toContain("escitalopram");
  });

  it("reads a three-drug table: every drug column is a subject, every cell a claim", () => {
    const { doc } = buildTemplate([
      [
        "Feature\tBupropion (NDRI)\tVenlafaxine (SNRI)\tVortioxetine (Multimodal)",
        "Primary Target\tDAT and NET [1]\tSERT and NET [2]\tSERT [1] [2]",
        "Half-life\t21 hours [1]\t5 hours [2]\t66 hours [1]",
      ].join("\n"),
    ]);
    const subjectsOf = (col: number) =>
      columnClaims(doc, 1, col).map((c) => (c.subject.kind === "entity" ? c.subject.id : "-"));
    // "DAT and NET" and "SERT and NET" give one claim per object.
    expect(subjectsOf(2)).toEqual(["bupropion", "bupropion", "bupropion"]);
    expect(subjectsOf(3)).toEqual(["venlafaxine", "venlafaxine", "venlafaxine"]);
    expect(subjectsOf(4)).toEqual(["vortioxetine", "vortioxetine"]);
  });
});

describe("a brand where the template puts the class", () => {
  const features =
    "Feature\tZelbagrin (Gabapentinoid)\tQuorvane (Gabapentinoid)\nPrimary Target\tα2δ subunit [1]\tα2δ subunit [2]";
  const effects =
    "Side Effect\tZelbagrin (Lyrica)\tQuorvane (Neurontin)\n<b>Dizziness</b>\tCommon [1]\tCommon [2]";

  it("is not asserted as a class when the drug's headers give it a class too", () => {
    const { kb } = buildTemplate([features, effects], "Zelbagrin");
    const relations = kb.memberships.map((m) => `${m.member.id} ${m.relation} ${m.group.id}`);
    expect(relations.sort()).toEqual([
      "quorvane memberOf gabapentinoid",
      "zelbagrin memberOf gabapentinoid",
    ]);
    expect(kb.entities.has("lyrica")).toBe(false);
  });

  it("stays a (minted, flagged) class when it is the only one the headers give", () => {
    const { kb } = buildTemplate([effects], "Zelbagrin");
    expect(kb.memberships.map((m) => m.group.id).sort()).toEqual(["lyrica", "neurontin"]);
    expect(kb.entities.get("lyrica")).toEqual(expect.objectContaining({ unnormalised: true }));
  });
});
