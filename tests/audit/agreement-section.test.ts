// The audit's agreement-and-conflicts section (#15), from an `Agreement` handed to it (made by
// hand here from two of the seed's claims, as src/agreement/ will make it): counts first, every
// conflict kind counted, then each conflict with both sides' quotes, places and citations. Without
// an Agreement the report is what it was.
import { beforeAll, describe, expect, it } from "vitest";
import type { Agreement, Assertion } from "../../src/agreement/types.ts";
import { audit, renderAudit } from "../../src/audit/audit.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { SEED_KB } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const SSRIS = `${KB}entity/selective-serotonin-reuptake-inhibitors`;
const SEXUAL = `${KB}entity/sexual-dysfunction`;

let kg: KnowledgeGraph;
let agreement: Agreement;

/** The claim of `subject` whose object is sexual dysfunction (the side-effect table's row). */
function sexualDysfunction(subject: string): string {
  const found = kg.claimsAbout(subject).find((c) => "iri" in c.object && c.object.iri === SEXUAL);
  if (!found) throw new Error(`no sexual-dysfunction claim of ${subject}`);
  return found.iri;
}

function assertion(iri: string, claim: string, value: string, documents: number): Assertion {
  const c = kg.claim(claim);
  return {
    iri,
    key: `${c?.subject} | ${c?.predicate} | ${value}`,
    subject: c?.subject ?? "",
    predicate: c?.predicate ?? "",
    value: { scale: `${KB}FrequencyScale`, value },
    claims: [claim],
    documents: Array.from({ length: documents }, (_, i) => `${KB}doc/${i}`),
    works: ["w"],
    support: { primary: 0, review: 0, tertiary: 1, consumer: 0, unknown: 0 },
    guessed: documents > 1,
  };
}

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  const common = assertion("a1", sexualDysfunction(DESIPRAMINE), `${KB}Common`, 2);
  const veryCommon = assertion("a2", sexualDysfunction(SSRIS), `${KB}VeryCommon`, 1);
  agreement = {
    assertions: [common, veryCommon],
    conflicts: [
      {
        iri: "x1",
        kind: "FrequencyGap",
        rule: "r",
        subject: DESIPRAMINE,
        predicate: common.predicate,
        sides: [common, veryCommon],
      },
    ],
  };
});

describe("the audit's agreement and conflicts", () => {
  it("counts assertions, those across documents, on one work, guessed, and conflicts by kind", () => {
    expect(audit(kg, agreement).agreement?.counts).toEqual({
      assertions: 2,
      acrossDocuments: 1,
      singleWork: 2,
      guessed: 1,
      conflicts: 1,
      byKind: {
        FrequencyGap: 1,
        OppositeDirection: 0,
        EffectVersusNone: 0,
        PrimaryTargetDisagrees: 0,
        PublicRecordDisagrees: 0,
      },
    });
  });

  it("names both sides of a conflict with quotes, places and citations", () => {
    const [conflict] = audit(kg, agreement).agreement?.conflicts ?? [];
    expect(conflict?.subject).toBe("desipramine");
    expect(conflict?.sides.map((s) => s.claims.map((c) => [c.quote, c.file, c.citations]))).toEqual(
      [
        [["Common [1]", "desipramine-vs-ssris.md", [1]]],
        [["Very common [2]", "desipramine-vs-ssris.md", [2]]],
      ],
    );
  });

  it("prints the section counts first, then the conflicts, before needs-review", () => {
    const text = renderAudit(audit(kg, agreement));
    const section = text.slice(
      text.indexOf("agreement and conflicts"),
      text.indexOf("needs review"),
    );
    expect(section.split("\n").slice(0, 7)).toEqual([
      "agreement and conflicts",
      "  assertions                 2",
      "  across documents           1",
      "  on one work or none        2",
      "  guessed                    1",
      "  conflicts                  1",
      "    FrequencyGap             1",
    ]);
    expect(section).toMatch(/ {2}FrequencyGap: desipramine adverse effect risk\n/);
    expect(section).toMatch(/ {6}desipramine-vs-ssris\.md:\d+:\d+: "Common \[1\]" \[1\]\n/);
  });

  it("names a side without claims the public records', with the values they give", () => {
    const [a1] = agreement.assertions;
    if (!a1) throw new Error("no assertion");
    const record = { ...a1, iri: "a3", claims: [], publicValues: ["cas:50-47-5"] };
    const conflict = {
      iri: "x2",
      kind: "PublicRecordDisagrees" as const,
      rule: "r",
      subject: DESIPRAMINE,
      predicate: a1.predicate,
      sides: [a1, record] as const,
    };
    const section = audit(kg, { assertions: [a1, record], conflicts: [conflict] }).agreement;
    expect(section?.conflicts[0]?.sides[1]).toEqual({
      assertion: "a3",
      says: "public records: cas:50-47-5",
      claims: [],
    });
  });

  it("leaves the report as it was without an Agreement", () => {
    expect("agreement" in audit(kg)).toBe(false);
    expect(renderAudit(audit(kg))).not.toContain("agreement and conflicts");
  });
});
