// trace of a work a bibliography enriched, read from a real Virtuoso (remoteGraph), gives the
// same answer as on the files: the reader follows a work's cg:fieldSource nodes.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { build } from "../../src/pipeline/pipeline.ts";
import { push } from "../../src/store/push.ts";
import { remoteGraph } from "../../src/store/remote-graph.ts";
import { trace } from "../../src/trace/trace.ts";
import { ROOT, SEED_SOURCES } from "../helpers/build.ts";
import { startVirtuoso, type Virtuoso } from "../helpers/virtuoso.ts";

let store: Virtuoso;
const built = build({
  sources: SEED_SOURCES,
  bibliographies: [join(ROOT, "tests", "fixtures", "bibliography", "seed.json")],
});
const local = new KnowledgeGraph(graphFromQuads(built.quads));

beforeAll(async () => {
  store = await startVirtuoso();
  await push({
    endpoint: store.endpoint,
    graphStore: store.graphStore,
    quads: built.quads,
    user: "dba",
    password: "dba",
  });
});

afterAll(async () => {
  await store?.stop();
});

describe("remoteGraph + trace of an enriched work", () => {
  it("gives the bibliography's fields and their sources as the files do", async () => {
    const expected = trace(local, "pmid:37409130");
    expect(expected.references[0]?.citation.bibliography?.sources).toHaveLength(3);
    const answer = trace(await remoteGraph(store.endpoint, "pmid:37409130"), "pmid:37409130");
    expect(answer.references[0]?.citation.bibliography).toEqual(
      expected.references[0]?.citation.bibliography,
    );
    expect(answer).toEqual(expected);
  });
});
