// Trace of an entity shows its assertions with their support before the individual claims
// (#15), from an `Agreement` handed to it (made by hand here from the seed's claims, as
// src/agreement/ will make it); a trace that names no entity is left as it was.
import { beforeAll, describe, expect, it } from "vitest";
import type { Agreement, Assertion } from "../../src/agreement/types.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { withAssertions } from "../../src/trace/entity-assertions.ts";
import { renderTrace, style } from "../../src/trace/render.ts";
import { trace } from "../../src/trace/trace.ts";
import { SEED_KB } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const NET = `${KB}entity/norepinephrine-transporter`;
const PRIMARY = "https://w3id.org/claimgraph/vocab#primaryTarget";

let kg: KnowledgeGraph;
let agreement: Agreement;

function assertion(iri: string, predicate: string, object: string, works: number): Assertion {
  const claims = kg
    .claimsAbout(DESIPRAMINE)
    .filter((c) => c.predicate === predicate && "iri" in c.object && c.object.iri === object)
    .map((c) => c.iri);
  return {
    iri,
    key: `${DESIPRAMINE} | ${predicate} | ${object}`,
    subject: DESIPRAMINE,
    predicate,
    object,
    claims,
    documents: [`${KB}doc/desipramine-vs-ssris`, `${KB}doc/other`],
    works: Array.from({ length: works }, (_, i) => `w${i}`),
    support: { primary: 1, review: 0, tertiary: works - 1, consumer: 0, unknown: 0 },
    guessed: false,
  };
}

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  const net = assertion("a-net", PRIMARY, NET, 2);
  const sert = assertion("a-sert", PRIMARY, `${KB}entity/serotonin-transporter`, 1);
  agreement = {
    assertions: [sert, net],
    conflicts: [
      {
        iri: "x1",
        kind: "PrimaryTargetDisagrees",
        rule: "r",
        subject: DESIPRAMINE,
        predicate: PRIMARY,
        sides: [net, sert],
      },
    ],
  };
});

describe("trace of an entity with its assertions", () => {
  it("lists the entity's assertions, most works first, with support and conflicts", () => {
    const result = withAssertions(kg, trace(kg, "desipramine"), agreement);
    expect(
      result.entity?.assertions?.map((a) => [a.says, a.works, a.claims.length, a.conflicts]),
    ).toEqual([
      ["norepinephrine transporter", 2, 1, [{ id: "x1", kind: "PrimaryTargetDisagrees" }]],
      ["serotonin transporter", 1, 0, [{ id: "x1", kind: "PrimaryTargetDisagrees" }]],
    ]);
  });

  it("prints them before the claims", () => {
    const text = renderTrace(
      kg,
      withAssertions(kg, trace(kg, "desipramine"), agreement),
      style(false),
    );
    const lines = text.split("\n");
    const at = lines.indexOf("assertions (2)");
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(
      "  primary target norepinephrine transporter  2 documents, 2 works (1 primary, 1 tertiary)  ⚠ PrimaryTargetDisagrees",
    );
    expect(lines.findIndex((l) => l.startsWith("primary target ("))).toBeGreaterThan(at);
  });

  it("prints the first --limit of them, saying how many there are", () => {
    const page = withAssertions(kg, trace(kg, "desipramine", { limit: 1 }), agreement);
    const lines = renderTrace(kg, page, style(false)).split("\n");
    expect(lines).toContain("assertions (1 of 2)");
    expect(lines.filter((l) => l.startsWith("  primary target "))).toEqual([
      "  primary target norepinephrine transporter  2 documents, 2 works (1 primary, 1 tertiary)  ⚠ PrimaryTargetDisagrees",
    ]);
    expect(page.entity?.assertions).toHaveLength(2);
  });

  it("leaves a trace that names no entity as it was", () => {
    const claims = trace(kg, "[2]");
    expect(withAssertions(kg, claims, agreement)).toBe(claims);
    expect(renderTrace(kg, trace(kg, "desipramine"), style(false))).not.toContain("assertions (");
  });
});
