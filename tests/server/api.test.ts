// Every route of the viewer's server on the seed, over HTTP: the projection, a node's details
// for each kind of node, the claims behind an edge, search by synonym, paths,
// neighbourhoods, and the Turtle download, which is graph/kb.ttl itself.
import { readFileSync } from "node:fs";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViewModel } from "../../src/projection/projection.ts";
import type { RunningServer } from "../../src/server/server.ts";
import { rawRequest, SEED_KB, serveKb } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const NET = `${KB}entity/norepinephrine-transporter`;
const DOC = `${KB}doc/desipramine-vs-ssris`;
const REF_1 = `${KB}doc/desipramine-vs-ssris.ref-1`;
const REF_4 = `${KB}doc/desipramine-vs-ssris.ref-4`;
const WORK_4_5 = `${KB}work/pmid-12183009`;
const STUDY = `${KB}study/desipramine-vs-ssris.memory-in-depression`;
const PRIMARY_TARGET = `${KB}claim/desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0`;

let server: RunningServer;

beforeAll(async () => {
  server = await serveKb();
});
afterAll(() => server?.close());

async function getJson<T = Record<string, unknown>>(
  path: string,
  params: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const query = new URLSearchParams(params).toString();
  const r = await rawRequest(server.url, query ? `${path}?${query}` : path);
  expect(r.headers["content-type"]).toBe("application/json; charset=utf-8");
  return { status: r.status, body: JSON.parse(r.body) as T };
}

// Loose shapes of the answers, for reading them in tests.
interface Named {
  id: string;
  label: string;
}
interface Claim {
  id: string;
  subject: Named;
  predicate: Named;
  object: Named | { value: string };
  citations: Array<{ number: number; reference: string; evidenceType: string }>;
  location: { document: Named; line: number };
}

describe("/api/view", () => {
  it("is the projection the server made, the whole seed", async () => {
    const { status, body } = await getJson<ViewModel>("/api/view");
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(server.view)));
    expect(body.overview).toBe(false);
    expect(body.nodes).toHaveLength(158);
    expect(body.documents).toEqual([
      { id: DOC, label: "Mechanisms of Action: A Comparative Overview" },
    ]);
  });
});

describe("/api/node", () => {
  it("a claim: its triple, quote, location and references", async () => {
    const { status, body } = await getJson<{ kind: string; claim: Claim & { quote: unknown } }>(
      "/api/node",
      { id: PRIMARY_TARGET },
    );
    expect(status).toBe(200);
    expect(body.kind).toBe("claim");
    const c = body.claim;
    expect(c.id).toBe(PRIMARY_TARGET);
    expect(c.subject).toEqual({ id: DESIPRAMINE, label: "desipramine" });
    expect(c.object).toEqual({ id: NET, label: "norepinephrine transporter" });
    expect(c.citations.map((r) => [r.number, r.reference, r.evidenceType])).toEqual([
      [1, REF_1, "TertiaryReferenceWork"],
    ]);
    expect(c.location.document.id).toBe(DOC);
    expect(c.location.line).toBe(21);
    expect(c.quote).toMatchObject({ exact: "Norepinephrine Transporter (NET) [1]" });
  });

  it("an entity: every claim about it, grouped by predicate", async () => {
    const { status, body } = await getJson<{
      kind: string;
      trace: {
        match: string;
        total: number;
        entity: { label: string; type: string; synonyms: string[]; groups: unknown[] };
      };
    }>("/api/node", { id: NET });
    expect(status).toBe(200);
    expect(body.kind).toBe("entity");
    expect(body.trace.match).toBe("entity");
    expect(body.trace.entity).toMatchObject({
      label: "norepinephrine transporter",
      type: "Target",
    });
    expect(body.trace.entity.synonyms).toContain("NET");
    expect(body.trace.total).toBeGreaterThan(0);
  });

  it("a reference: the claims resting on it, and the same work listed as [5]", async () => {
    const { status, body } = await getJson<{
      kind: string;
      trace: {
        total: number;
        claims: Claim[];
        references: Array<{ number: number; sameWork: Array<{ number: number }> }>;
      };
    }>("/api/node", { id: REF_4 });
    expect(status).toBe(200);
    expect(body.kind).toBe("reference");
    expect(body.trace.references[0]?.number).toBe(4);
    expect(body.trace.references[0]?.sameWork.map((r) => r.number)).toEqual([5]);
    expect(body.trace.total).toBe(body.trace.claims.length);
    expect(body.trace.claims.every((c) => c.citations.some((r) => r.reference === REF_4))).toBe(
      true,
    );
  });

  it("a work: the claims resting on any reference to it", async () => {
    const { status, body } = await getJson<{
      kind: string;
      trace: { match: string; claims: Claim[]; references: Array<{ number: number }> };
    }>("/api/node", { id: WORK_4_5 });
    expect(status).toBe(200);
    expect(body.kind).toBe("work");
    expect(body.trace.match).toBe("work");
    expect(body.trace.references.map((r) => r.number).sort()).toEqual([4, 5]);
    expect(body.trace.claims.length).toBeGreaterThan(0);
  });

  it("a study: its design, arms and the claims it supports", async () => {
    const { status, body } = await getJson<{
      kind: string;
      study: { id: string; label: string; arms: Array<{ label: string; sampleSize: number }> };
      claims: Claim[];
    }>("/api/node", { id: STUDY });
    expect(status).toBe(200);
    expect(body.kind).toBe("study");
    expect(body.study.label).toBe("Memory in Depression");
    expect(body.study.arms.map((a) => a.sampleSize).sort()).toEqual([8, 9]);
    expect(body.claims.length).toBeGreaterThan(0);
  });

  it("the document: title, author, date, publisher, and its disagreement with public records", async () => {
    const { status, body } = await getJson<{
      kind: string;
      document: Record<string, unknown> & { discrepancies: unknown[] };
    }>("/api/node", { id: DOC });
    expect(status).toBe(200);
    expect(body.kind).toBe("document");
    expect(body.document).toMatchObject({
      id: DOC,
      title: "Mechanisms of Action: A Comparative Overview",
      fileName: "desipramine-vs-ssris.md",
      creator: "Smolecule Technical Support Team",
      date: "February 2026",
      publisher: "Smolecule",
    });
    expect(body.document.discrepancies).toHaveLength(1);
  });

  it("answers 404 for a node that does not exist, and for no id", async () => {
    expect((await getJson("/api/node", { id: `${KB}entity/no-such-thing` })).status).toBe(404);
    expect((await getJson("/api/node")).status).toBe(404);
  });
});

describe("/api/edge", () => {
  it("a claim–entity edge: the claim itself", async () => {
    const { status, body } = await getJson<{ claims: Claim[] }>("/api/edge", {
      source: PRIMARY_TARGET,
      target: NET,
    });
    expect(status).toBe(200);
    expect(body.claims.map((c) => c.id)).toEqual([PRIMARY_TARGET]);
  });

  it("an entity–entity link of the overview: the claims between the two", async () => {
    const { status, body } = await getJson<{ claims: Claim[] }>("/api/edge", {
      source: DESIPRAMINE,
      target: NET,
    });
    expect(status).toBe(200);
    const ids = body.claims.map((c) => c.id);
    expect(ids).toContain(PRIMARY_TARGET);
    for (const c of body.claims) {
      expect(c.subject.id).toBe(DESIPRAMINE);
      expect("id" in c.object && c.object.id).toBe(NET);
    }
  });

  // An unknown node is an empty answer, not an internal error.
  it("answers an edge between unknown nodes without an internal error", async () => {
    const r = await rawRequest(server.url, "/api/edge?source=x&target=y");
    expect(r.status).not.toBe(500);
    expect(r.body).not.toContain("Graph.");
  });
});

describe("/api/search", () => {
  it("finds the norepinephrine transporter by its synonym NET", async () => {
    const { status, body } = await getJson<{
      hits: Array<{ id: string; label: string; matched: string; kind: string; type: string }>;
    }>("/api/search", { q: "NET" });
    expect(status).toBe(200);
    expect(body.hits[0]).toEqual({
      id: NET,
      label: "norepinephrine transporter",
      matched: "NET",
      kind: "entity",
      type: "Target",
    });
  });

  it("puts an exact name first, and finds references and documents too", async () => {
    const desipramine = await getJson<{ hits: Array<{ id: string; kind: string }> }>(
      "/api/search",
      { q: "desipramine" },
    );
    expect(desipramine.body.hits[0]?.id).toBe(DESIPRAMINE);
    expect(desipramine.body.hits.length).toBeLessThanOrEqual(10);
    const statpearls = await getJson<{ hits: Array<{ id: string; kind: string }> }>("/api/search", {
      q: "statpearls",
    });
    expect(statpearls.body.hits.map((h) => h.id)).toContain(REF_1);
    const doc = await getJson<{ hits: Array<{ id: string }> }>("/api/search", {
      q: "comparative overview",
    });
    expect(doc.body.hits.map((h) => h.id)).toContain(DOC);
  });

  it("answers no hits for an empty, unknown or overlong query", async () => {
    for (const q of ["", "   ", "zzzz-no-such-name", "x".repeat(5000 / 2)]) {
      const { status, body } = await getJson<{ hits: unknown[] }>("/api/search", { q });
      expect(status, q.slice(0, 20)).toBe(200);
      expect(body.hits, q.slice(0, 20)).toEqual([]);
    }
  });
});

describe("/api/path", () => {
  it("links desipramine to liver metastases through claims", async () => {
    const { status, body } = await getJson<{
      found: boolean;
      from: Named;
      to: Named;
      steps: Array<{ id: string; kind: string }>;
    }>("/api/path", { from: DESIPRAMINE, to: "liver metastases" });
    expect(status).toBe(200);
    expect(body.found).toBe(true);
    expect(body.from.id).toBe(DESIPRAMINE);
    expect(body.to.id).toBe(`${KB}entity/liver-metastases`);
    expect(body.steps[0]?.id).toBe(DESIPRAMINE);
    expect(body.steps.at(-1)?.id).toBe(`${KB}entity/liver-metastases`);
    expect(body.steps.some((s) => s.kind === "claim")).toBe(true);
  });

  it("says what it could not find", async () => {
    const { status, body } = await getJson<{ found: boolean; problem: string }>("/api/path", {
      from: "desipramine",
      to: "no such thing at all",
    });
    expect(status).toBe(200);
    expect(body.found).toBe(false);
    expect(body.problem).toContain("no such thing at all");
  });
});

describe("/api/neighbourhood", () => {
  it("gives a node, its neighbours and the links among them, at the view's positions", async () => {
    const { status, body } = await getJson<Pick<ViewModel, "nodes" | "edges">>(
      "/api/neighbourhood",
      { id: NET },
    );
    expect(status).toBe(200);
    const keys = new Set(body.nodes.map((n) => n.key));
    expect(keys.has(NET)).toBe(true);
    expect(keys.has(PRIMARY_TARGET)).toBe(true);
    const centre = body.nodes.find((n) => n.key === NET);
    const inView = server.view.nodes.find((n) => n.key === NET);
    expect([centre?.x, centre?.y]).toEqual([inView?.x, inView?.y]);
    for (const e of body.edges) {
      expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
      expect([e.source, e.target]).toContain(NET);
    }
    expect(body.edges.length).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown node", async () => {
    expect((await getJson("/api/neighbourhood", { id: "urn:x:nothing" })).status).toBe(404);
  });
});

describe("/kb/kb.ttl", () => {
  it("downloads graph/kb.ttl as Turtle that n3 parses", async () => {
    const r = await rawRequest(server.url, "/kb/kb.ttl");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/turtle; charset=utf-8");
    expect(r.headers["content-disposition"]).toBe('attachment; filename="kb.ttl"');
    const expected = readFileSync(SEED_KB, "utf8");
    expect(r.body).toBe(expected);
    const quads = new Parser({ format: "Turtle" }).parse(r.body);
    expect(quads.length).toBe(new Parser({ format: "Turtle" }).parse(expected).length);
    expect(quads.length).toBeGreaterThan(1000);
  });
});
