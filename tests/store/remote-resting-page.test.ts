// The claims resting on a work or references, paged at a real Virtuoso
// (src/store/remote-resting-page.ts), on a generated corpus of several documents: a work every
// document cites, cited through references and directly; one a study cites directly (as files
// written before cg:viaReference do), whose claims rest on it only through the study; and one
// no reference lists, cited directly by a claim (a knowledge base edited by hand). Every work's
// and reference's page answers as trace does on the whole knowledge base loaded locally, and
// the pages of the most cited work, put together, are its claims in trace's order, each once.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DataFactory, Writer } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus/generate.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { CITO, DCTERMS, FABIO, RDF } from "../../src/rdf/vocab/vocabulary.ts";
import { push } from "../../src/store/push.ts";
import { remoteTraceGraph } from "../../src/store/remote-graph.ts";
import { referencePageTrace } from "../../src/trace/reference-page.ts";
import { trace } from "../../src/trace/trace.ts";
import { type BuiltKb, buildSources } from "../helpers/serve.ts";
import { startVirtuoso, type Virtuoso } from "../helpers/virtuoso.ts";

let dir: string;
let built: BuiltKb;
let kg: KnowledgeGraph;
let store: Virtuoso;
/** Every work and reference, the most cited first. */
let starts: string[];
/** The work a study cites directly. */
let studyWork: string;
/** A work no reference lists, and the claim that cites it. */
const UNLISTED = "https://example.org/work/unlisted";
let citingClaim: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cg-resting-"));
  generateCorpus({ documents: 6, seed: 7, outDir: dir });
  built = await buildSources(dir);
  // A study cites a work as evidence directly, not through a reference (as files written
  // before cg:viaReference do): the claims of the study rest on the work through it alone.
  const before = await openKnowledgeGraph([built.kb], { cache: false });
  const extra = studyCitingDirectly(before);
  citingClaim = firstClaim(before);
  const { namedNode, literal, quad } = DataFactory;
  const g = namedNode("https://example.org/extra");
  const added = [
    quad(namedNode(extra.study), CITO.citesAsEvidence, namedNode(extra.work), g),
    quad(namedNode(UNLISTED), RDF.type, FABIO.Work, g),
    quad(namedNode(UNLISTED), DCTERMS.title, literal("A work no reference lists"), g),
    quad(namedNode(citingClaim), CITO.citesAsEvidence, namedNode(UNLISTED), g),
  ];
  const extraFile = join(dir, "extra.nq");
  writeFileSync(extraFile, new Writer({ format: "N-Quads" }).quadsToString(added));
  kg = await openKnowledgeGraph([built.kb, extraFile], { cache: false });
  store = await startVirtuoso();
  await push({
    endpoint: store.endpoint,
    graphStore: store.graphStore,
    files: [join(dirname(built.kb), "kb.nq")],
    user: "dba",
    password: "dba",
  });
  await push({
    endpoint: store.endpoint,
    graphStore: store.graphStore,
    quads: added,
    user: "dba",
    password: "dba",
  });
  const found: Array<[string, number]> = [];
  kg.graph.forEachNode((iri, a) => {
    if (a.kind === "work" || a.kind === "reference") found.push([iri, trace(kg, iri).total]);
  });
  starts = found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([iri]) => iri);
  studyWork = extra.work;
}, 180_000);

/** The first claim by IRI. */
function firstClaim(graph: KnowledgeGraph): string {
  const claims: string[] = [];
  graph.graph.forEachNode((iri, a) => {
    if (a.kind === "claim") claims.push(iri);
  });
  return claims.sort()[0] as string;
}

/** A study that supports claims, and a work it does not cite, the first of each by IRI. */
function studyCitingDirectly(graph: KnowledgeGraph): { study: string; work: string } {
  const studies: string[] = [];
  const works: string[] = [];
  graph.graph.forEachNode((iri, a) => {
    if (a.kind === "study" && a.supports.length > 0) studies.push(iri);
    if (a.kind === "work") works.push(iri);
  });
  const study = studies.sort()[0] as string;
  const cited = new Set(
    (graph.node(study) as { citations: readonly string[] }).citations.map(
      (r) => graph.reference(r)?.work,
    ),
  );
  return { study, work: works.sort().find((w) => !cited.has(w)) as string };
}

afterAll(async () => {
  await store?.stop();
  built?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Claims resting on `work` only through a study that cites it (no citation of their own). */
function throughStudiesOnly(work: string): string[] {
  return trace(kg, work, { offset: 0, limit: 100_000 }).claims.flatMap((c) => {
    const claim = kg.claim(c.id);
    const cited = claim?.citations.some((r) => r === work || kg.reference(r)?.work === work);
    return claim && !cited ? [c.id] : [];
  });
}

describe("remoteTraceGraph: the claims resting on a work or references, paged at the store", () => {
  it("the corpus has a work many claims rest on, and one some rest on only through a study", () => {
    expect(starts.length).toBeGreaterThan(10);
    expect(trace(kg, starts[0] as string).total).toBeGreaterThan(20);
    expect(throughStudiesOnly(studyWork).length).toBeGreaterThan(0);
  });

  it("a work no reference lists: the claim citing it, as locally", async () => {
    const w = { offset: 0, limit: 20 };
    const expected = trace(kg, UNLISTED, w);
    expect(expected.match).toBe("work");
    expect(expected.referenceCount).toBe(0);
    expect(expected.claims.map((c) => c.id)).toEqual([citingClaim]);
    const read = await remoteTraceGraph(store.endpoint, UNLISTED, w);
    if (!read.restingPage) throw new Error("no page for the unlisted work");
    expect(referencePageTrace(read.kg, UNLISTED, read.restingPage, w)).toEqual(expected);
  });

  it("every work's and reference's first page answers as locally", async () => {
    const w = { offset: 0, limit: 20 };
    for (const query of starts) {
      const read = await remoteTraceGraph(store.endpoint, query, w);
      if (!read.restingPage) throw new Error(`no page for ${query}`);
      expect(referencePageTrace(read.kg, query, read.restingPage, w), query).toEqual(
        trace(kg, query, w),
      );
    }
  });

  it("the most cited work's pages, put together, are its claims in order, each once", async () => {
    const top = starts[0] as string;
    const all = trace(kg, top, { offset: 0, limit: 100_000 }).claims.map((c) => c.id);
    const paged: string[] = [];
    for (let offset = 0; offset < all.length; offset += 25) {
      const read = await remoteTraceGraph(store.endpoint, top, { offset, limit: 25 });
      expect(read.restingPage?.total).toBe(all.length);
      paged.push(...(read.restingPage?.claims ?? []));
    }
    expect(paged).toEqual(all);
  });

  it("a numbered reference of one document: only that document's reference is read", async () => {
    const numbered: string[] = [];
    kg.graph.forEachNode((iri, a) => {
      if (a.kind === "reference" && a.number === 1) numbered.push(iri);
    });
    expect(numbered.length).toBeGreaterThan(2);
    const doc = kg.reference(numbered.sort()[1] as string)?.document as string;
    const query = `${doc.slice(doc.lastIndexOf("/") + 1)}[1]`;
    const w = { offset: 0, limit: 5 };
    const read = await remoteTraceGraph(store.endpoint, query, w);
    if (!read.restingPage) throw new Error("no page of references");
    expect(referencePageTrace(read.kg, query, read.restingPage, w)).toEqual(trace(kg, query, w));
    const read1: string[] = [];
    read.kg.graph.forEachNode((iri, a) => {
      if (a.kind === "reference" && a.number === 1) read1.push(iri);
    });
    expect(read1).toEqual([numbered[1]]);
  });

  it("references of more works than it follows at once are refused, with what to do instead", async () => {
    const expected = trace(kg, "[1]");
    expect(expected.referenceCount).toBeGreaterThan(2);
    const error = await remoteTraceGraph(
      store.endpoint,
      "[1]",
      { offset: 0, limit: 5 },
      undefined,
      {
        maxStarts: 2,
      },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UsageError" });
    expect((error as Error).message).toMatch(/names \d+ references of \d+ works/);
    expect((error as { hint: string }).hint).toContain("--kb");
    // Within the bound, the same query answers as locally.
    const read = await remoteTraceGraph(store.endpoint, "[1]", { offset: 0, limit: 5 });
    if (!read.restingPage) throw new Error("no page of references");
    expect(referencePageTrace(read.kg, "[1]", read.restingPage, { offset: 0, limit: 5 })).toEqual(
      trace(kg, "[1]", { offset: 0, limit: 5 }),
    );
  });
});
