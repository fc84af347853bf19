/**
 * Prose read by rules: whom a sentence is about, and the relations a cue fits. Each case is
 * a sentence of the template's prose, in a small document of its own.
 */
import { describe, expect, it } from "vitest";
import { ontologyDir } from "../../src/base/paths.ts";
import type { Claim } from "../../src/claims/types.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase } from "../../src/pipeline/knowledge-base.ts";

const lexicon = loadLexicon(ontologyDir());

/** A document whose focus is `focus`, with a feature table naming `columns`, then `prose`. */
function proseOf(
  prose: string,
  focus = "Bupropion",
  columns = ["Bupropion (NDRI)", "Sertraline (SSRI)"],
) {
  const text = [
    "# Mechanisms of Action: A Comparative Overview",
    "",
    "**Author:** Test Team. **Date:** March 2026",
    "",
    `## Compound Focus: ${focus}`,
    "",
    ["Feature", ...columns].join("\t"),
    ["Primary Target", ...columns.map(() => "Unknown target [1]")].join("\t"),
    "",
    prose,
    "",
    "## References",
    "",
    "1. A review of antidepressant pharmacology ... [example.org]",
    "",
  ].join("\n");
  const kb = buildKnowledgeBase({
    documents: [{ file: "doc.md", bytes: new TextEncoder().encode(text) }],
    lexicon: lexicon,
    curation: { file: "claims.tsv", rows: [] },
    works: undefined,
  }).kb;
  return (kb.documents[0]?.claims ?? []).filter((c) => c.kind === "prose");
}

const subjectOf = (c: Claim | undefined) =>
  c?.subject.kind === "entity" ? c.subject.id : c?.subject.kind;
const statements = (claims: Claim[]) => claims.filter((c) => c.predicate.name === "statement");
const relations = (claims: Claim[]) =>
  claims
    .filter((c) => c.predicate.name !== "statement")
    .map(
      (c) =>
        `${subjectOf(c)} ${c.predicate.name} ${c.object.kind === "entity" ? c.object.id : "?"}`,
    );

describe("the subject of a prose sentence", () => {
  it.each([
    [
      "Unlike fluoxetine, bupropion has no serotonergic activity [1].",
      "bupropion",
      "ProseContrastRule",
    ],
    [
      "In contrast to sertraline, bupropion rarely causes sexual dysfunction [1].",
      "bupropion",
      "ProseContrastRule",
    ],
    ["It has no clinically relevant serotonergic activity [1].", "bupropion", "ProsePronounRule"],
    ["Its half-life is about 21 hours [1].", "bupropion", "ProsePronounRule"],
    [
      "This drug lowers the seizure threshold at higher doses [1].",
      "bupropion",
      "ProsePronounRule",
    ],
    [
      "However, sertraline is generally well tolerated [1].",
      "sertraline",
      "ProseSubjectPositionRule",
    ],
    [
      "Desipramine primarily inhibits the norepinephrine transporter [1].",
      "desipramine",
      "ProseSubjectPositionRule",
    ],
  ])("%s → %s", (sentence, subject, rule) => {
    const [claim] = statements(proseOf(sentence));
    expect(subjectOf(claim)).toBe(subject);
    expect(claim?.readBy).toBe(rule);
    expect(claim?.guesses).not.toContain("SubjectUnclear");
  });

  it.each([
    "The fundamental difference lies in their primary targets [1].",
    "Experimental data show that the benefit of bupropion or sertraline depends on the domain [1].",
    "The side effect profiles differ substantially, largely due to bupropion's stimulant profile [1].",
  ])("leaves the subject of %j unclear, flagged, with the document as its subject", (sentence) => {
    const [claim] = statements(proseOf(sentence));
    expect(claim?.subject.kind).toBe("document");
    expect(claim?.guesses).toContain("SubjectUnclear");
    expect(claim?.readBy).toBe("ProseSentenceRule");
  });

  it("takes 'Their …' and a bare 'This …' from the sentence before, in the same paragraph, as a guess", () => {
    const claims = statements(
      proseOf(
        "Sertraline offers a safer profile [1]. Their benefit on memory is an advantage [1].",
      ),
    );
    expect(claims.map(subjectOf)).toEqual(["sertraline", "sertraline"]);
    expect(claims[1]?.readBy).toBe("ProsePreviousSentenceRule");
    expect(claims[1]?.guesses).toContain("SubjectFromPreviousSentence");
  });

  it("does not take 'Their …' from another paragraph", () => {
    const [, second] = statements(
      proseOf(
        "Sertraline offers a safer profile [1].\n\nTheir benefit on memory is an advantage [1].",
      ),
    );
    expect(second?.guesses).toEqual(["SubjectUnclear"]);
  });

  it("reads 'This <noun> is …' as about the noun it names, not the sentence before", () => {
    const [, second] = statements(
      proseOf(
        "Desipramine recruits β-arrestin [1]. This receptor down-regulation is a desirable adaptation [1].",
      ),
    );
    expect(subjectOf(second)).toBe("receptor-down-regulation");
  });
});

describe("relations read from prose cues", () => {
  it.each([
    [
      "Desipramine primarily inhibits the norepinephrine (NE) transporter [1].",
      ["desipramine inhibits norepinephrine-transporter"],
    ],
    [
      "It inhibits the dopamine transporter and the norepinephrine transporter [1].",
      ["bupropion inhibits dopamine-transporter", "bupropion inhibits norepinephrine-transporter"],
    ],
    [
      "Bupropion is an antagonist at nicotinic acetylcholine receptors [1].",
      ["bupropion antagonistAt nicotinic-acetylcholine-receptors"],
    ],
    [
      "Sertraline is a selective serotonin reuptake inhibitor [1].",
      ["sertraline memberOf selective-serotonin-reuptake-inhibitors"],
    ],
    [
      "Desipramine binding selectively recruits β-arrestin without activating heterotrimeric G proteins [1].",
      [
        "desipramine recruits beta-arrestin-2",
        "desipramine doesNotActivate heterotrimeric-g-proteins",
      ],
    ],
    [
      "Sertraline raises synaptic serotonin, while bupropion blocks the dopamine transporter [1].",
      ["sertraline increases synaptic-serotonin", "bupropion inhibits dopamine-transporter"],
    ],
  ])("%s", (sentence, expected) => {
    expect(relations(proseOf(sentence)).sort()).toEqual([...expected].sort());
  });

  it.each([
    "Bupropion never binds to histamine receptors [1].",
    "The fundamental difference lies in their primary targets [1].",
  ])("asserts nothing for %j (negated, or no subject)", (sentence) => {
    expect(relations(proseOf(sentence))).toEqual([]);
  });

  it("records the cue, quotes subject to object, keeps the sentence's citations, and flags a minted object", () => {
    const [claim] = proseOf(
      "Bupropion is an antagonist at nicotinic acetylcholine receptors [1].",
    ).filter((c) => c.predicate.name === "antagonistAt");
    expect(claim?.readBy).toBe("ProseCueRule");
    expect(claim?.cue).toBe("is an antagonist at");
    expect(claim?.text).toBe("Bupropion is an antagonist at nicotinic acetylcholine receptors");
    expect(claim?.citations).toEqual([1]);
    expect(claim?.guesses).toEqual(["MintedEntity"]);
    expect(claim?.object.kind === "entity" && claim.object.type).toBe("Target");
  });

  it("never mints a drug class from prose ('is a' names a class the document or lexicon knows)", () => {
    expect(
      relations(proseOf("Bupropion is a unique compound with a stimulant profile [1].")),
    ).toEqual([]);
  });

  it("never reads a comparison as a plain relation ('recruits less …', 'a more balanced … inhibitor')", () => {
    expect(
      relations(
        proseOf(
          "Zorapine recruits less β-arrestin at D2 receptors than quelmadol [1]. Zorapine is a more balanced dual inhibitor [1].",
          "Zorapine",
          invented,
        ),
      ),
    ).toEqual([]);
  });
});

/** Columns naming drugs no lexicon knows: the rules must read them from the template alone. */
const invented = ["Zorapine (NDRI)", "Quelmadol (SSRI)"];
const inventedProse = (sentence: string) => proseOf(sentence, "Zorapine", invented);

describe("negated relations assert the negative predicate, never the positive one", () => {
  it.each([
    [
      "Bupropion does not inhibit the serotonin transporter [1].",
      ["bupropion doesNotInhibit serotonin-transporter"],
    ],
    ["It does not bind GABA-A receptors [1].", ["bupropion doesNotBind gaba-a-receptors"]],
    [
      "Unlike quelmadol, zorapine causes neither sedation nor dependence [1].",
      ["zorapine doesNotCause sedation", "zorapine doesNotCause dependence"],
    ],
    [
      "Unlike quelmadol, this drug has no effect on serotonin reuptake [1].",
      ["zorapine noEffectOn serotonin-reuptake-inhibition"],
    ],
  ])("%s", (sentence, expected) => {
    const claims =
      sentence.startsWith("Bupropion") || sentence.startsWith("It ")
        ? proseOf(sentence)
        : inventedProse(sentence);
    expect(relations(claims).sort()).toEqual([...expected].sort());
  });
});

describe("coordinated objects: one claim each, sharing their head or modifier", () => {
  it.each([
    [
      "Zorapine is an agonist at melatonin MT7 and MT9 receptors [1].",
      ["zorapine agonistAt melatonin-mt7-receptors", "zorapine agonistAt mt9-receptors"],
    ],
    [
      "Quelmadol is an antagonist at D2 and 5-HT2A receptors [1].",
      ["quelmadol antagonistAt d2-receptors", "quelmadol antagonistAt 5-ht2a-receptors"],
    ],
    // "and NET and blocks": NET is still an object of "inhibits".
    [
      "Quelmadol inhibits SERT and NET and blocks H1 receptors [1].",
      [
        "quelmadol inhibits serotonin-transporter",
        "quelmadol inhibits norepinephrine-transporter",
        "quelmadol inhibits h1-receptors",
      ],
    ],
    // "and a weak" opens the next relation, not a second receptor.
    [
      "Quelmadol is an antagonist at 5-HT2A receptors and a weak inhibitor of SERT [1].",
      ["quelmadol antagonistAt 5-ht2a-receptors", "quelmadol inhibits serotonin-transporter"],
    ],
    [
      "It disinhibits dopamine and norepinephrine release in the frontal cortex [1].",
      ["zorapine increases dopamine-release", "zorapine increases norepinephrine-release"],
    ],
    [
      "Zorapine raises the release of norepinephrine, acetylcholine and glutamate in the cortex [1].",
      [
        "zorapine increases norepinephrine-release",
        "zorapine increases acetylcholine-release",
        "zorapine increases glutamate-release",
      ],
    ],
    [
      "Quelmadol is an antagonist at 5-HT3 receptors, and through this antagonism it raises the release of serotonin, dopamine, and the glutamate in the striatum [1].",
      [
        "quelmadol antagonistAt 5-ht3-receptors",
        "quelmadol increases serotonin-release",
        "quelmadol increases dopamine-release",
        "quelmadol increases glutamate-release",
      ],
    ],
    [
      "Zorapine blocks DAT and NET, raising synaptic dopamine and norepinephrine [1].",
      [
        "zorapine inhibits dopamine-transporter",
        "zorapine inhibits norepinephrine-transporter",
        "zorapine increases synaptic-dopamine",
        "zorapine increases synaptic-norepinephrine",
      ],
    ],
    [
      "Quelmadol helps sleep but causes sedation and weight gain.",
      ["quelmadol causes sedation", "quelmadol causes weight-gain"],
    ],
  ])("%s", (sentence, expected) => {
    expect(relations(inventedProse(sentence)).sort()).toEqual([...expected].sort());
  });
});

describe("'X is a Z': the class named, or minted and flagged from a class word", () => {
  it.each([
    ["Zorapine is an azapirone anxiolytic [1].", ["zorapine memberOf azapirone-anxiolytic"]],
    [
      "Zorapine is an irreversible, non-selective monoamine oxidase inhibitor (NDRI) [1].",
      ["zorapine memberOf ndri"],
    ],
    [
      "Zorapine and quelmadol are serotonin-norepinephrine reuptake inhibitors [1].",
      [
        "zorapine memberOf serotonin-norepinephrine-reuptake-inhibitors",
        "quelmadol memberOf serotonin-norepinephrine-reuptake-inhibitors",
      ],
    ],
    [
      "Quelmadol (atypical antidepressant) showed no such effect [1].",
      ["quelmadol memberOf atypical-antidepressants"],
    ],
    // Class words of other fields' classes: anticonvulsants, mood stabilisers, hypnotics.
    [
      "Zorapine is an anticonvulsant that blocks sodium channels [1].",
      ["zorapine memberOf anticonvulsant", "zorapine inhibits sodium-channels"],
    ],
    ["Zorapine is a mood stabiliser [1].", ["zorapine memberOf mood-stabiliser"]],
    ["Zorapine is a sedating hypnotic [1].", ["zorapine memberOf sedating-hypnotic"]],
  ])("%s", (sentence, expected) => {
    expect(relations(inventedProse(sentence)).sort()).toEqual([...expected].sort());
  });

  it("reads 'is the …' only for a class the document or lexicon names, minting none", () => {
    expect(
      relations(inventedProse("Zorapine is the reference NDRI: it helps in smoking cessation.")),
    ).toEqual(["zorapine memberOf ndri"]);
    expect(
      relations(inventedProse("Zorapine is the add-on antipsychotic with the lowest burden.")),
    ).toEqual([]);
  });

  it("flags a minted class and records the cue", () => {
    const [claim] = inventedProse("Zorapine is an azapirone anxiolytic [1].").filter(
      (c) => c.predicate.name === "memberOf",
    );
    expect(claim?.object.kind === "entity" && claim.object.type).toBe("DrugClass");
    expect(claim?.guesses).toContain("MintedEntity");
    expect(claim?.cue).toBe("is an");
  });
});

describe("subjects the template's prose gives", () => {
  it.each([
    [
      "By blocking 5-HT2C receptors, it disinhibits dopamine release [1].",
      "zorapine",
      "ProsePronounRule",
    ],
    ["Taken in the evening, it shifts the sleep-wake cycle [1].", "zorapine", "ProsePronounRule"],
    ["In overdose, however, it causes seizures [1].", "zorapine", "ProsePronounRule"],
    ["At higher doses, it blocks sodium channels [1].", "zorapine", "ProsePronounRule"],
    [
      "Zorapine and quelmadol were compared head to head [1].",
      "zorapine",
      "ProseSubjectPositionRule",
    ],
    [
      "Both quelmadol and zorapine were used as references.",
      "quelmadol",
      "ProseSubjectPositionRule",
    ],
    [
      "Pooled data favour NDRIs slightly in depression; in anxiety the classes perform alike.",
      "ndri",
      "ProseSubjectPositionRule",
    ],
    [
      "Quelmadol behaves like an SSRI at low doses; its action needs higher doses [1].",
      "quelmadol",
      "ProseSubjectPositionRule",
    ],
  ])("%s → %s", (sentence, subject, rule) => {
    const [claim] = statements(inventedProse(sentence));
    expect(subjectOf(claim)).toBe(subject);
    expect(claim?.readBy).toBe(rule);
  });

  it("reads a metabolite as the subject of its clause", () => {
    expect(
      relations(
        inventedProse(
          "Quelmadol is an antagonist at D2 receptors, and its metabolite norquelmadol inhibits NET [1].",
        ),
      ).sort(),
    ).toEqual(
      [
        "quelmadol antagonistAt d2-receptors",
        "norquelmadol inhibits norepinephrine-transporter",
      ].sort(),
    );
  });

  it("reads 'both drugs' as the two subjects of the sentence before, flagged", () => {
    const claims = inventedProse(
      "Zorapine and quelmadol are close relatives [1]. Unlike sertraline, both drugs inhibit NET [1].",
    );
    expect(relations(claims).sort()).toEqual([
      "quelmadol inhibits norepinephrine-transporter",
      "zorapine inhibits norepinephrine-transporter",
    ]);
    for (const c of claims.filter((c) => c.predicate.name === "inhibits"))
      expect(c.guesses).toContain("SubjectFromPreviousSentence");
  });

  it("reads 'This effect …' as about the subject of the sentence before, flagged", () => {
    const [, second] = statements(
      inventedProse(
        "Zorapine improved speed [1]. This effect is attributed to its receptor actions [1].",
      ),
    );
    expect(subjectOf(second)).toBe("zorapine");
    expect(second?.guesses).toContain("SubjectFromPreviousSentence");
  });

  it("reads 'it' after a leading clause, but leaves a group word with no antecedents unclear", () => {
    const [read] = statements(
      inventedProse("By blocking 5-HT2C receptors, it disinhibits release [1]."),
    );
    expect(subjectOf(read)).toBe("zorapine");
    for (const sentence of [
      "The two classes carry different risks: interactions for zorapine, cardiac effects for quelmadol [1].",
      "Both non-stimulants take several weeks to reach full effect [1].",
      "Used as add-on treatment, these drugs are given at lower doses [1].",
    ]) {
      const [claim] = statements(inventedProse(sentence));
      expect(claim?.guesses).toContain("SubjectUnclear");
    }
  });
});

describe("a copula whose complement names the drug: the sentence is about the drug", () => {
  it.each([
    [
      "Nausea is the leading side effect of zorapine; sexual side effects are less frequent.",
      ["zorapine causes nausea-gi-distress"],
    ],
    ["Dizziness is a common side effect of quelmadol.", ["quelmadol causes dizziness"]],
    ["Liver safety is the main concern with quelmadol, while sexual side effects favour it.", []],
  ])("%s", (sentence, expected) => {
    const claims = inventedProse(sentence);
    expect(subjectOf(statements(claims)[0])).toBe(expected[0]?.split(" ")[0] ?? "quelmadol");
    expect(relations(claims)).toEqual(expected);
  });
});
