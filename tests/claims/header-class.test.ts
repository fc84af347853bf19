/**
 * "Name (Class)" is the template's header shape: the parenthesis names the drug's class
 * even when neither the lexicon nor the class cues know it ("(Azapirone)", "(SDAM)",
 * "(Non-stimulant)"). Names are invented: the rule reads the template, not the corpus.
 */
import { describe, expect, it } from "vitest";
import { buildTemplate, columnClaims } from "../helpers/template.ts";

const row = "Primary Target\tSERT [1]\tSERT [2]";

describe("the parenthesis of 'Name (Class)' is the class", () => {
  it.each([
    ["Zelnoxetine (Quinazolone)", "zelnoxetine", "quinazolone"],
    ["Zelnoxetine (XRM)", "zelnoxetine", "xrm"],
    ["Zelnoxetine (Non-sedating)", "zelnoxetine", "non-sedating"],
    ["Zelnoxetine (Orexin modulator)", "zelnoxetine", "orexin-modulator"],
  ] as const)("%s → %s member of %s", (header, member, group) => {
    const { kb, doc } = buildTemplate([`Feature\t${header}\tQuorbamates\n${row}`]);
    expect(columnClaims(doc, 1, 2)[0]?.subject).toEqual(
      expect.objectContaining({ id: member, type: "Drug" }),
    );
    expect(kb.memberships.map((m) => `${m.member.id} ${m.relation} ${m.group.id}`)).toEqual([
      `${member} memberOf ${group}`,
    ]);
    expect(kb.entities.get(group)).toEqual(
      expect.objectContaining({ type: "DrugClass", unnormalised: true }),
    );
  });

  it("takes no dose, number or repeated name for a class, and reads 'Classes (Drug)' the other way round", () => {
    const { kb } = buildTemplate([
      `Feature\tZelnoxetine (Quinazolone)\tTrexamide (10 mg)\tQuorbamate (Quorbamate)\tVelnorphans (Fluoxetine)\tQuorbamates (Trexamide)\n${row}\tSERT [1]\tSERT [2]\tSERT [2]`,
    ]);
    expect(kb.memberships.map((m) => `${m.member.id} ${m.relation} ${m.group.id}`).sort()).toEqual([
      "fluoxetine memberOf velnorphan",
      "trexamide memberOf quorbamate",
      "zelnoxetine memberOf quinazolone",
    ]);
  });

  it("reads 'Quinazolone' and 'Quinazolones' in two tables of a document as one class", () => {
    const { kb, doc } = buildTemplate([
      `Feature\tZelnoxetine (Quinazolone)\tTrexamide\n${row}`,
      "Side Effect\tQuinazolones (e.g., Zelnoxetine)\tTrexamide\n<b>Tinnitus</b>\tRare [1]\tCommon [2]",
    ]);
    expect(columnClaims(doc, 2, 2)[0]?.subject).toEqual(
      expect.objectContaining({ id: "quinazolone", type: "DrugClass" }),
    );
    expect(kb.memberships.map((m) => `${m.member.id} ${m.relation} ${m.group.id}`).sort()).toEqual([
      "zelnoxetine exampleMember quinazolone",
      "zelnoxetine memberOf quinazolone",
    ]);
  });
});
