// The grouping of #15: claims stating the same thing are one assertion with the documents and
// distinct works behind it and a support summary by tier; its IRI is a hash of its key alone.
import { describe, expect, it } from "vitest";
import { AGREEMENT_INDEX, agreementOf } from "../../src/agreement/agreement.ts";
import { claimFacts } from "../../src/agreement/facts.ts";
import { type EvidenceOf, groupFacts, supportOf } from "../../src/agreement/group.ts";
import type { ClaimFact } from "../../src/agreement/types.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { seedBuild } from "../helpers/build.ts";

const CG = "https://w3id.org/claimgraph/vocab#";
const ENT = "https://w3id.org/claimgraph/kb/entity/";
const BASE = "https://w3id.org/claimgraph/kb/";
const WORK = `${BASE}work/`;

const TIERS: Record<string, ReturnType<EvidenceOf>> = {
  [`${WORK}trial`]: { tier: "primary", inferred: false },
  [`${WORK}mouse`]: { tier: "primary", inferred: true },
  [`${WORK}statpearls`]: { tier: "tertiary", inferred: false },
  [`${WORK}healthline`]: { tier: "consumer", inferred: false },
};
const evidenceOf: EvidenceOf = (w) => TIERS[w] ?? { tier: "unknown", inferred: false };

function fact(doc: string, p: string, o: string, works: string[], text?: string): ClaimFact {
  return {
    claim: `${BASE}claim/${doc}.${p}.${o}`,
    document: `${BASE}doc/${doc}`,
    subject: `${ENT}desipramine`,
    predicate: CG + p,
    ...(text === undefined ? { object: ENT + o } : { text }),
    works: works.map((w) => WORK + w),
    quote: o,
    place: { file: `${doc}.md`, line: 1, column: 1 },
    guessed: false,
  };
}

describe("grouping", () => {
  const a = fact("a", "primaryTarget", "net", ["trial", "statpearls"]);
  const b = fact("b", "primaryTarget", "net", ["trial", "healthline", "mouse"]);

  it("groups one subject, predicate and object from two documents into one assertion", () => {
    const [assertion, ...rest] = groupFacts([b, a], evidenceOf, BASE);
    expect(rest).toEqual([]);
    expect(assertion?.claims).toEqual([a.claim, b.claim]);
    expect(assertion?.documents).toEqual([a.document, b.document]);
    // The trial cited by both documents counts once.
    expect(assertion?.works).toHaveLength(4);
    expect(assertion?.support).toEqual({
      primary: 2,
      review: 0,
      tertiary: 1,
      consumer: 1,
      unknown: 0,
    });
    expect(assertion?.inferred).toEqual([`${WORK}mouse`]);
  });

  it("keeps an assertion's IRI when an unrelated document is added", () => {
    const before = groupFacts([a, b], evidenceOf, BASE);
    const unrelated = fact("c", "secondaryTarget", "sert", ["healthline"]);
    const after = groupFacts([unrelated, a, b], evidenceOf, BASE);
    expect(after).toHaveLength(2);
    expect(after.find((x) => x.claims.includes(a.claim))?.iri).toBe(before[0]?.iri);
  });

  it("groups texts case- and space-blind, and keeps different texts apart", () => {
    const t1 = fact("a", "keyMechanism", "x", [], "Arrestin-biased  ligand");
    const t2 = fact("b", "keyMechanism", "y", [], "arrestin-biased ligand");
    const t3 = fact("c", "keyMechanism", "z", [], "NE reuptake inhibition");
    expect(groupFacts([t1, t2, t3], evidenceOf, BASE).map((x) => x.claims.length)).toEqual([2, 1]);
  });

  it("counts a work once however often it is listed", () => {
    expect(supportOf([`${WORK}trial`, `${WORK}trial`], evidenceOf).primary).toBe(1);
  });
});

describe("the seed", () => {
  const kg = new KnowledgeGraph(graphFromQuads(seedBuild().quads));

  it("counts the work listed as [4] and [5] once", () => {
    const cited = claimFacts(kg).filter((f) => f.citations?.join(",") === "4,5");
    expect(cited.length).toBeGreaterThan(0);
    for (const f of cited) expect(f.works).toEqual([`${WORK}pmid-12183009`]);
  });

  it("gives no fact for a null cell", () => {
    const facts = new Set(claimFacts(kg).map((f) => f.claim));
    kg.graph.forEachNode((iri, n) => {
      if (n.kind === "claim" && n.status !== undefined) expect(facts.has(iri)).toBe(false);
    });
  });

  it("reads an adverse effect's frequency as a value on the frequency scale", () => {
    const sexual = claimFacts(kg).filter((f) => f.object === `${ENT}sexual-dysfunction`);
    expect(sexual.map((f) => f.value?.value).sort()).toEqual([`${CG}Common`, `${CG}VeryCommon`]);
  });

  it("builds the agreement once per graph, through kg.index", () => {
    expect(agreementOf(kg)).toBe(kg.index(AGREEMENT_INDEX));
    expect(agreementOf(kg).assertions.length).toBeGreaterThan(0);
  });
});
