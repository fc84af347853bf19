// A claim cites the work, through the document's reference entry: `claimgraph query` finds the
// claims resting on PMID 12183009 by the work's identifier. The seed built without
// graph/curation still gives every evidence type at the rules' granularity, each inference
// recorded with its rule, and trace and audit say which evidence types were inferred.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/audit.ts";
import type { TraceResult } from "../../src/trace/trace.ts";
import { run } from "../helpers/cli.ts";

const PREFIXES = [
  "PREFIX cg: <https://w3id.org/claimgraph/vocab#>",
  "PREFIX cito: <http://purl.org/spar/cito/>",
  "PREFIX bibo: <http://purl.org/ontology/bibo/>",
  "PREFIX np: <http://www.nanopub.org/nschema#>",
].join(" ");
const DOC = "https://w3id.org/claimgraph/kb/doc/desipramine-vs-ssris";

let scratch: string;
let bare: string;
const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "claimgraph-citations-"));
  process.env.CLAIMGRAPH_CACHE_DIR = join(scratch, "cache");
  bare = join(scratch, "no-curation");
  const r = await run([
    "build",
    ...["--curation", join(scratch, "no-such-folder"), "--out", bare, "-q"],
  ]);
  expect(r.code, r.err).toBe(0);
});

afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCacheDir;
  rmSync(scratch, { recursive: true, force: true });
});

async function select(query: string, kb: string): Promise<string[][]> {
  const r = await run(["query", `${PREFIXES} ${query}`, "--kb", kb, "--format", "json"]);
  expect(r.code, r.err).toBe(0);
  const json = JSON.parse(r.out);
  return json.results.bindings.map((b: Record<string, { value: string }>) =>
    json.head.vars.map((v: string) => b[v]?.value ?? ""),
  );
}

describe("a claim cites the work", () => {
  it.each(["graph/kb.ttl", "graph/kb.trig"])(
    '?c cito:citesAsEvidence ?w . ?w bibo:pmid "12183009" finds every claim citing [4] or [5] (%s)',
    async (kb) => {
      const byPmid = await select(
        'SELECT DISTINCT ?c WHERE { ?c a cg:Claim ; cito:citesAsEvidence ?w . ?w bibo:pmid "12183009" } ORDER BY ?c',
        kb,
      );
      const byEntry = await select(
        `SELECT DISTINCT ?c WHERE { ?c a cg:Claim ; cg:viaReference ?r . VALUES ?r { <${DOC}.ref-4> <${DOC}.ref-5> } } ORDER BY ?c`,
        kb,
      );
      // Line 41 (comparison, two arm cells, three relations they state, the Key Experimental
      // Data cell) and the memory study's protocol bullet.
      expect(byPmid.length).toBe(8);
      expect(byPmid).toEqual(byEntry);
    },
  );

  it("keeps the reference entry the citation went through, with its number, title and host", async () => {
    const rows = await select(
      `SELECT ?n ?title ?host WHERE { ?c cg:viaReference ?r . ?r cg:referenceNumber ?n ; cg:titleAsGiven ?title ; cg:host ?host ; cg:refersTo ?w . ?w bibo:pmid "12183009" } GROUP BY ?n ?title ?host ORDER BY ?n`,
      "graph/kb.ttl",
    );
    expect(rows).toEqual([
      ["4", "The SSRIs drug Fluoxetine, but not the noradrenergic", "pubmed.ncbi.nlm.nih.gov"],
      ["5", "The SSRIs drug Fluoxetine, but not the noradrenergic", "sciencedirect.com"],
    ]);
  });

  it("cites from the nanopublication's assertion graph, in its provenance", async () => {
    const rows = await select(
      'SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?np np:hasAssertion ?a ; np:hasProvenance ?p . GRAPH ?p { ?a cito:citesAsEvidence ?w } ?w bibo:pmid "12183009" }',
      "graph/kb.trig",
    );
    expect(rows).toEqual([["8"]]);
  });
});

describe("the seed built without graph/curation", () => {
  it("gives every reference its evidence type by rule, each with its rule", async () => {
    const rows = await select(
      'SELECT ?n ?type ?rule WHERE { ?r a cg:Reference ; cg:referenceNumber ?n ; cg:refersTo ?w . ?w cg:evidenceType ?t ; cg:evidenceTypeRule ?rule . BIND(STRAFTER(STR(?t), "#") AS ?type) } ORDER BY ?n',
      join(bare, "kb.ttl"),
    );
    expect(rows).toEqual([
      ["1", "TertiaryReferenceWork", "title:statpearls"],
      ["2", "ConsumerHealthPage", "host:consumer-health"],
      ["3", "PreclinicalStudy", "protocol:animals-or-cells"],
      ["4", "ClinicalStudy", "protocol:human-subjects"],
      ["5", "ClinicalStudy", "protocol:human-subjects"],
      ["6", "PreclinicalStudy", "protocol:animals-or-cells"],
      ["7", "PrimaryResearch", "host:pubmed"],
      ["8", "PreclinicalStudy", "protocol:animals-or-cells"],
    ]);
  });

  it("lists the same weak support as the curated seed, each evidence type said to be inferred", async () => {
    const weak = async (kb: string) => {
      const r = await run(["audit", "--kb", kb, "--json"]);
      expect(r.code, r.err).toBe(0);
      return (JSON.parse(r.out) as AuditReport).findings.filter((f) => f.kind === "weak-support");
    };
    const curated = await weak("graph/kb.ttl");
    const inferred = await weak(join(bare, "kb.ttl"));
    // [1] StatPearls: 12 claims (line 24 names three blockades), [2] healthline: 10.
    expect(curated.length).toBe(22);
    expect(inferred.map((f) => f.location)).toEqual(curated.map((f) => f.location));
    for (const f of inferred)
      expect(f.message).toMatch(/\(inferred: (title:statpearls|host:consumer-health)\)/);
    for (const f of curated) expect(f.message).not.toContain("inferred");
  });

  it("is traced with the inferred evidence type and its rule", async () => {
    const r = await run(["trace", "[2]", "--kb", join(bare, "kb.ttl"), "--json"]);
    const citation = (JSON.parse(r.out) as TraceResult).references[0]?.citation;
    expect(citation).toMatchObject({
      evidenceType: "ConsumerHealthPage",
      evidenceTypeRule: "host:consumer-health",
      evidenceTypeInferred: true,
    });
    const text = await run(["trace", "[2]", "--kb", join(bare, "kb.ttl")]);
    expect(text.out).toContain("  evidence  consumer health page (inferred: host:consumer-health)");
  });
});
