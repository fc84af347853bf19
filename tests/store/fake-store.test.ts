// push against a fake Graph Store (a small node:http server) that misbehaves on purpose: answers
// 500, drops the connection halfway through a body, never answers, refuses with 4xx, or asks for
// Basic credentials. The fake keeps every line it is sent, duplicates included, so a retry that
// duplicated anything would show.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BODY_HEADER } from "../../src/store/graph-survey.ts";
import { groupGraphs } from "../../src/store/graphs.ts";
import { type PushEvent, push } from "../../src/store/push.ts";
import { remoteQuery } from "../../src/store/sparql.ts";
import { seedBuild } from "../helpers/build.ts";

/** What the fake does with a request: store it, cut it, never answer, or answer a status. */
type Action =
  | "ok"
  | "drop"
  | "hang"
  | number
  | {
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body?: string;
    };

interface Received {
  readonly method: string;
  readonly graph: string;
  readonly bytes: number;
  readonly authorization: string | undefined;
}

interface FakeStore {
  readonly url: string;
  readonly graphs: Map<string, string[]>;
  readonly received: Received[];
  /** Requests that reached the fake, dropped ones included. */
  seen(): number;
  /** The most requests it was answering at once. */
  mostAtOnce(): number;
  close(): Promise<void>;
}

const open: FakeStore[] = [];

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

/** A Graph Store that does `act(n)` with its n-th request (0-based): store it, or misbehave. */
async function fakeStore(
  act: (n: number, req: IncomingMessage) => Action = () => "ok",
): Promise<FakeStore> {
  const graphs = new Map<string, string[]>();
  const received: Received[] = [];
  let n = 0;
  let atOnce = 0;
  let mostAtOnce = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const action = act(n++, req);
    atOnce += 1;
    mostAtOnce = Math.max(mostAtOnce, atOnce);
    res.on("close", () => {
      atOnce -= 1;
    });
    const graph = new URL(req.url ?? "/", "http://x").searchParams.get("graph") ?? "";
    if (action === "drop") {
      // Take the first part of the body, then cut the connection.
      req.once("data", () => req.socket.destroy());
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({
        method: req.method ?? "",
        graph,
        bytes: Buffer.byteLength(body),
        authorization: req.headers.authorization,
      });
      if (action === "hang") return;
      if (req.method === "HEAD" && action === "ok") {
        // A Graph Store answers HEAD of a graph it holds with 200, of any other with 404.
        res.writeHead(graphs.has(graph) ? 200 : 404);
        res.end();
        return;
      }
      if (typeof action === "number" || typeof action === "object") {
        const status = typeof action === "number" ? action : action.status;
        const headers = typeof action === "number" ? {} : action.headers;
        res.writeHead(status, { "content-type": "text/plain", ...headers });
        res.end(
          typeof action === "object" && action.body ? action.body : `fake store says ${status}`,
        );
        return;
      }
      expect(body.startsWith(BODY_HEADER)).toBe(true);
      const lines = body
        .slice(BODY_HEADER.length)
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => `${l}\n`);
      if (req.method === "PUT") graphs.set(graph, lines);
      else graphs.set(graph, [...(graphs.get(graph) ?? []), ...lines]);
      // Stored at once, answered a little later, as a store that parses the body would.
      setTimeout(() => {
        res.writeHead(req.method === "PUT" ? 201 : 200);
        res.end();
      }, 3);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const store: FakeStore = {
    url: `http://127.0.0.1:${port}/store`,
    graphs,
    received,
    seen: () => n,
    mostAtOnce: () => mostAtOnce,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(store);
  return store;
}

const XSD = "http://www.w3.org/2001/XMLSchema#";
const built = seedBuild();
const expected = groupGraphs(built.quads);
const KB_GRAPH = "https://w3id.org/claimgraph/kb/graph/";
const DOC_GRAPH = `${KB_GRAPH}desipramine-vs-ssris`;

/** Every graph holds exactly the local lines: none missing, none twice. */
function expectComplete(store: FakeStore): void {
  expect([...store.graphs.keys()].sort()).toEqual(expected.map((g) => g.graph).sort());
  for (const g of expected) expect(store.graphs.get(g.graph)).toEqual(g.lines);
}

const pushTo = (store: FakeStore, extra: Partial<Parameters<typeof push>[0]> = {}) =>
  push({
    endpoint: "http://127.0.0.1:1/sparql",
    graphStore: store.url,
    quads: built.quads,
    maxBytes: 50_000,
    backoffMs: 1,
    // One graph at a time, so that "the n-th request" names the same request in every run.
    parallel: 1,
    ...extra,
  });

describe("push to a store that misbehaves", () => {
  it("keeps every request within maxBytes, and the graphs complete", async () => {
    const store = await fakeStore();
    const report = await pushTo(store);
    expect(store.received.length).toBeGreaterThan(10);
    for (const r of store.received) expect(r.bytes).toBeLessThanOrEqual(50_000);
    expectComplete(store);
    // Each graph: one PUT, then POSTs.
    for (const g of expected) {
      const methods = store.received.filter((r) => r.graph === g.graph).map((r) => r.method);
      expect(methods[0]).toBe("PUT");
      expect(methods.slice(1).every((m) => m === "POST")).toBe(true);
    }
    expect(report.requests).toBe(store.received.length);
    expect(report.triples).toBe(expected.reduce((n, g) => n + g.lines.length, 0));
  });

  it("pushes the agreement graph after the graphs whose claims it names, and a re-push replaces it", async () => {
    const store = await fakeStore();
    await pushTo(store);
    const agreement = "https://w3id.org/claimgraph/kb/graph/agreement";
    const graphs = store.received.map((r) => r.graph);
    expect(graphs.indexOf(agreement)).toBeGreaterThan(graphs.lastIndexOf(DOC_GRAPH));
    expect(graphs.indexOf(agreement)).toBeGreaterThan(graphs.lastIndexOf(`${KB_GRAPH}shared`));
    await pushTo(store);
    expectComplete(store);
    const lines = store.graphs.get(agreement) ?? [];
    expect(lines.some((l) => l.includes("#GroupedAssertion>"))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it("writes graphs side by side (--parallel), each graph's requests one after another", async () => {
    const store = await fakeStore();
    const report = await pushTo(store, { parallel: 2 });
    expectComplete(store);
    expect(store.mostAtOnce()).toBe(2);
    // Per graph: the replacing PUT first, and never two requests of one graph at once
    // (which the order of arrival shows: each graph's PUT precedes all of its POSTs).
    for (const g of expected) {
      const methods = store.received.filter((r) => r.graph === g.graph).map((r) => r.method);
      expect(methods[0]).toBe("PUT");
      expect(methods.slice(1).every((m) => m === "POST")).toBe(true);
    }
    // The report lists the graphs in their order, whichever finished first.
    expect(report.graphs.map((g) => g.graph)).toEqual(expected.map((g) => g.graph));
    const one = await fakeStore();
    await pushTo(one, { parallel: 1 });
    expect(one.mostAtOnce()).toBe(1);
  });

  it("side by side, a graph that keeps failing stops the push with its error", async () => {
    const shared = `${KB_GRAPH}shared`;
    expect(expected.map((g) => g.graph)).toContain(shared);
    const store = await fakeStore((_, req) => (req.url?.includes("shared") ? 500 : "ok"));
    const error = await pushTo(store, { parallel: 2, retries: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "StoreUnavailableError", graph: shared });
    expect((error as Error).message).toContain("2 attempts");
  });

  it("after a 500 halfway through a graph, sends that request again: no duplicates", async () => {
    const store = await fakeStore((n) => (n === 3 ? 500 : "ok"));
    const events: PushEvent[] = [];
    const report = await pushTo(store, { onProgress: (e) => events.push(e) });
    expectComplete(store);
    const doc = report.graphs.find((g) => g.graph === DOC_GRAPH);
    expect(doc?.attempts).toBe(2);
    expect(events.filter((e) => e.kind === "retry")).toHaveLength(1);
    const methods = store.received.filter((r) => r.graph === DOC_GRAPH).map((r) => r.method);
    // The fourth request (a POST) failed and was sent again; the PUT before it was not.
    expect(methods.slice(0, 5)).toEqual(["PUT", "POST", "POST", "POST", "POST"]);
    expect(methods.filter((m) => m === "PUT")).toHaveLength(1);
    expect(events.find((e) => e.kind === "retry")).toMatchObject({ graph: DOC_GRAPH, attempt: 2 });
  });

  it("after a connection dropped halfway through a body, sends that body again: no duplicates", async () => {
    const store = await fakeStore((n) => (n === 2 ? "drop" : "ok"));
    const report = await pushTo(store);
    expectComplete(store);
    expect(report.graphs.find((g) => g.graph === DOC_GRAPH)?.attempts).toBe(2);
  });

  it("after a request that gets no answer in time, sends it again", async () => {
    const store = await fakeStore((n) => (n === 1 ? "hang" : "ok"));
    const report = await pushTo(store, { timeoutMs: 300 });
    expectComplete(store);
    expect(report.graphs.find((g) => g.graph === DOC_GRAPH)?.attempts).toBe(2);
  });

  it.each([
    [500, "StoreUnavailableError", /answered 500: fake store says 500/],
    ["drop", "StoreUnavailableError", /dropped the connection/],
  ] as const)(
    "gives up with a clear error when the store never recovers (%s)",
    async (action, name, says) => {
      const store = await fakeStore(() => action);
      const error = await pushTo(store, { retries: 2 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name, graph: DOC_GRAPH });
      expect((error as Error).message).toMatch(says);
      expect((error as Error).message).toContain(`graph <${DOC_GRAPH}>`);
      expect((error as Error).message).toContain("3 attempts");
      // Three attempts at the first graph's PUT; nothing sent to the next graph.
      expect(store.seen()).toBe(3);
    },
  );

  it("stops with the error of a progress callback that throws", async () => {
    const store = await fakeStore();
    const error = await pushTo(store, {
      onProgress: (e) => {
        if (e.kind === "graph") throw new Error("progress broke");
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("progress broke");
  });

  it("does not retry what the store refuses (4xx), and names the graph and the status", async () => {
    const store = await fakeStore(() => 415);
    const error = await pushTo(store).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "StoreRefusedError", status: 415, graph: DOC_GRAPH });
    expect((error as Error).message).toContain(`graph <${DOC_GRAPH}>`);
    expect((error as Error).message).toContain("415");
    expect(store.received).toHaveLength(1);
  });

  it("answers a Basic challenge over http when allowed, and keeps the password out of what it says", async () => {
    const credentials = { user: "writer", password: "s3cret-basic-pw" };
    const token = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString("base64")}`;
    const challenge = { status: 401, headers: { "www-authenticate": 'Basic realm="fake"' } };
    const store = await fakeStore((_, req) =>
      req.headers.authorization === token ? "ok" : challenge,
    );
    await pushTo(store, { ...credentials, allowInsecureBasic: true });
    expectComplete(store);
    // One unauthenticated request met the challenge; every later one answered it at once.
    expect(store.seen()).toBe(store.received.length);
    expect(store.received.filter((r) => r.authorization !== token)).toHaveLength(1);

    const wrong = { user: "writer", password: "not-the-Basic-pw" };
    const error = await pushTo(store, { ...wrong, allowInsecureBasic: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "StoreAuthError", status: 401, graph: DOC_GRAPH });
    const e = error as Error & { hint: string };
    for (const text of [e.message, e.hint, String(e.stack)]) {
      expect(text).not.toContain(wrong.password);
      expect(text).not.toContain(credentials.password);
      expect(text).not.toContain("Basic ");
    }
    expect(e.message).toContain("wrong user or password");
  });
});

describe("remoteQuery against an endpoint that misbehaves", () => {
  const answer = {
    status: 200,
    headers: { "content-type": "application/sparql-results+json" },
    body: JSON.stringify({
      head: { vars: ["n"] },
      results: {
        bindings: [{ n: { type: "typed-literal", datatype: `${XSD}integer`, value: "78" } }],
      },
    }),
  };
  const options = { backoffMs: 1, timeoutMs: 300 };

  it.each([503, "drop", "hang"] as const)("retries after %s, then answers", async (first) => {
    const endpoint = await fakeStore((n) => (n === 0 ? first : answer));
    const result = await remoteQuery(
      `${endpoint.url}/sparql`,
      "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
      "csv",
      undefined,
      options,
    );
    expect(result.text).toBe("n\r\n78\r\n");
    expect(endpoint.seen()).toBe(2);
  });

  it("gives up after its retries with a clear error", async () => {
    const endpoint = await fakeStore(() => 502);
    const error = await remoteQuery(`${endpoint.url}/sparql`, "ASK {}", "table", undefined, {
      ...options,
      retries: 2,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "StoreUnavailableError" });
    expect((error as Error).message).toMatch(/answered 502.*3 attempts/);
    expect(endpoint.seen()).toBe(3);
  });

  it("does not retry a query the endpoint refuses", async () => {
    const endpoint = await fakeStore(() => 400);
    await expect(
      remoteQuery(`${endpoint.url}/sparql`, "ASK {}", "table", undefined, options),
    ).rejects.toMatchObject({
      name: "StoreRefusedError",
      status: 400,
    });
    expect(endpoint.seen()).toBe(1);
  });
});
