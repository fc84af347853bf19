// Pushing the seed knowledge base into a real Virtuoso (started once for this file by
// tests/helpers/virtuoso.ts) with the Graph Store protocol, reading it back with SPARQL, and what
// the store does with wrong credentials. Triple counts are compared with the local build's, and
// triples by value (Virtuoso rewrites some literals, e.g. true as 1).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { render } from "../../src/pipeline/pipeline.ts";
import { groupGraphs } from "../../src/store/graphs.ts";
import { countTriples, listGraphs, push } from "../../src/store/push.ts";
import { remoteQuery } from "../../src/store/sparql.ts";
import { SparqlClient } from "../../src/store/sparql-client.ts";
import { ROOT, removeTemp, secondBuild, seedBuild, writeTemp } from "../helpers/build.ts";
import { run } from "../helpers/cli.ts";
import { withEnv } from "../helpers/env.ts";
import { startVirtuoso, type Virtuoso } from "../helpers/virtuoso.ts";

const BASE = "https://w3id.org/claimgraph/kb/graph/";
const DOC_GRAPH = `${BASE}desipramine-vs-ssris`;
const SHARED = `${BASE}shared`;
/** The assertions and conflicts across documents, pushed last (after the claims it names). */
const AGREEMENT = `${BASE}agreement`;
const WRITER = { user: "claimgraph_writer", password: "pw-Q7v!zK2-not-dba" };

let store: Virtuoso;
const built = seedBuild();
const groups = groupGraphs(built.quads);

beforeAll(async () => {
  store = await startVirtuoso();
  // A writer account of its own, so the password tested for is found nowhere else.
  store.sql(
    `DB.DBA.USER_CREATE('${WRITER.user}', '${WRITER.password}'); GRANT SPARQL_UPDATE TO "${WRITER.user}";`,
  );
});

afterAll(async () => {
  await store?.stop();
  removeTemp();
});

const NUMERIC = /#(integer|nonNegativeInteger|decimal|double|float|int|long)$/;

/** A triple by value: numbers as numbers, booleans as true/false (Virtuoso writes true as 1). */
function valueKey(q: Quad): string {
  const o = q.object;
  let v: string = o.value;
  if (o.termType === "Literal") {
    const dt = o.datatype.value;
    if (NUMERIC.test(dt)) v = `number ${Number(o.value)}`;
    else if (dt.endsWith("#boolean")) v = `boolean ${o.value === "1" || o.value === "true"}`;
    else v = `literal ${JSON.stringify(o.value)}@${o.language}`;
  }
  return `${q.subject.value} ${q.predicate.value} ${v}`;
}

async function storedGraph(graph: string): Promise<Set<string>> {
  const client = new SparqlClient(store.endpoint);
  const triples = await client.triples(
    `CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${graph}> { ?s ?p ?o } }`,
  );
  return new Set(triples.map(valueKey));
}

function localGraph(graph: string): Set<string> {
  const group = groups.find((g) => g.graph === graph);
  if (!group) throw new Error(`no local graph ${graph}`);
  return new Set(new Parser({ format: "N-Triples" }).parse(group.lines.join("")).map(valueKey));
}

async function storeCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const g of await listGraphs(store.endpoint, { prefix: "https://" }))
    out[g] = await countTriples(store.endpoint, g);
  return out;
}

describe("push into Virtuoso", () => {
  it("writes one graph for the document (its nanopublications included) and the shared graph", async () => {
    const report = await push({
      endpoint: store.endpoint,
      graphStore: store.graphStore,
      quads: built.quads,
      ...WRITER,
    });
    expect(report.graphs.map((g) => g.graph)).toEqual([DOC_GRAPH, SHARED, AGREEMENT]);
    expect((await listGraphs(store.endpoint, { prefix: BASE })).sort()).toEqual(
      [DOC_GRAPH, SHARED, AGREEMENT].sort(),
    );
    for (const g of report.graphs) {
      const local = localGraph(g.graph);
      expect(g.triples).toBe(local.size);
      expect(g.requests).toBe(1);
      expect(g.attempts).toBe(1);
      expect(g.bytes).toBeGreaterThan(0);
      expect(await countTriples(store.endpoint, g.graph)).toBe(local.size);
      expect(await storedGraph(g.graph)).toEqual(local);
    }
    // Nothing is lost in the regrouping: every quad's triple is in its document's graph.
    const all = new Set([
      ...localGraph(DOC_GRAPH),
      ...localGraph(SHARED),
      ...localGraph(AGREEMENT),
    ]);
    for (const q of built.quads) expect(all.has(valueKey(q))).toBe(true);
  });

  it("pushes again (in 50 KB requests this time) without duplicating anything", async () => {
    const before = await storeCounts();
    const report = await push({
      endpoint: store.endpoint,
      graphStore: store.graphStore,
      quads: built.quads,
      maxBytes: 50_000,
      ...WRITER,
    });
    const doc = report.graphs.find((g) => g.graph === DOC_GRAPH);
    expect(doc?.requests).toBeGreaterThan(5);
    expect(await storeCounts()).toEqual(before);
    expect(await storedGraph(DOC_GRAPH)).toEqual(localGraph(DOC_GRAPH));
  });

  it("refuses a wrong password with a clear error that holds no secret, and changes nothing", async () => {
    const before = await storeCounts();
    const wrong = "wrong-pw-8Hd!c";
    const printed: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(" "));
      }),
    );
    const events: string[] = [];
    let error: unknown;
    try {
      await push({
        endpoint: store.endpoint,
        graphStore: store.graphStore,
        quads: built.quads,
        user: WRITER.user,
        password: wrong,
        baseGraph: "https://example.org/refused/",
        onProgress: (e) => events.push(JSON.stringify(e)),
      });
    } catch (e) {
      error = e;
    } finally {
      for (const s of spies) s.mockRestore();
    }
    expect(error).toMatchObject({ name: "StoreAuthError", status: 401 });
    const e = error as Error & { hint: string; url: string };
    expect(e.message).toContain("wrong user or password");
    expect(e.message).toContain("https://example.org/refused/desipramine-vs-ssris");
    const said = [
      e.message,
      e.hint,
      e.url,
      String(e.stack),
      JSON.stringify(e),
      ...events,
      ...printed,
    ];
    for (const text of said) {
      for (const secret of [wrong, WRITER.password, "Digest ", "authorization", "response="])
        expect(text.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(await storeCounts()).toEqual(before);
  });

  it("asks for credentials when none are given", async () => {
    await expect(
      push({ endpoint: store.endpoint, graphStore: store.graphStore, quads: built.quads }),
    ).rejects.toMatchObject({ name: "StoreAuthError", status: 401 });
  });
});

describe("claimgraph push and claimgraph pushed", () => {
  const BIN = join(ROOT, "bin", "claimgraph.js");
  const seedNq = () => writeTemp("cli/seed/kb.nq", render(built, "nquads"));
  const bothNq = () =>
    writeTemp("cli/both/kb.nq", render(built, "nquads") + render(secondBuild(), "nquads"));
  const where = () => ["--endpoint", store.endpoint, "--graph-store", store.graphStore];

  const withWriter = <T>(f: () => Promise<T>): Promise<T> =>
    withEnv({ CLAIMGRAPH_USER: WRITER.user, CLAIMGRAPH_PASSWORD: WRITER.password }, f);

  const status = async (kb: string) => {
    const r = await run(["pushed", "--kb", kb, "--endpoint", store.endpoint, "--json"]);
    return {
      code: r.code,
      json: JSON.parse(r.out) as {
        complete: boolean;
        graphs: Array<{ graph: string; state: string; local: number; stored: number }>;
      },
    };
  };

  it("pushes kb.nq two graphs at a time, and pushed says every graph is complete", async () => {
    const kb = seedNq();
    const pushed = await withWriter(() => run(["push", "--kb", kb, ...where(), "--parallel", "2"]));
    expect(pushed.err).toBe("");
    expect(pushed.code).toBe(0);
    expect(pushed.out).toMatch(
      /^pushed \d+ triples in 3 graphs to http:\/\/127\.0\.0\.1:\d+\/sparql-graph-crud-auth/,
    );
    expect(pushed.out).not.toContain(WRITER.password);
    for (const g of groups)
      expect(await countTriples(store.endpoint, g.graph)).toBe(g.lines.length);

    const shown = await run(["pushed", "--kb", kb, "--endpoint", store.endpoint]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain("3 of 3 graphs complete");
    expect(shown.out).toMatch(new RegExp(`${DOC_GRAPH}\\s+complete\\s+(\\d+) of \\1 triples`));
  });

  it("shows a graph a push left half-written as partial, and a document never pushed as missing", async () => {
    const kb = seedNq();
    // What a push stopped half-way leaves: the graph's PUT and part of its POSTs.
    store.sql(
      `SPARQL DELETE WHERE { GRAPH <${DOC_GRAPH}> { ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?o } };`,
    );
    const partial = await status(kb);
    expect(partial.code).toBe(1);
    expect(partial.json.complete).toBe(false);
    const doc = partial.json.graphs.find((g) => g.graph === DOC_GRAPH);
    expect(doc?.state).toBe("partial");
    expect(doc?.stored).toBeLessThan(doc?.local ?? 0);
    expect(partial.json.graphs.find((g) => g.graph === SHARED)?.state).toBe("complete");

    const both = await status(bothNq());
    expect(both.code).toBe(1);
    expect(
      both.json.graphs.find((g) => g.graph.endsWith("/nortriptyline-vs-sertraline")),
    ).toMatchObject({ state: "missing", stored: 0 });

    // Pushing again mends it.
    expect((await withWriter(() => run(["push", "--kb", kb, ...where()]))).code).toBe(0);
    const mended = await status(kb);
    expect(mended.code).toBe(0);
    expect(mended.json.graphs.map((g) => g.state)).toEqual(["complete", "complete", "complete"]);
  });

  it("takes the password from standard input (--password-stdin), and never prints it", () => {
    const kb = seedNq();
    const env: NodeJS.ProcessEnv = { ...process.env, CLAIMGRAPH_USER: WRITER.user };
    delete env.CLAIMGRAPH_PASSWORD;
    // The compiled binary, with `input` on its standard input and no terminal.
    const push = (flags: readonly string[], input: string) =>
      spawnSync(process.execPath, [BIN, "push", "--kb", kb, ...where(), ...flags], {
        input,
        env,
        encoding: "utf8",
        timeout: 60_000,
      });
    const ok = push(["--password-stdin"], `${WRITER.password}\n`);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("pushed");
    const wrong = push(["--password-stdin"], "not-the-password\n");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("wrong user or password");
    for (const text of [ok.stdout, ok.stderr, wrong.stdout, wrong.stderr]) {
      expect(text).not.toContain(WRITER.password);
      expect(text).not.toContain("not-the-password");
    }
    // With a user but no password and no terminal, it says how to give one instead of waiting.
    const none = push([], "");
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("CLAIMGRAPH_USER is set but no password is given");
  });
});

describe("remoteQuery", () => {
  beforeAll(async () => {
    await push({
      endpoint: store.endpoint,
      graphStore: store.graphStore,
      quads: built.quads,
      ...WRITER,
    });
  });

  const local = () => writeTemp("seed.nq", render(built, "nquads"));
  const cases: ReadonlyArray<[string, "table" | "csv" | "json"]> = [
    [
      "SELECT ?type (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:Claim, ?type } GROUP BY ?type ORDER BY ?type",
      "table",
    ],
    [
      "SELECT ?number (COUNT(DISTINCT ?c) AS ?claims) WHERE { ?c cito:citesAsEvidence ?r . ?r cg:referenceNumber ?number } GROUP BY ?number ORDER BY ?number",
      "csv",
    ],
    ["SELECT (COUNT(DISTINCT ?e) AS ?entities) WHERE { ?e a cg:Entity }", "json"],
    [
      "ASK { <https://w3id.org/claimgraph/kb/claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0> a cg:Claim }",
      "table",
    ],
  ];

  it.each(cases)("%s (%s) answers as the local claimgraph query", async (sparql, format) => {
    const mine = await run(["query", "--kb", local(), "--format", format, sparql]);
    expect(mine.err).toBe("");
    expect(mine.code).toBe(0);
    const remote = await remoteQuery(store.endpoint, sparql, format);
    if (format === "json") expect(JSON.parse(remote.text)).toEqual(JSON.parse(mine.out));
    else expect(`${remote.text.replace(/\n$/, "")}\n`).toBe(mine.out);
  });

  it("refuses a query that does not parse before sending it, at its line and column", async () => {
    await expect(
      remoteQuery(store.endpoint, "SELECT ?x WHERE { ?x", "table"),
    ).rejects.toMatchObject({ name: "SparqlSyntaxError", line: 1, column: 21 });
  });

  it("does not send updates", async () => {
    await expect(
      remoteQuery(store.endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "table"),
    ).rejects.toMatchObject({ name: "UsageError" });
  });

  const authEndpoint = () => store.endpoint.replace(/\/sparql$/, "/sparql-auth");

  it("refuses an update disguised as a query, with the writer's credentials: the pushed graph stays", async () => {
    const before = await countTriples(store.endpoint, DOC_GRAPH);
    expect(before).toBeGreaterThan(0);
    const disguised = `PREFIX g: <${BASE}>\nPREFIX p: <urn:x\u00a0#>\nCLEAR GRAPH g:desipramine-vs-ssris ;\nINSERT DATA { GRAPH g:x { p:s p:p ">select" } }`;
    await expect(remoteQuery(authEndpoint(), disguised, "table", WRITER)).rejects.toMatchObject({
      name: "UsageError",
    });
    expect(await countTriples(store.endpoint, DOC_GRAPH)).toBe(before);
  });

  it("runs an update with --update, at the authenticated endpoint, with the writer's credentials", async () => {
    const graph = "https://example.org/updated";
    const answer = await remoteQuery(
      authEndpoint(),
      `INSERT DATA { GRAPH <${graph}> { <urn:a> <urn:b> "c" } }`,
      "table",
      WRITER,
      { update: true },
    );
    expect(answer.kind).toBe("update");
    expect(await countTriples(store.endpoint, graph)).toBe(1);
  });
});

describe("scripts/virtuoso/bulk-load.sh", () => {
  it("loads an N-Quads export with the bulk loader, every quad in its own graph", async () => {
    await push({
      endpoint: store.endpoint,
      graphStore: store.graphStore,
      quads: built.quads,
      ...WRITER,
    });
    const file = writeTemp("bulk/kb.nq", render(built, "nquads"));
    const result = spawnSync(
      "bash",
      [
        join(ROOT, "scripts", "virtuoso", "bulk-load.sh"),
        store.dir,
        file,
        "https://example.org/bulk",
      ],
      { encoding: "utf8", timeout: 60_000 },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const info = Object.fromEntries(
      result.stdout
        .trim()
        .split("\n")
        .map((l) => l.split("=", 2)),
    );
    // The document's own graph and the shared graph were pushed under the same names before;
    // the nanopublication graphs are new.
    const nanopubs = built.quads.filter((q) => q.graph.value.includes("/np/"));
    expect(Number(info.added)).toBe(nanopubs.length);
  });
});
