// The pages of an entity's claims read from a real Virtuoso (src/store/remote-entity-page.ts) when
// a claim has two places (a knowledge base edited by hand gives one claim a second `cg:line`):
// every claim is still on exactly one page. Ordered by place, such a claim made two rows, and
// OFFSET, which counts rows, then skipped a claim at a page's end and repeated another.
import { DataFactory } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { CG, XSD } from "../../src/rdf/vocab/vocabulary.ts";
import { push } from "../../src/store/push.ts";
import { remoteTraceGraph } from "../../src/store/remote-graph.ts";
import { trace } from "../../src/trace/trace.ts";
import { seedBuild } from "../helpers/build.ts";
import { startVirtuoso, type Virtuoso } from "../helpers/virtuoso.ts";

let store: Virtuoso;
const built = seedBuild();
const local = trace(new KnowledgeGraph(graphFromQuads(built.quads)), "desipramine", {
  offset: 0,
  limit: 1000,
});
/** Two of desipramine's claims, each given a second line: one early, one late in the document. */
const twice = [local.claims[2]?.id, local.claims[9]?.id] as string[];
const { namedNode, literal, quad } = DataFactory;
const secondLines = twice.map((id, i) =>
  quad(namedNode(id), CG.line, literal(String(1 + 500 * i), XSD.integer), built.quads[0]?.graph),
);

beforeAll(async () => {
  store = await startVirtuoso();
  await push({
    endpoint: store.endpoint,
    graphStore: store.graphStore,
    quads: [...built.quads, ...secondLines],
    user: "dba",
    password: "dba",
  });
});

afterAll(async () => {
  await store?.stop();
});

describe("entityPage: a claim with two places", () => {
  it("is on one page only: pages of 3 give every claim once, as one page of all does", async () => {
    expect(twice.every((id) => typeof id === "string")).toBe(true);
    const page = async (offset: number, limit: number) => {
      const read = await remoteTraceGraph(store.endpoint, "desipramine", { offset, limit });
      if (!read.entityPage) throw new Error("no entity page");
      return read.entityPage;
    };
    const all = await page(0, 1000);
    expect(all.claims).toHaveLength(all.total);
    expect(new Set(all.claims)).toEqual(new Set(local.claims.map((c) => c.id)));
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 3)
      paged.push(...(await page(offset, 3)).claims);
    expect(paged).toEqual(all.claims);
    // Each placed at the least of its lines: the one given line 1 no later than it was, the one
    // given line 501 (after its own) where it was.
    expect(all.claims.indexOf(twice[0] as string)).toBeLessThanOrEqual(2);
    expect(all.claims.indexOf(twice[1] as string)).toBe(9);
    expect(local.claims.length).toBeGreaterThan(12);
  });
});
