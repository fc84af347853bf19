// The conflict rules of #15 are data (ontology/conflict-rules.tsv): each rule finds its planted
// case and leaves its near-miss alone, on small in-memory facts; PublicRecordDisagrees on the
// seed, whose stated CAS number public records contradict.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { agreementWith } from "../../src/agreement/agreement.ts";
import { detectConflicts } from "../../src/agreement/detect.ts";
import { type EvidenceOf, groupFacts } from "../../src/agreement/group.ts";
import { CONFLICT_RULES_FILE, loadConflictRules } from "../../src/agreement/rules.ts";
import type { ClaimFact, ConflictKind } from "../../src/agreement/types.ts";
import { ontologyDir } from "../../src/base/paths.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { removeTemp, secondBuild, seedBuild, tempDir } from "../helpers/build.ts";

const CG = "https://w3id.org/claimgraph/vocab#";
const ENT = "https://w3id.org/claimgraph/kb/entity/";
const BASE = "https://w3id.org/claimgraph/kb/";
const rules = loadConflictRules();
const unknown: EvidenceOf = () => ({ tier: "unknown", inferred: false });

afterAll(removeTemp);

/** A claim of document `doc`: subject, predicate (local name), object entity, frequency. */
function fact(doc: string, s: string, p: string, o: string, frequency?: string): ClaimFact {
  return {
    claim: `${BASE}claim/${doc}.${s}.${p}.${o}.${frequency ?? ""}`,
    document: `${BASE}doc/${doc}`,
    subject: ENT + s,
    predicate: CG + p,
    object: ENT + o,
    ...(frequency ? { value: { scale: `${CG}Frequency`, value: CG + frequency } } : {}),
    works: [],
    quote: `${s} ${p} ${o}`,
    place: { file: `${doc}.md`, line: 1, column: 1 },
    guessed: false,
  };
}

/** A claim of document `doc` whose object is text, as a feature cell's words are kept. */
function said(doc: string, s: string, p: string, text: string): ClaimFact {
  return {
    claim: `${BASE}claim/${doc}.${s}.${p}.${text.length}`,
    document: `${BASE}doc/${doc}`,
    subject: ENT + s,
    predicate: CG + p,
    text,
    works: [],
    quote: text,
    place: { file: `${doc}.md`, line: 1, column: 1 },
    guessed: false,
  };
}

/** A comparison of desipramine with fluoxetine in `condition`, favouring `favours` ("" for none). */
function compared(doc: string, condition: string, favours: string): ClaimFact {
  const direction = favours === "" ? "Similar" : "Favours";
  return {
    ...fact(doc, "desipramine", "comparedWith", "fluoxetine"),
    claim: `${BASE}claim/${doc}.compared.${condition}.${favours}`,
    value: { scale: `${CG}direction`, value: CG + direction },
    comparison: { condition: ENT + condition, favours: favours === "" ? "" : ENT + favours },
  };
}

/** The seed's cell against a claim that fluoxetine inhibits NET: the planted text conflict. */
const MINIMAL = said("a", "fluoxetine", "secondaryTarget", "Minimal direct effect on NET");
const INHIBITS = fact("b", "fluoxetine", "inhibits", "norepinephrine-transporter");

function pair(a: ClaimFact, b: ClaimFact): string[] {
  return [a.claim, b.claim].sort();
}

/** The EffectVersusNone conflicts among the planted pair and `more`, as sorted claim pairs. */
function textConflicts(more: readonly ClaimFact[]): string[][] {
  const found = detectConflicts(
    groupFacts([MINIMAL, INHIBITS, ...more], unknown, BASE),
    rules,
    BASE,
  );
  return found
    .map((c) => {
      expect(c.kind).toBe("EffectVersusNone");
      return c.sides.flatMap((side) => side.claims).sort();
    })
    .sort();
}

function kinds(facts: readonly ClaimFact[]): ConflictKind[] {
  return detectConflicts(groupFacts(facts, unknown, BASE), rules, BASE).map((c) => c.kind);
}

const CASES: ReadonlyArray<{
  kind: ConflictKind;
  planted: readonly ClaimFact[];
  nearMiss: readonly ClaimFact[];
}> = [
  {
    kind: "FrequencyGap",
    planted: [
      fact("a", "desipramine", "adverseEffectRisk", "sedation", "Rare"),
      fact("b", "desipramine", "adverseEffectRisk", "sedation", "VeryCommon"),
    ],
    nearMiss: [
      fact("a", "desipramine", "adverseEffectRisk", "sedation", "Common"),
      fact("b", "desipramine", "adverseEffectRisk", "sedation", "VeryCommon"),
    ],
  },
  {
    kind: "FrequencyGap",
    planted: [
      fact("a", "fluoxetine", "adverseEffectRisk", "seizure", "LowRisk"),
      fact("b", "fluoxetine", "adverseEffectRisk", "seizure", "HighRisk"),
    ],
    // Steps of two scales are not compared: "low risk" against "very common" is no gap.
    nearMiss: [
      fact("a", "fluoxetine", "adverseEffectRisk", "seizure", "LowRisk"),
      fact("b", "fluoxetine", "adverseEffectRisk", "seizure", "VeryCommon"),
    ],
  },
  {
    kind: "OppositeDirection",
    planted: [
      fact("a", "fluoxetine", "increases", "memory-performance"),
      fact("b", "fluoxetine", "decreases", "memory-performance"),
    ],
    nearMiss: [
      fact("a", "fluoxetine", "increases", "memory-performance"),
      fact("b", "fluoxetine", "decreases", "immune-defenses"),
    ],
  },
  {
    // Comparisons of the same arms in the same condition favouring different arms.
    kind: "OppositeDirection",
    planted: [
      compared("a", "major-depression", "fluoxetine"),
      compared("b", "major-depression", "desipramine"),
    ],
    // Different conditions, or one that favours neither arm, do not conflict.
    nearMiss: [
      compared("a", "major-depression", "fluoxetine"),
      compared("b", "cancer-metastasis", "desipramine"),
      compared("c", "major-depression", ""),
    ],
  },
  {
    kind: "EffectVersusNone",
    planted: [
      fact("a", "desipramine", "inhibits", "norepinephrine-transporter"),
      fact("b", "desipramine", "noEffectOn", "norepinephrine-transporter"),
    ],
    // Two ways of saying none ("no effect on", "does not inhibit") never conflict.
    nearMiss: [
      fact("a", "desipramine", "doesNotInhibit", "norepinephrine-transporter"),
      fact("b", "desipramine", "noEffectOn", "norepinephrine-transporter"),
    ],
  },
  {
    kind: "PrimaryTargetDisagrees",
    planted: [
      fact("a", "desipramine", "primaryTarget", "norepinephrine-transporter"),
      fact("b", "desipramine", "primaryTarget", "serotonin-transporter"),
    ],
    // A secondary target may differ from the primary one.
    nearMiss: [
      fact("a", "desipramine", "primaryTarget", "norepinephrine-transporter"),
      fact("b", "desipramine", "secondaryTarget", "serotonin-transporter"),
    ],
  },
];

describe("conflict rules", () => {
  it("declares every kind with its IRI and label", () => {
    expect([...rules.rules.keys()].sort()).toEqual([
      "EffectVersusNone",
      "FrequencyGap",
      "OppositeDirection",
      "PrimaryTargetDisagrees",
      "PublicRecordDisagrees",
    ]);
    for (const rule of rules.rules.values()) {
      expect(rule.iri).toBe(`${CG}${rule.kind}Rule`);
      expect(rule.label).not.toBe("");
    }
  });

  it.each(CASES.map((c, i) => [`${c.kind} #${i}`, c] as const))(
    "%s: finds the planted case, not the near-miss",
    (_, { kind, planted, nearMiss }) => {
      expect(kinds(planted)).toEqual([kind]);
      expect(kinds(nearMiss)).toEqual([]);
    },
  );

  it("EffectVersusNone in text: a cell's words of no effect on an entity against an effect on it", () => {
    expect(textConflicts([])).toEqual([pair(MINIMAL, INHIBITS)]);
    const found = detectConflicts(groupFacts([MINIMAL, INHIBITS], unknown, BASE), rules, BASE);
    expect(found[0]?.rule).toBe(`${CG}EffectVersusNoneRule`);
    // The entity in the lexicon's other words, and more than one named: each is read.
    const text = "Negligible activity at the dopamine transporter and NET";
    const both = said("c", "fluoxetine", "secondaryTarget", text);
    const dat = fact("d", "fluoxetine", "inhibits", "dopamine-transporter");
    expect(textConflicts([both, dat])).toEqual(
      [pair(MINIMAL, INHIBITS), pair(both, INHIBITS), pair(both, dat)].sort(),
    );
  });

  // Each near-miss sits beside the planted pair: that pair is found, and never the near-miss
  // with the planted text (a text of none against an effect is a conflict of its own).
  it.each([
    {
      why: '"Minimal" against "Negligible": two ways of saying none',
      other: said("c", "fluoxetine", "secondaryTarget", "Negligible effect on NET"),
      also: [
        pair(said("c", "fluoxetine", "secondaryTarget", "Negligible effect on NET"), INHIBITS),
      ],
    },
    {
      why: 'a text of none against a "no effect on" claim',
      other: fact("c", "fluoxetine", "noEffectOn", "norepinephrine-transporter"),
      also: [pair(fact("c", "fluoxetine", "noEffectOn", "norepinephrine-transporter"), INHIBITS)],
    },
    {
      why: "an effect on another entity",
      other: fact("c", "fluoxetine", "inhibits", "dopamine-transporter"),
    },
    {
      why: "an effect of another subject on the entity",
      other: fact("c", "desipramine", "inhibits", "norepinephrine-transporter"),
    },
    {
      why: "a text of none about another entity",
      other: said("c", "fluoxetine", "secondaryTarget", "Minimal direct effect on DAT"),
    },
    {
      why: "an entity that does not follow the words of none",
      other: said("c", "fluoxetine", "secondaryTarget", "Minimal effect at doses that block NET"),
    },
    {
      why: "an entity in a clause of its own",
      other: said("c", "fluoxetine", "keyMechanism", "No effect on mood; NET inhibition"),
    },
    {
      why: "no effect word",
      other: said("c", "fluoxetine", "secondaryTarget", "No data on NET"),
    },
    {
      why: "a prose sentence, whose relations the prose rules read, is not read again",
      other: said("c", "fluoxetine", "statement", "Fluoxetine has minimal effect on NET."),
    },
  ] as ReadonlyArray<{ why: string; other: ClaimFact; also?: string[][] }>)(
    "EffectVersusNone in text, near-miss: $why",
    ({ other, also = [] }) => {
      expect(textConflicts([other])).toEqual([pair(MINIMAL, INHIBITS), ...also].sort());
    },
  );

  it("groups comparisons favouring one arm in one condition, and keeps other conditions apart", () => {
    const facts = [
      compared("a", "major-depression", "fluoxetine"),
      compared("b", "major-depression", "fluoxetine"),
      compared("c", "cancer-metastasis", "fluoxetine"),
    ];
    const groups = groupFacts(facts, unknown, BASE).map((a) => a.claims.length);
    expect(groups.sort()).toEqual([1, 2]);
  });

  it("finds no conflict where the documents agree", () => {
    const facts = [
      fact("a", "desipramine", "primaryTarget", "norepinephrine-transporter"),
      fact("b", "desipramine", "primaryTarget", "norepinephrine-transporter"),
    ];
    expect(groupFacts(facts, unknown, BASE)).toHaveLength(1);
    expect(kinds(facts)).toEqual([]);
  });

  it("names both sides of a conflict, in a stable order, with a stable IRI", () => {
    const [a, b] = CASES[0]?.planted ?? [];
    if (!a || !b) throw new Error("no case");
    const one = detectConflicts(groupFacts([a, b], unknown, BASE), rules, BASE);
    const other = detectConflicts(groupFacts([b, a], unknown, BASE), rules, BASE);
    expect(other).toEqual(one);
    expect(one[0]?.sides.map((s) => s.claims)).toEqual([[a.claim], [b.claim]]);
    expect(one[0]?.rule).toBe(`${CG}FrequencyGapRule`);
  });

  it("PublicRecordDisagrees: the seed's stated CAS number against public records", () => {
    const kg = new KnowledgeGraph(graphFromQuads(seedBuild().quads));
    const found = agreementWith(kg, rules).conflicts.filter(
      (c) => c.kind === "PublicRecordDisagrees",
    );
    expect(found).toHaveLength(1);
    const [stated, record] = found[0]?.sides ?? [];
    expect(stated?.predicate).toBe(`${CG}statesIdentifier`);
    expect(stated?.claims).toHaveLength(1);
    expect(record?.claims).toEqual([]);
    expect(record?.key).toMatch(/public record: 50-47-5, 58-28-6$/);
  });

  it("PublicRecordDisagrees near-miss: a stated identifier no public record contradicts", () => {
    const kg = new KnowledgeGraph(graphFromQuads(secondBuild().quads));
    const stated = agreementWith(kg, rules).assertions.filter(
      (a) => a.predicate === `${CG}statesIdentifier`,
    );
    expect(stated.length).toBeGreaterThan(0);
    expect(agreementWith(kg, rules).conflicts.map((c) => c.kind)).not.toContain(
      "PublicRecordDisagrees",
    );
  });

  it("reports a bad row with its file, line and column", () => {
    const dir = join(tempDir(), "ontology");
    cpSync(ontologyDir(), dir, { recursive: true });
    writeFileSync(
      join(dir, CONFLICT_RULES_FILE),
      "row\tterm\tother\tlabel\nrule\tFrequencyGap\t2\tgap\nrank\tRare\ttwo\tfrequency\n",
    );
    let error: unknown;
    try {
      loadConflictRules(dir);
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).toBe("InputError");
    const diagnostics = (error as { diagnostics: { line: number; column: number }[] }).diagnostics;
    expect(diagnostics[0]).toMatchObject({ code: "BadConflictRule", line: 3, column: 11 });
    // The other four kinds are missing too.
    expect(diagnostics).toHaveLength(5);
  });

  it("reports a none word without the predicate its text counts as, at that column", () => {
    const dir = join(tempDir(), "ontology");
    cpSync(ontologyDir(), dir, { recursive: true });
    const good = readFileSync(join(dir, CONFLICT_RULES_FILE), "utf8");
    writeFileSync(join(dir, CONFLICT_RULES_FILE), `${good}noneword\tscant\t-\tno predicate\n`);
    let error: unknown;
    try {
      loadConflictRules(dir);
    } catch (e) {
      error = e;
    }
    const diagnostics = (error as { diagnostics?: { line: number; column: number }[] }).diagnostics;
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "BadConflictRule",
        line: good.split("\n").length,
        column: "noneword\tscant\t".length + 1,
        text: "-",
      }),
    ]);
  });
});
