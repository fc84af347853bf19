// The conflict rules of #15 are data (ontology/conflict-rules.tsv): each rule finds its planted
// case and leaves its near-miss alone, on small in-memory facts; PublicRecordDisagrees on the
// seed, whose stated CAS number public records contradict.
import { cpSync, writeFileSync } from "node:fs";
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
});
