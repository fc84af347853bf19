/**
 * Prose read by rules: whom a sentence is about, and the relations a cue fits. Each case is
 * a sentence of the template's prose, in a small document of its own.
 */
import { describe, expect, it } from "vitest";
import { buildKnowledgeBase } from "../../src/build/knowledge-base.ts";
import { ontologyDir } from "../../src/build/paths.ts";
import type { Claim } from "../../src/claims/types.ts";
import { loadLexicon } from "../../src/lexicon/load.ts";

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
    "Bupropion does not inhibit the serotonin transporter [1].",
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
});
