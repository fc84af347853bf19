// The viewer's filters on real display nodes: the seed's projection, and the seed with the
// second document for the document filter. Each filter alone hides what it names and
// nothing else; combined, a node is visible exactly when every filter alone lets it through.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { typeKey } from "../../src/projection/palette.ts";
import { project, type ViewModel } from "../../src/projection/projection.ts";
import { type Filters, isVisible, NO_FILTERS } from "../../src/viewer/filters.ts";
import { type ShownNode, shownNode } from "../../src/viewer/shown-node.ts";
import { type BuiltKb, buildSecond, SEED_KB } from "../helpers/serve.ts";

const SEED_DOC = "https://w3id.org/claimgraph/kb/doc/desipramine-vs-ssris";
const SECOND_DOC = "https://w3id.org/claimgraph/kb/doc/nortriptyline-vs-sertraline";
const WEAK_TYPES = new Set(["TertiaryReferenceWork", "ConsumerHealthPage"]);

let kg: KnowledgeGraph;
/** A projection as the viewer holds it: its nodes' documents by IRI. */
type ShownView = Omit<ViewModel, "nodes"> & { readonly nodes: readonly ShownNode[] };
const shown = (view: ViewModel): ShownView => ({
  ...view,
  nodes: view.nodes.map((n) => shownNode(n, view.documents)),
});

let seed: ShownView;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  seed = shown(project(kg));
});

const visible = (nodes: readonly ShownNode[], f: Filters) => nodes.filter((n) => isVisible(n, f));
const hidden = (nodes: readonly ShownNode[], f: Filters) => nodes.filter((n) => !isVisible(n, f));
const keys = (nodes: readonly ShownNode[]) => nodes.map((n) => n.key).sort();
const with_ = (over: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...over });

describe("each filter alone, on the seed", () => {
  it("shows everything with no filter", () => {
    // 84 claims (8 relations read from arm cells, 4 from Key Experimental Data cells, 9 curated
    // rows fewer, line 24's three blockades) and 74 other nodes.
    expect(seed.nodes).toHaveLength(158);
    expect(hidden(seed.nodes, NO_FILTERS)).toEqual([]);
  });

  it("hiding a node type hides exactly the nodes of that legend entry", () => {
    const counts = new Map<string, number>();
    for (const n of seed.nodes) {
      const k = typeKey(n.kind, n.type);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toMatchObject({
      claim: 84,
      document: 1,
      reference: 8,
      work: 7,
      study: 4,
      "entity:Drug": 3,
      "entity:AdverseEffect": 18,
    });
    for (const [key, count] of counts) {
      const gone = hidden(seed.nodes, with_({ hiddenTypes: new Set([key]) }));
      expect(gone, key).toHaveLength(count);
      expect(gone.every((n) => typeKey(n.kind, n.type) === key)).toBe(true);
    }
    const drugs = hidden(seed.nodes, with_({ hiddenTypes: new Set(["entity:Drug"]) }));
    expect(drugs.map((n) => n.label).sort()).toEqual(["desipramine", "fluoxetine", "mirtazapine"]);
  });

  it("hide-weak hides the claims resting only on tertiary or consumer sources", () => {
    const gone = hidden(seed.nodes, with_({ hideWeak: true }));
    // Worked out from the knowledge graph, not from the projection's `evidence`.
    const expected = seed.nodes.filter((n) => {
      const c = kg.claim(n.key);
      if (!c || c.citations.length === 0) return false;
      return c.citations.every((r) =>
        WEAK_TYPES.has(kg.work(kg.reference(r)?.work)?.evidenceType ?? ""),
      );
    });
    expect(keys(gone)).toEqual(keys(expected));
    expect(gone.length).toBeGreaterThan(10);
    const labels = gone.map((n) => n.label);
    // [1] StatPearls is a tertiary work, [2] Healthline a consumer page; [4] is a clinical trial.
    expect(labels).toContain("desipramine · primary target · norepinephrine transporter");
    expect(labels).toContain(
      "selective serotonin reuptake inhibitors · adverse effect risk · seizure",
    );
    expect(labels).not.toContain("fluoxetine · increases · memory performance");
    // Uncited claims are not "weak": they rest on nothing, and have their own filter.
    expect(gone.some((n) => n.uncited)).toBe(false);
  });

  it("uncited-only keeps the 21 uncited claims and every node that is not a claim", () => {
    const shown = visible(seed.nodes, with_({ uncitedOnly: true }));
    const claims = shown.filter((n) => n.kind === "claim");
    expect(claims).toHaveLength(21);
    for (const c of claims) expect(kg.claim(c.key)?.citations, c.key).toEqual([]);
    expect(shown.length - claims.length).toBe(seed.nodes.length - 84);
  });

  it("the seed's own document keeps everything; another document hides what stands in the seed", () => {
    expect(hidden(seed.nodes, with_({ document: SEED_DOC }))).toEqual([]);
    const gone = hidden(seed.nodes, with_({ document: SECOND_DOC }));
    for (const n of seed.nodes) {
      const kept = n.kind === "work" || n.documents.length === 0;
      expect(isVisible(n, with_({ document: SECOND_DOC })), n.key).toBe(kept);
    }
    expect(gone.filter((n) => n.kind === "claim")).toHaveLength(84);
    expect(gone.map((n) => n.key)).toContain(SEED_DOC);
  });
});

describe("the document filter, on the seed with the second document", () => {
  let second: BuiltKb;
  let both: ShownView;
  beforeAll(async () => {
    second = await buildSecond();
    both = shown(project(await openKnowledgeGraph([SEED_KB, second.kb])));
  });
  afterAll(() => second?.remove());

  it("lists both documents", () => {
    expect(both.documents.map((d) => d.id).sort()).toEqual([SEED_DOC, SECOND_DOC]);
  });

  it("keeps each document's claims, references and studies and hides the other's", () => {
    for (const [doc, other] of [
      [SEED_DOC, SECOND_DOC],
      [SECOND_DOC, SEED_DOC],
    ] as const) {
      const f = with_({ document: doc });
      for (const n of both.nodes) {
        if (n.kind === "claim" || n.kind === "reference" || n.kind === "study") {
          expect(isVisible(n, f), n.key).toBe(n.documents.includes(doc));
        }
      }
      expect(isVisible(nodeOf(both, other), f)).toBe(false);
      expect(isVisible(nodeOf(both, doc), f)).toBe(true);
    }
  });

  it("keeps an entity both documents speak of, and hides one only the other speaks of", () => {
    const shared = both.nodes.filter(
      (n) =>
        n.kind === "entity" && n.documents.includes(SEED_DOC) && n.documents.includes(SECOND_DOC),
    );
    expect(shared.length).toBeGreaterThan(0);
    for (const n of shared) {
      expect(isVisible(n, with_({ document: SEED_DOC }))).toBe(true);
      expect(isVisible(n, with_({ document: SECOND_DOC }))).toBe(true);
    }
    const desipramine = nodeOf(both, "https://w3id.org/claimgraph/kb/entity/desipramine");
    expect(desipramine.documents).toEqual([SEED_DOC]);
    expect(isVisible(desipramine, with_({ document: SECOND_DOC }))).toBe(false);
  });
});

describe("filters combined", () => {
  const TYPE_KEYS = ["claim", "entity:Drug", "entity:Target", "reference", "work", "study"];

  it("shows a node exactly when every filter alone would show it", () => {
    const arbitraryFilters = fc.record({
      hiddenTypes: fc.subarray(TYPE_KEYS).map((t) => new Set(t)),
      hideWeak: fc.boolean(),
      uncitedOnly: fc.boolean(),
      document: fc.constantFrom(null, SEED_DOC, SECOND_DOC),
    });
    fc.assert(
      fc.property(arbitraryFilters, (f) => {
        const alone: Filters[] = [
          with_({ hiddenTypes: f.hiddenTypes }),
          with_({ hideWeak: f.hideWeak }),
          with_({ uncitedOnly: f.uncitedOnly }),
          with_({ document: f.document }),
        ];
        for (const n of seed.nodes) {
          expect(isVisible(n, f)).toBe(alone.every((a) => isVisible(n, a)));
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("hide-weak with uncited-only leaves the uncited claims, which are never weak", () => {
    const f = with_({ hideWeak: true, uncitedOnly: true });
    const claims = visible(seed.nodes, f).filter((n) => n.kind === "claim");
    expect(keys(claims)).toEqual(
      keys(visible(seed.nodes, with_({ uncitedOnly: true })).filter((n) => n.kind === "claim")),
    );
  });

  it("hiding claims and drugs with uncited-only leaves no claim and no drug", () => {
    const f = with_({ hiddenTypes: new Set(["claim", "entity:Drug"]), uncitedOnly: true });
    const shown = visible(seed.nodes, f);
    expect(shown.some((n) => n.kind === "claim")).toBe(false);
    expect(shown.some((n) => n.type === "Drug")).toBe(false);
    expect(shown).toHaveLength(158 - 84 - 3);
  });
});

function nodeOf(view: ShownView, key: string): ShownNode {
  const n = view.nodes.find((x) => x.key === key);
  if (!n) throw new Error(`${key} is not in the view`);
  return n;
}
