// `claimgraph compare --endpoint` and `trace --endpoint` (#16.5) against a real `claimgraph
// serve`'s /sparql. Trace of a name, a synonym or an identifier the store holds as written
// finds it by index lookups, never by scanning every name, in a bounded number of queries.
// Compare, on the
// seed and on the agreement corpus (tests/fixtures/agreement/, where cells carry conflicts) it
// prints what the local `compare` prints, table and JSON, after a fixed number of queries that
// never carry a document's text; a store that refuses, fails, cuts an answer short or does not
// answer is a clear error naming the store, with a hint, and a non-zero exit.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.ts";
import { remoteCompareGraph } from "../../src/store/remote-compare.ts";
import { AGREEMENT_SOURCES } from "../helpers/agreement-gold.ts";
import { ROOT } from "../helpers/build.ts";
import { cachePerTest } from "../helpers/cache-per-test.ts";
import { run } from "../helpers/cli.ts";
import { closeFakeSparql, emptyAnswer, fakeSparql } from "../helpers/fake-sparql.ts";
import { type BuiltKb, buildSources, SEED_KB } from "../helpers/serve.ts";

cachePerTest("claimgraph-compare-endpoint-");

const BIN = join(ROOT, "bin", "claimgraph.js");
const running: ChildProcess[] = [];
let agreement: BuiltKb | undefined;
let seedEndpoint: string;
let agreementEndpoint: string;

/** `claimgraph serve --kb FILE` on a free port (the bundled CLI); its /sparql address. */
async function serve(kb: string, ...flags: string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--kb", kb, ...flags], {
    cwd: ROOT,
  });
  running.push(child);
  return new Promise<string>((done, fail) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const url = /SPARQL endpoint: (\S+)/.exec(out)?.[1];
      if (url) done(url);
    });
    child.once("exit", (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
  });
}

beforeAll(async () => {
  agreement = await buildSources(AGREEMENT_SOURCES);
  [seedEndpoint, agreementEndpoint] = await Promise.all([serve(SEED_KB), serve(agreement.kb)]);
}, 180_000);

afterAll(async () => {
  for (const child of running) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  }
  agreement?.remove();
});

afterEach(closeFakeSparql);

/** A proxy in front of `endpoint` that keeps the text of every query it passes on, and its answer. */
async function recording(
  endpoint: string,
): Promise<{ url: string; queries: string[]; answers: string[] }> {
  const queries: string[] = [];
  const answers: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      queries.push(new URLSearchParams(body).get("query") ?? "");
      const answer = await fetch(endpoint, {
        method: "POST",
        headers: {
          accept: String(req.headers.accept ?? "*/*"),
          "content-type": String(req.headers["content-type"] ?? ""),
        },
        body,
      });
      res.writeHead(answer.status, {
        "content-type": answer.headers.get("content-type") ?? "text/plain",
      });
      const text = Buffer.from(await answer.arrayBuffer());
      answers.push(text.toString("utf8"));
      res.end(text);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  proxies.push(server);
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/sparql`, queries, answers };
}
const proxies: Server[] = [];
afterEach(() => {
  for (const p of proxies.splice(0)) {
    p.closeAllConnections();
    p.close();
  }
});

describe("compare --endpoint answers as the local compare", () => {
  it.each([
    ["desipramine", "fluoxetine"],
    ["desipramine", "SSRIs"],
    ["fluoxetine"],
    ["TCAs", "fluoxetine"],
    ["DesiPramine"],
  ])("the seed: %s", async (...names) => {
    for (const format of [["--json"], []]) {
      const local = await run(["compare", ...names, "--kb", SEED_KB, ...format]);
      const remote = await run(["compare", ...names, "--endpoint", seedEndpoint, ...format]);
      expect(local.code, local.err).toBe(0);
      expect(remote.code, remote.err).toBe(0);
      expect(remote.out).toBe(local.out);
    }
  });

  it.each([
    ["desipramine", "fluoxetine"],
    ["mirtazapine", "sertraline", "desipramine"],
    ["fluoxetine"],
  ])("the agreement corpus, conflicts included: %s", async (...names) => {
    const kb = agreement?.kb as string;
    const local = await run(["compare", ...names, "--kb", kb, "--json"]);
    const remote = await run(["compare", ...names, "--endpoint", agreementEndpoint, "--json"]);
    expect(local.code, local.err).toBe(0);
    expect(remote.code, remote.err).toBe(0);
    expect(remote.out).toBe(local.out);
    const cells = JSON.parse(remote.out).rows.flatMap(
      (r: { cells: Array<{ conflicts: unknown[] }> }) => r.cells,
    );
    expect(cells.some((c: { conflicts: unknown[] }) => c.conflicts.length > 0)).toBe(true);
  });

  it("refuses a name that is no drug, with the same suggestions as locally", async () => {
    for (const name of ["desipramin", "NET"]) {
      const local = await run(["compare", name, "--kb", SEED_KB]);
      const remote = await run(["compare", name, "--endpoint", seedEndpoint]);
      expect(remote.code).toBe(2);
      expect(remote.err).toBe(local.err);
    }
  });
});

describe("compare --endpoint's queries", () => {
  it("are the names', the columns', the claims' and 50 claims' a batch, none reading a document's text", async () => {
    const proxy = await recording(seedEndpoint);
    const r = await run(["compare", "desipramine", "fluoxetine", "--endpoint", proxy.url]);
    expect(r.code, r.err).toBe(0);
    // The names; the columns counted and read; their claims counted and listed; each batch
    // counted and read.
    expect(proxy.queries[2]).toMatch(/^CONSTRUCT/);
    expect(proxy.queries[3]).toMatch(/COUNT\(DISTINCT \?c\)/);
    expect(proxy.queries[4]).toMatch(/^SELECT DISTINCT \?x/);
    const batches = proxy.queries.slice(5).filter((q) => q.startsWith("CONSTRUCT"));
    const sizes = batches.map((q) => q.match(/<[^>]*\/claim\/[^>]*>/g)?.length ?? 0);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBe(50);
    expect(proxy.queries).toHaveLength(5 + 2 * batches.length);
    // As README says: nine for the seed's two drugs (66 claims of theirs and their classes).
    expect(proxy.queries).toHaveLength(9);
    for (const q of proxy.queries) expect(q).not.toMatch(/\?s \?p \?o \. *}/);
    for (const q of batches) expect(q).toContain("NOT IN (<http://www.w3.org/2011/content#chars>)");
  });

  it("leave out an entity's asserted triples, which every batch reaching a hub would read again", async () => {
    const proxy = await recording(seedEndpoint);
    const r = await run(["compare", "desipramine", "fluoxetine", "--endpoint", proxy.url]);
    expect(r.code, r.err).toBe(0);
    const desipramine = "<https://w3id.org/claimgraph/kb/entity/desipramine>";
    const asserted = `${desipramine} <https://w3id.org/claimgraph/vocab#primaryTarget>`;
    // The knowledge base states it (the store holds it), and no answer of compare's carries it.
    expect(readFileSync(join(dirname(SEED_KB), "kb.nq"), "utf8")).toContain(asserted);
    expect(proxy.answers.filter((a) => a.includes(asserted))).toEqual([]);
    const label = `${desipramine} <http://www.w3.org/2000/01/rdf-schema#label>`;
    expect(proxy.answers.some((a) => a.includes(label))).toBe(true);
  });

  it("grow with the drugs' claims, not with the documents: seven for a drug of few claims", async () => {
    const proxy = await recording(agreementEndpoint);
    const r = await run(["compare", "mirtazapine", "--endpoint", proxy.url]);
    expect(r.code, r.err).toBe(0);
    expect(proxy.queries).toHaveLength(7);
  });

  it("read many claims a batch at a time, the same graph as in one batch", async () => {
    const names = ["desipramine", "fluoxetine"];
    const once = { claimBatch: Number.POSITIVE_INFINITY };
    const whole = await remoteCompareGraph(agreementEndpoint, names, undefined, once);
    const proxy = await recording(agreementEndpoint);
    // Batches of seven, from a listing read five claims a page; told how many are read.
    const told: [number, number][] = [];
    const onProgress = (read: number, of: number) => told.push([read, of]);
    const limits = { claimBatch: 7, pageSize: 5, onProgress };
    const batched = await remoteCompareGraph(proxy.url, names, undefined, limits);
    const claims = whole.graph.filterNodes((_, n) => n.kind === "claim").length;
    expect(claims).toBeGreaterThan(7 * 3);
    // The names; the columns counted and read; the claims counted and listed; each batch of
    // seven counted and read.
    const batches = proxy.queries.filter((q) => /^CONSTRUCT[\s\S]*VALUES \?c/.test(q));
    const sizes = batches.map((q) => q.match(/<[^>]*\/claim\/[^>]*>/g)?.length ?? 0);
    // Seven claims a batch but the last listed (sent with others at once), every claim once.
    expect(sizes.filter((n) => n !== 7).length).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(claims);
    expect(batches.length).toBeGreaterThan(3);
    const pages = proxy.queries.filter((q) => q.startsWith("SELECT DISTINCT ?x WHERE")).length;
    expect(pages).toBeGreaterThan(claims / 5);
    expect(proxy.queries).toHaveLength(4 + pages + 2 * batches.length);
    expect(batched.graph.export()).toEqual(whole.graph.export());
    // After each round of four batches (28 claims), rising to all of them.
    expect(told.map(([read]) => read)).toEqual(told.map((_, i) => Math.min(claims, 28 * (i + 1))));
    expect(told.at(-1)).toEqual([claims, claims]);
  });

  it("count the claims read on from the first read when a name is found by its identifier", async () => {
    // fluoxetine is spelled; desipramine, named by its DrugBank identifier, is read after.
    const told: [number, number][] = [];
    const onProgress = (read: number, of: number) => told.push([read, of]);
    const kg = await remoteCompareGraph(seedEndpoint, ["fluoxetine", "DB01151"], undefined, {
      claimBatch: 5,
      onProgress,
    });
    const claims = kg.graph.filterNodes((_, n) => n.kind === "claim").length;
    const reads = told.map(([read]) => read);
    // Two reads (the total grows once), counted as one that never goes back.
    expect(new Set(told.map(([, of]) => of)).size).toBe(2);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    expect(told.at(-1)).toEqual([claims, claims]);
  });

  it("refuse a listing shorter than the claims the store counted (cut at a row limit)", async () => {
    const answer = (vars: string[], rows: Record<string, unknown>[]) => ({
      status: 200,
      headers: { "content-type": "application/sparql-results+json" },
      body: JSON.stringify({ head: { vars }, results: { bindings: rows } }),
    });
    const iri = (value: string) => ({ type: "uri", value });
    const fake = await fakeSparql((request) => {
      const q = request.query ?? "";
      if (q.includes("?class")) return answer(["x", "class"], [{ x: iri("http://e.org/drug") }]);
      if (q.includes("COUNT(DISTINCT ?c)"))
        return answer(["n"], [{ n: { type: "literal", value: "3" } }]);
      if (q.includes("COUNT(*)")) return answer(["n"], [{ n: { type: "literal", value: "0" } }]);
      if (q.startsWith("SELECT DISTINCT ?x"))
        return answer(
          ["x"],
          [{ x: iri("http://e.org/claim/1") }, { x: iri("http://e.org/claim/2") }],
        );
      return emptyAnswer(request);
    });
    const error = await remoteCompareGraph(fake.endpoint, ["drug"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/listed 2 of the 3 claims it counted/);
    expect((error as StoreError).hint).toMatch(/row limit.*--kb/);
  });

  it("refuse drugs with more claims than compare reads through a store, with a hint", async () => {
    const error = await remoteCompareGraph(agreementEndpoint, ["desipramine"], undefined, {
      maxClaims: 3,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(
      /the drugs have \d+ claims, more than the 3 compare reads through a store/,
    );
    expect((error as StoreError).hint).toMatch(/fewer drugs.*--kb/);
  });
});

/** A trace's JSON without the entity's assertions (the local trace's alone: see trace.ts). */
function withoutAssertions(json: string): unknown {
  const answer = JSON.parse(json);
  if (answer.entity) delete answer.entity.assertions;
  return answer;
}

describe("trace --endpoint's queries", () => {
  // An entity's page: its group counts, its page of claims, the count and first page of the
  // claims mentioning it (five queries sent at once), then the page read with its labels.
  it.each([
    ["desipramine", 15],
    ["NET", 13],
    ["pmid:12183009", 12],
    ["chebi:47781", 15],
  ] as const)(
    "%s: found without scanning names or identifiers, in at most %i queries, as locally",
    async (query, most) => {
      const proxy = await recording(seedEndpoint);
      const remote = await run(["trace", query, "--endpoint", proxy.url, "--json"]);
      const local = await run(["trace", query, "--kb", SEED_KB, "--json"]);
      expect(remote.code, remote.err).toBe(0);
      expect(withoutAssertions(remote.out)).toEqual(withoutAssertions(local.out));
      for (const q of proxy.queries) expect(q).not.toMatch(/CONTAINS\(LCASE|REGEX\(|LCASE\(/);
      expect(proxy.queries.length).toBeLessThanOrEqual(most);
    },
  );

  it.each([
    ["desipramine", "3", "5"],
    ["NET", "0", "2"],
    ["desipramine", "40", "100"],
  ])(
    "%s, --offset %s --limit %s: the same page, counts and groups as locally",
    async (query, offset, limit) => {
      const page = ["--offset", offset, "--limit", limit, "--json"];
      const remote = await run(["trace", query, "--endpoint", seedEndpoint, ...page]);
      const local = await run(["trace", query, "--kb", SEED_KB, ...page]);
      expect(remote.code, remote.err).toBe(0);
      expect(withoutAssertions(remote.out)).toEqual(withoutAssertions(local.out));
    },
  );
});

describe("compare --endpoint on a terminal", () => {
  /** The CLI run on a pseudo-terminal (util-linux's `script`): what the terminal showed. */
  const onTerminal = (...flags: string[]) => {
    const command = [process.execPath, BIN, "compare", "desipramine", "fluoxetine"]
      .concat(["--endpoint", seedEndpoint, ...flags])
      .map((a) => `'${a}'`)
      .join(" ");
    const r = spawnSync("script", ["-qec", command, "/dev/null"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT")
      throw new Error("script(1) was not found: install Debian's bsdutils (see .ci/run)");
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };

  it("counts the claims read on stderr, but not with --quiet nor --json", () => {
    expect(onTerminal()).toMatch(/\rreading claims from the store: 66 of 66 \(100 %\)/);
    expect(onTerminal("--quiet")).not.toContain("reading claims");
    const json = onTerminal("--json");
    expect(json).not.toContain("reading claims");
    expect(json).toContain('"columns"');
  });
});

describe("compare --endpoint's errors name the store, with a hint", () => {
  it("an answer over the store's row limit", async () => {
    const small = await serve(SEED_KB, "--query-limit", "50");
    const r = await run(["compare", "desipramine", "--endpoint", small]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(small);
    expect(r.err).toMatch(/limit of 50[\s\S]*\n {2}hint: .*row limit.*--kb/);
  });

  it("a store that answers fewer triples than it counted (cut at a row limit)", async () => {
    const fake = await fakeSparql((request) => {
      if (request.query?.includes("COUNT(*)"))
        return {
          status: 200,
          headers: { "content-type": "application/sparql-results+json" },
          body: JSON.stringify({
            head: { vars: ["n"] },
            results: { bindings: [{ n: { type: "literal", value: "3" } }] },
          }),
        };
      if (request.query?.startsWith("CONSTRUCT"))
        return {
          status: 200,
          headers: { "content-type": "application/n-triples" },
          body: "<http://e.org/a> <http://e.org/p> <http://e.org/b> .\n",
        };
      if (request.query?.includes("?class"))
        return {
          status: 200,
          headers: { "content-type": "application/sparql-results+json" },
          body: JSON.stringify({
            head: { vars: ["x", "class"] },
            results: { bindings: [{ x: { type: "uri", value: "http://e.org/drug" } }] },
          }),
        };
      return emptyAnswer(request);
    });
    const r = await run(["compare", "desipramine", "--endpoint", fake.endpoint]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(fake.endpoint);
    expect(r.err).toMatch(/1 of the 3 triples[\s\S]*\n {2}hint: .*row limit/);
  });

  it("a store that fails (500), after its retries", async () => {
    const fake = await fakeSparql(() => ({ status: 500, body: "boom" }));
    const r = await run(["compare", "desipramine", "--endpoint", fake.endpoint]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(fake.endpoint);
    expect(r.err).toMatch(/500[\s\S]*\n {2}hint: /);
  }, 20_000);

  it("a store that does not answer in time", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, "127.0.0.1", done));
    proxies.push(silent);
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/sparql`;
    const error = await remoteCompareGraph(url, ["desipramine"], undefined, {
      timeoutMs: 200,
      retries: 0,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toContain(url);
    expect((error as StoreError).hint).not.toBe("");
  });

  it("a neighbourhood larger than the reader reads at once", async () => {
    const error = await remoteCompareGraph(seedEndpoint, ["desipramine"], undefined, {
      maxTriples: 100,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/more than the 100 claimgraph reads at once/);
    expect((error as StoreError).hint).toContain("--kb");
  });
});
