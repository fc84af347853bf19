// The legend's and status line's counts follow the filters: per type, per kind of claim
// evidence, nodes and links, on the seed's display nodes; and how they are written.
import { beforeAll, describe, expect, it } from "vitest";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { OVERVIEW_LINKS } from "../../src/projection/overview-links.ts";
import { project, type ViewModel } from "../../src/projection/projection.ts";
import { countShown, countText, legendCountText, statusText } from "../../src/viewer/counts.ts";
import { type Filters, NO_FILTERS } from "../../src/viewer/filters.ts";
import { type ShownNode, shownNode } from "../../src/viewer/shown-node.ts";
import { SEED_KB } from "../helpers/serve.ts";

let seed: ViewModel;
let nodes: ShownNode[];
let links: Array<readonly [ShownNode, ShownNode]>;

beforeAll(async () => {
  seed = project(await openKnowledgeGraph([SEED_KB]));
  nodes = seed.nodes.map((n) => shownNode(n, seed.documents));
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  links = seed.edges.map((e) => [
    byKey.get(e.source) as ShownNode,
    byKey.get(e.target) as ShownNode,
  ]);
});

const counts = (over: Partial<Filters>) => countShown(nodes, links, { ...NO_FILTERS, ...over });

describe("countShown on the seed", () => {
  it("counts everything with no filter: 84 claims, 21 of them uncited", () => {
    const c = counts({});
    expect(c.nodes).toEqual({ shown: 158, total: 158 });
    expect(c.links).toEqual({ shown: seed.edges.length, total: seed.edges.length });
    expect(c.types.get("claim")).toEqual({ shown: 84, total: 84 });
    expect(c.evidence.get("uncited")).toEqual({ shown: 21, total: 21 });
    const strong = c.evidence.get("strong")?.total ?? 0;
    const weak = c.evidence.get("weak")?.total ?? 0;
    expect(strong + weak + 21).toBe(84);
  });

  it("uncited-only leaves 21 of 84 claims and no supported claim", () => {
    const c = counts({ uncitedOnly: true });
    expect(c.types.get("claim")).toEqual({ shown: 21, total: 84 });
    expect(c.evidence.get("strong")?.shown).toBe(0);
    expect(c.evidence.get("weak")?.shown).toBe(0);
    expect(c.nodes).toEqual({ shown: 158 - 63, total: 158 });
    expect(c.links.shown).toBeLessThan(c.links.total);
  });

  it("hiding drugs counts 0 of 3 drugs and drops their links", () => {
    const c = counts({ hiddenTypes: new Set(["entity:Drug"]) });
    expect(c.types.get("entity:Drug")).toEqual({ shown: 0, total: 3 });
    expect(c.nodes.shown).toBe(155);
    const touching = links.filter(([s, t]) => s.type === "Drug" || t.type === "Drug").length;
    expect(c.links.shown).toBe(links.length - touching);
  });

  it("hide-weak counts the weak claims as hidden and nothing else", () => {
    const c = counts({ hideWeak: true });
    const weak = c.evidence.get("weak") ?? { shown: -1, total: -1 };
    expect(weak.shown).toBe(0);
    expect(c.types.get("claim")?.shown).toBe(84 - weak.total);
  });
});

describe("countText and statusText", () => {
  it("writes a count alone when nothing is hidden, else 'shown of total'", () => {
    expect(countText({ shown: 84, total: 84 })).toBe("84");
    expect(countText({ shown: 21, total: 84 })).toBe("21 of 84");
  });

  it("says a legend key has none drawn in the overview, where 0 would read as none at all", () => {
    expect(legendCountText({ shown: 0, total: 0 }, true)).toBe("none drawn");
    expect(legendCountText({ shown: 0, total: 0 }, false)).toBe("0");
    expect(legendCountText({ shown: 3, total: 7 }, true)).toBe("3 of 7");
  });

  it("writes the status line as before when nothing is filtered, with 'of' when filtered", () => {
    expect(statusText(counts({}), null)).toBe(`158 nodes, ${seed.edges.length} links.`);
    expect(statusText(counts({ uncitedOnly: true }), null)).toMatch(
      /^95 of 158 nodes, \d+ of \d+ links shown\.$/,
    );
    const overview = { entities: 262, totalNodes: 33447, linksLeftOut: 0 };
    expect(statusText(counts({}), overview)).toBe(
      "Overview: the 262 most connected entities of 33447 nodes. Select one to draw its neighbourhood.",
    );
    expect(statusText(counts({ hiddenTypes: new Set(["entity:Drug"]) }), overview)).toContain(
      "(155 shown)",
    );
    expect(statusText(counts({}), { ...overview, linksLeftOut: 9000 })).toBe(
      `Overview: the 262 most connected entities of 33447 nodes, each with its ${OVERVIEW_LINKS} strongest links (9000 weaker ones not drawn). Select one to draw its neighbourhood.`,
    );
  });
});
