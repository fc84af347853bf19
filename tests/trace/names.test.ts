// Names as people write them resolve to their entity: with punctuation ("norepinephrine (NE)
// transporter", "nausea / GI distress"), Greek letters ("α2A-adrenergic receptor", "β-arrestin"),
// accents a name does not have or has without them, other case and spacing. `trace` normalises the
// query and the graph's names alike (normaliseLabel); without it these stop resolving.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { trace } from "../../src/trace/trace.ts";
import { SEED_KB } from "../helpers/serve.ts";

const ENT = "https://w3id.org/claimgraph/kb/entity/";

let kg: KnowledgeGraph;
beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB], { cache: false });
});

const resolves = (name: string) => {
  const r = trace(kg, name);
  return r.match === "entity" ? r.entity?.id : `${r.match} (${r.tried.join(", ")})`;
};

describe("names with punctuation, Greek letters and accents", () => {
  it.each([
    ["norepinephrine (NE) transporter", "norepinephrine-transporter"],
    ["Norepinephrine (NE) Transporter", "norepinephrine-transporter"],
    ["norepinephrine-(NE)-transporter", "norepinephrine-transporter"],
    ["norépinephrine (NE) transporter", "norepinephrine-transporter"],
    ["α2A-adrenergic receptor", "alpha-2a-adrenergic-receptor"],
    ["α2A adrenergic receptor", "alpha-2a-adrenergic-receptor"],
    ["Α2A-ADRENERGIC RECEPTOR", "alpha-2a-adrenergic-receptor"],
    ["α2A-AR", "alpha-2a-adrenergic-receptor"],
    ["α2AAR", "alpha-2a-adrenergic-receptor"],
    ["α1-adrenergic blockade", "alpha-1-adrenergic-blockade"],
    ["β-arrestin", "beta-arrestin-2"],
    ["β-arrestin-2", "beta-arrestin-2"],
    ["beta-arrestin-2 (arrestin-3)", "beta-arrestin-2"],
    ["nausea / GI distress", "nausea-gi-distress"],
    ["dry mouth (xerostomia)", "dry-mouth"],
    ["immunomodulation & cancer metastasis", "cancer-metastasis"],
    ["5-HTT", "serotonin-transporter"],
    ["treatment-resistant obsessive-compulsive disorder", "treatment-resistant-ocd"],
    ["  SSRI-resistant   depression ", "ssri-resistant-depression"],
  ])("%j resolves to ent:%s", (name, entity) => {
    expect(resolves(name)).toBe(ENT + entity);
  });

  it("every label and synonym of every entity, as written, resolves to an entity that has it", () => {
    const wrong: string[] = [];
    let checked = 0;
    kg.graph.forEachNode((iri, a) => {
      if (a.kind !== "entity") return;
      for (const name of [a.label, ...a.synonyms]) {
        checked++;
        const found = resolves(name);
        const holder = found === undefined ? undefined : kg.entity(found);
        if (!holder || ![holder.label, ...holder.synonyms].includes(name))
          wrong.push(`${name} (${iri}) → ${found}`);
      }
    });
    expect(checked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
