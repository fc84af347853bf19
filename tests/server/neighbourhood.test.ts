// A neighbourhood drawn into the overview (graphs too large to draw whole) carries each
// claim's evidence, as the whole projection does, so the viewer colours those claims by it
// (uncited, only tertiary or consumer support, primary support) rather than all alike, and the
// documents each node stands in, for the document filter; and the nodes it places around the
// chosen one do not overlap.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { project } from "../../src/projection/projection.ts";
import { neighbourhood } from "../../src/server/api.ts";
import { overlaps } from "../helpers/discs.ts";
import { SEED_KB } from "../helpers/serve.ts";

const DESIPRAMINE = "https://w3id.org/claimgraph/kb/entity/desipramine";
let kg: KnowledgeGraph;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
});

describe("neighbourhood in the overview", () => {
  it("gives desipramine's claims the evidence the whole projection gives them", () => {
    const overview = project(kg, 50);
    expect(overview.overview).toBe(true);
    const part = neighbourhood(kg, overview, DESIPRAMINE);
    const claims = part?.nodes.filter((n) => n.kind === "claim") ?? [];
    expect(claims.length).toBeGreaterThan(20);
    const whole = new Map(project(kg).nodes.map((n) => [n.key, n.evidence]));
    for (const c of claims) expect(c.evidence, c.key).toBe(whole.get(c.key));
    expect(new Set(claims.map((c) => c.evidence))).toEqual(new Set(["strong", "weak", "uncited"]));
  });

  it("gives every node it places the documents the whole projection gives it", () => {
    const overview = project(kg, 50);
    const whole = project(kg);
    const iris = (view: typeof whole, positions: readonly number[]) =>
      positions.map((i) => view.documents[i]?.id);
    const byKey = new Map(whole.nodes.map((n) => [n.key, n]));
    const placed = neighbourhood(kg, overview, DESIPRAMINE)?.nodes ?? [];
    const withDocuments = placed.filter((n) => n.documents.length > 0);
    expect(withDocuments.length).toBeGreaterThan(20);
    for (const n of placed) {
      const expected = byKey.get(n.key);
      expect(iris(overview, n.documents), n.key).toEqual(iris(whole, expected?.documents ?? []));
    }
  });

  it("places the claims it draws around the node without overlapping each other or it", () => {
    const overview = project(kg, 50);
    const placed = neighbourhood(kg, overview, DESIPRAMINE)?.nodes ?? [];
    const inView = new Set(overview.nodes.map((n) => n.key));
    const drawn = placed.filter((n) => !inView.has(n.key) || n.key === DESIPRAMINE);
    expect(drawn.length).toBeGreaterThan(20);
    expect(overlaps(drawn)).toEqual([]);
  });
});
