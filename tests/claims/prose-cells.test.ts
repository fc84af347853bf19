/**
 * Relations stated in the Key Experimental Data (value-column) cells of a comparison table:
 * prose read sentence by sentence, "both drugs" being the row's arms that report a result.
 * The drugs are invented: the rules read them from the template alone.
 */
import { describe, expect, it } from "vitest";
import { ontologyDir } from "../../src/base/paths.ts";
import type { Claim } from "../../src/claims/types.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";

const lexicon = loadLexicon(ontologyDir());

function valueCellRelations(rows: string[]): Claim[] {
  const text = [
    "# Mechanisms of Action: A Comparative Overview",
    "",
    "**Author:** Test Team. **Date:** March 2026",
    "",
    "## Compound Focus: Zorapine",
    "",
    "## Comparative Efficacy in Clinical and Preclinical Models",
    "",
    "Condition / Model\tZorapine Performance\tQuelmadol Performance\tKey Experimental Data",
    ...rows,
    "",
    "## References",
    "",
    "1. A trial of two antidepressants ... [example.org]",
    "",
  ].join("\n");
  const kb = buildKnowledgeBase({
    documents: [{ file: "doc.md", bytes: new TextEncoder().encode(text) }],
    lexicon,
    curation: { file: "claims.tsv", rows: [] },
    works: undefined,
  }).kb;
  return (kb.documents[0]?.claims ?? []).filter((c) => c.readBy === "ProseCueRule");
}

const triple = (c: Claim) =>
  [c.subject, c.object]
    .map((t) => (t.kind === "entity" ? t.id : "?"))
    .join(` ${c.predicate.name} `);

describe("relations in Key Experimental Data cells", () => {
  it("reads 'Both drugs …' as the row's two arms with a result, citing what the cell cites, at its place", () => {
    const claims = valueCellRelations([
      // Only one arm reports a result here: "both drugs" names no subject.
      "<b>Tic Disorder</b>\tReduced tics [1].\tNot tested in this specific study.\t<b>Clinical Trial:</b> Both drugs lowered tic counts [1].",
      "<b>Forced Swim Test</b>\tReduced immobility [1].\tReduced immobility [1].\t<b>Preclinical Study:</b> Both drugs reduced immobility to a similar extent [1].",
    ]);
    expect(claims.map(triple).sort()).toEqual([
      "quelmadol decreases immobility",
      "zorapine decreases immobility",
    ]);
    for (const c of claims) {
      expect(c.citations).toEqual([1]);
      expect(c.table?.columnLabel).toBe("Key Experimental Data");
      expect(c.table?.rowLabel).toBe("Forced Swim Test");
      expect(c.cue).toBe("reduced");
    }
  });

  it("reads the drug a sentence names, and an apposition naming its class", () => {
    const claims = valueCellRelations([
      "<b>Chronic Stress</b>\tEffective [1].\tIneffective [1].\t<b>Preclinical Study:</b> Chronic Zorapine treatment reversed anhedonia-like behavior [1]. Quelmadol (atypical antidepressant) showed no such effect.",
    ]);
    expect(claims.map(triple).sort()).toEqual([
      "quelmadol memberOf atypical-antidepressants",
      "zorapine reverses anhedonia-like-behavior",
    ]);
  });
});
