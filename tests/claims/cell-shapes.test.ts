/**
 * Feature cells of the template's shapes give one object per name, each with its own
 * qualifiers: names sharing a head noun, a front or a modifier, a parenthesis after a
 * coordination, a role after a receptor, a phrase after a name, clauses separated by ";";
 * a phrase that names no entity keeps its qualifier apart. Names are invented (KX1, glycine
 * reuptake …): the rules read the template, not the corpus.
 */
import { describe, expect, it } from "vitest";
import type { Claim } from "../../src/claims/types.ts";
import { buildTemplate, columnClaims } from "../helpers/template.ts";

const cellsOf = (row: string, cell: string): Claim[] => {
  const { doc } = buildTemplate([
    `Feature\tZelnoxetine (XRI)\tQuorbamates\n${row}\t${cell}\tSERT [2]`,
  ]);
  return columnClaims(doc, 1, 2);
};
const objects = (claims: readonly Claim[]) =>
  claims.map((c) =>
    c.object.kind === "entity"
      ? c.object.id
      : `"${c.object.kind === "literal" ? c.object.value : c.object.kind}"`,
  );
const qualifiers = (claims: readonly Claim[]) => claims.map((c) => c.qualifier ?? "");

describe("coordinated names share their words", () => {
  it.each([
    // row, cell, objects, qualifiers
    [
      "Primary Target",
      "KX1 and KX2 receptors (agonist) [1]",
      ["kx1-receptors", "kx2-receptors"],
      ["agonist", "agonist"],
    ],
    [
      "Secondary Target",
      "Muscarinic, H3 and KX7 receptors (inverse agonist) [1]",
      ["muscarinic-receptors", "h3-receptors", "kx7-receptors"],
      ["inverse agonist", "inverse agonist", "inverse agonist"],
    ],
    [
      "Primary Target",
      "DAT and NET (substrate-type releaser) [1]",
      ["dopamine-transporter", "norepinephrine-transporter"],
      ["substrate-type releaser", "substrate-type releaser"],
    ],
    [
      "Primary Target",
      "Glycine transporter 1 and 2 (reversible inhibition) [1]",
      ["glycine-transporter-1", "glycine-transporter-2"],
      ["reversible inhibition", "reversible inhibition"],
    ],
    [
      "Primary Target",
      "SERT, and NET at higher doses [1]",
      ["serotonin-transporter", "norepinephrine-transporter"],
      ["", "at higher doses"],
    ],
    [
      "Receptor Interactions",
      "KX3, KX7 and KX1D receptor antagonist; KX1B receptor partial agonist [1]",
      ["kx3-receptor", "kx7-receptor", "kx1d-receptor", "kx1b-receptor"],
      ["antagonist", "antagonist", "antagonist", "partial agonist"],
    ],
    [
      "Receptor Interactions",
      "KX2 and KX3 receptors (partial agonist) [1]",
      ["kx2-receptors", "kx3-receptors"],
      ["partial agonist", "partial agonist"],
    ],
    [
      "Receptor Interactions",
      "KX2A receptor (inverse agonist), KX1A receptor (partial agonist) [1]",
      ["kx2a-receptor", "kx1a-receptor"],
      ["inverse agonist", "partial agonist"],
    ],
    [
      "Key Mechanism",
      "Dual glycine and norepinephrine reuptake inhibition [1]",
      ["glycine-reuptake-inhibition", "norepinephrine-reuptake-inhibition"],
      ["", ""],
    ],
    [
      "Key Mechanism",
      "Reuptake inhibition of glycine and serotonin [1]",
      ["glycine-reuptake-inhibition", "serotonin-reuptake-inhibition"],
      ["", ""],
    ],
    [
      "Receptor Interactions",
      "Marked anticholinergic, antiglutamatergic, and $\\alpha_1$-adrenergic blockade [1]",
      ["anticholinergic-blockade", "antiglutamatergic-blockade", "alpha-1-adrenergic-blockade"],
      ["marked", "marked", "marked"],
    ],
  ] as const)("%s %j", (row, cell, ids, quals) => {
    const claims = cellsOf(row, cell);
    expect(objects(claims)).toEqual(ids);
    expect(qualifiers(claims)).toEqual(quals);
    expect(new Set(claims.map((c) => c.quote.start)).size).toBe(1);
    for (const c of claims) expect(c.citations).toEqual([1]);
  });

  it("shares a singular head noun, and no words where each name is whole or the lexicon's own", () => {
    const { doc } = buildTemplate([
      [
        "Feature\tZelnoxetine (XRI)\tQuorbamates",
        "Primary Target\tKX1 and KX2 receptor [1]\tDAT and Norepinephrine Transporter [2]",
        "Secondary Target\tKX1 receptor (partial agonist) and KX2 receptor (antagonist) [1]\tGlycine Transporter and Norepinephrine Transporter [2]",
      ].join("\n"),
    ]);
    const [mt, whole] = [2, 3].map((col) => columnClaims(doc, 1, col));
    expect(objects(mt ?? [])).toEqual([
      "kx1-receptor",
      "kx2-receptor",
      "kx1-receptor",
      "kx2-receptor",
    ]);
    expect(qualifiers(mt ?? []).slice(2)).toEqual(["partial agonist", "antagonist"]);
    expect(objects(whole ?? [])).toEqual([
      "dopamine-transporter",
      "norepinephrine-transporter",
      "glycine-transporter",
      "norepinephrine-transporter",
    ]);
  });
});

describe("a phrase keeps its qualifier apart", () => {
  it.each([
    [
      "Active Metabolite",
      "Norzelnoxetine, a KX1 inhibitor [1]",
      "Norzelnoxetine",
      "a KX1 inhibitor",
    ],
    [
      "Active Metabolite",
      "Hydroxyzelnoxetine, at higher plasma levels than the parent drug [1]",
      "Hydroxyzelnoxetine",
      "at higher plasma levels than the parent drug",
    ],
    ["Active Metabolite", "Norquorbamate (weakly active) [1]", "Norquorbamate", "weakly active"],
    ["Half-life", "4–6 hours (extended release) [1]", "4–6 hours", "extended release"],
  ] as const)("%s %j", (row, cell, value, qualifier) => {
    const [claim, ...more] = cellsOf(row, cell);
    expect(more).toEqual([]);
    expect(claim?.object).toEqual({ kind: "literal", value });
    expect(claim?.qualifier).toBe(qualifier);
    expect(claim?.value).toBe(cell.replace(/ \[1\]$/, ""));
  });

  it("keeps another name in parentheses, and what follows a level word, in the phrase", () => {
    const { doc } = buildTemplate([
      [
        "Feature\tZelnoxetine (XRI)\tQuorbamates",
        "Active Metabolite\tO-desmethylzelnoxetine (deszelnoxetine) [1]\tNorquorbamate (weakly active) [2]",
        "Dependence Potential\tHigh, with withdrawal on abrupt stopping [1]\tLow [2]",
        "Onset\tFast (oral), slow (depot) [1]\tSlow [2]",
      ].join("\n"),
    ]);
    const read = [2, 3].flatMap((col) =>
      columnClaims(doc, 1, col).map((c) => [
        c.object.kind === "literal" && c.object.value,
        c.qualifier,
      ]),
    );
    expect(read).toEqual([
      ["O-desmethylzelnoxetine (deszelnoxetine)", undefined],
      ["High, with withdrawal on abrupt stopping", undefined],
      ["Fast (oral), slow (depot)", undefined],
      ["Norquorbamate", "weakly active"],
      ["Low", undefined],
      ["Slow", undefined],
    ]);
  });
});

describe("a plural names the lexicon's entity", () => {
  it("reads 'Serotonin and norepinephrine transporters' as the two transporters the lexicon knows", () => {
    const claims = cellsOf("Primary Target", "Serotonin and norepinephrine transporters [1]");
    expect(objects(claims)).toEqual(["serotonin-transporter", "norepinephrine-transporter"]);
  });
});
