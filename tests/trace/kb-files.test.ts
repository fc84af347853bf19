// `--kb FILE`: knowledge bases that claimgraph did not build. A Turtle file written by hand
// (tests/fixtures/kb/hand-written.ttl) loads, traces and audits; two --kb files merge into one
// graph; a broken file stops every command with a located diagnostic; the TriG export answers as
// the Turtle one does. Run through the CLI in-process (tests/helpers/cli.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/audit.ts";
import type { Stats } from "../../src/audit/stats.ts";
import type { PathResult } from "../../src/trace/path.ts";
import type { TraceResult } from "../../src/trace/trace.ts";
import { run } from "../helpers/cli.ts";
import { FRESH_GRAPH, FRESH_KB } from "../helpers/fresh-kb.ts";

const HAND = "tests/fixtures/kb/hand-written.ttl";
const BROKEN = "tests/fixtures/kb/broken.ttl";
const SEED = FRESH_KB;
const KB_BASE = "https://w3id.org/claimgraph/kb/";
const SERT = `${KB_BASE}entity/serotonin-transporter`;

/** Runs a command that must succeed and parses its --json output. */
async function json<T>(...argv: string[]): Promise<T> {
  const r = await run([...argv, "--json"]);
  expect(r.code, r.err).toBe(0);
  expect(r.err).toBe("");
  return JSON.parse(r.out) as T;
}

const kb = (...files: string[]) => files.flatMap((f) => ["--kb", f]);

let cacheDir: string;
const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "claimgraph-kb-files-"));
  process.env.CLAIMGRAPH_CACHE_DIR = cacheDir;
});
afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCacheDir;
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("a hand-written Turtle knowledge base", () => {
  it("traces its entity by name and synonym, grouped by predicate", async () => {
    for (const q of ["imipramine", "Tofranil"]) {
      const r = await json<TraceResult>("trace", q, ...kb(HAND));
      expect(r.match).toBe("entity");
      expect(r.entity).toMatchObject({
        id: `${KB_BASE}entity/imipramine`,
        type: "Drug",
        unnormalised: true,
        synonyms: ["Tofranil"],
      });
      expect(r.entity?.groups.map((g) => [g.role, g.predicate.label, g.claims.length])).toEqual([
        ["subject", "inhibits", 1],
        ["subject", "secondary target", 1],
      ]);
    }
  });

  it("traces a claim with its quote, location, table place and citation", async () => {
    const r = await json<TraceResult>("trace", "imipramine", "inhibits", ...kb(HAND));
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({
      type: "ProseClaim",
      text: "Imipramine blocks the serotonin transporter.",
      object: { id: SERT, label: "serotonin transporter" },
      quote: {
        prefix: "## Mechanism ",
        exact: "Imipramine blocks the serotonin transporter [1].",
        suffix: " It also blocks",
      },
      location: {
        document: { id: `${KB_BASE}doc/hand-written-note`, label: "Imipramine at a Glance" },
        line: 3,
        column: 1,
        start: 40,
        end: 88,
        table: null,
      },
      citations: [
        {
          number: 1,
          title: "Imipramine: Drug Facts for Patients",
          titleTruncated: true,
          host: "health.example.com",
          url: "https://doi.org/10.5555/imipramine-drug-facts",
          identifiers: ["doi:10.5555/imipramine-drug-facts"],
          evidenceType: "ConsumerHealthPage",
        },
      ],
      uncited: false,
    });
    const cell = await json<TraceResult>("trace", "imipramine secondary target", ...kb(HAND));
    expect(cell.claims[0]).toMatchObject({
      type: "TableCellClaim",
      object: { value: "Norepinephrine transporter (weaker)" },
      location: { table: { row: "Secondary Target", column: "Imipramine", columnIndex: 2 } },
      citations: [],
      uncited: true,
    });
  });

  it("shows the quote from prefix, exact and suffix, as the file has no document text", async () => {
    const r = await run(["trace", "imipramine", "inhibits", ...kb(HAND)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "  quote   …## Mechanism Imipramine blocks the serotonin transporter [1]. It also blocks…",
    );
    expect(r.out).toContain("  where   hand-written-note.md:3:1  § Mechanism");
    expect(r.out).toContain("consumer health page; doi:10.5555/imipramine-drug-facts");
  });

  it("keeps a quote whose prefix holds a newline and a tab on one line", async () => {
    const r = await run(["trace", "imipramine secondary target", ...kb(HAND)]);
    const quote = r.out.split("\n").filter((l) => l.startsWith("  quote"));
    expect(quote).toHaveLength(1);
    expect(quote[0]).toContain("Secondary Target");
    expect(quote[0]).toContain("Norepinephrine transporter (weaker)");
  });

  it("traces its reference, its work's DOI and a path", async () => {
    const byNumber = await json<TraceResult>("trace", "[1]", ...kb(HAND));
    const byDoi = await json<TraceResult>(
      "trace",
      "doi:10.5555/imipramine-drug-facts",
      ...kb(HAND),
    );
    expect(byNumber.match).toBe("reference");
    expect(byDoi.match).toBe("work");
    expect(byNumber.claims.map((c) => c.text)).toEqual([
      "Imipramine blocks the serotonin transporter.",
    ]);
    expect(byDoi.claims).toEqual(byNumber.claims);
    const p = await json<PathResult>("path", "Tofranil", "SERT", ...kb(HAND));
    expect(p.found).toBe(true);
    expect(p.steps.map((s) => s.label)).toEqual([
      "imipramine",
      "Imipramine blocks the serotonin transporter.",
      "serotonin transporter",
    ]);
  });

  it("audit finds the weak support, the uncited cell and the unnormalised entity", async () => {
    const a = await json<AuditReport>("audit", ...kb(HAND));
    expect(a.counts).toEqual({
      "disagrees-with-public-record": 0,
      "conflicting-statements": 0,
      "duplicate-reference": 0,
      "unresolved-citation": 0,
      "weak-support": 1,
      "uncited-claim": 1,
      "uncited-reference": 0,
      "unverified-identifier": 0,
      "unknown-evidence-type": 0,
      "bibliography-ambiguous": 0,
      "bibliography-disagrees": 0,
      "bibliography-unmatched": 0,
    });
    const at = (kind: string) => a.findings.find((f) => f.kind === kind);
    expect(at("weak-support")).toMatchObject({
      subject: `${KB_BASE}claim/hand-written-note.imipramine.inhibits.0001`,
      location: { file: "hand-written-note.md", line: 3, column: 1 },
    });
    expect(at("uncited-claim")?.location).toEqual({
      file: "hand-written-note.md",
      line: 6,
      column: 18,
    });
    const minted = a.needsReview.items.filter((i) => i.kind === "minted-entity");
    expect(minted.map((i) => i.subject)).toEqual([`${KB_BASE}entity/imipramine`]);
  });

  it("stats and query count its two claims", async () => {
    const s = await json<Stats>("stats", ...kb(HAND));
    expect(s.documents).toEqual([
      {
        id: `${KB_BASE}doc/hand-written-note`,
        title: "Imipramine at a Glance",
        claims: 2,
        cited: 1,
        uncited: 1,
        references: 1,
      },
    ]);
    const q = await run([
      "query",
      "PREFIX cg: <https://w3id.org/claimgraph/vocab#> SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim }",
      ...kb(HAND),
      "--format",
      "csv",
    ]);
    expect(q.out.trim().split(/\r?\n/)).toEqual(["n", "2"]);
  });
});

describe("a claim whose citation resolves to nothing", () => {
  const FILE = "tests/fixtures/kb/unresolved-citation.ttl";

  it("is an unresolved citation in the audit, and is neither uncited nor weak", async () => {
    const a = await json<AuditReport>("audit", ...kb(FILE));
    expect(a.counts["unresolved-citation"]).toBe(1);
    expect(a.counts["uncited-claim"]).toBe(0);
    expect(a.counts["weak-support"]).toBe(0);
    expect(a.findings[0]).toMatchObject({
      kind: "unresolved-citation",
      location: { file: "unresolved-note.md", line: 5, column: 1 },
    });
  });

  it("is traced with the citation it has, its evidence type unknown", async () => {
    const r = await json<TraceResult>("trace", "clomipramine", ...kb(FILE));
    expect(r.claims[0]?.citations).toEqual([
      {
        number: null,
        reference: "https://w3id.org/claimgraph/kb/doc/unresolved-note.ref-2",
        title: "doc:unresolved-note.ref-2",
        titleTruncated: false,
        host: null,
        locator: null,
        url: null,
        identifiers: [],
        unverifiedIdentifiers: [],
        statedIdentifiers: [],
        evidenceType: "UnknownEvidence",
        evidenceTypeRule: null,
        evidenceTypeInferred: false,
        work: null,
        bibliography: null,
      },
    ]);
  });
});

describe("blank nodes", () => {
  it("are read like named nodes (tests/fixtures/kb/blank-nodes.ttl)", async () => {
    const r = await json<TraceResult>(
      "trace",
      "imipramine inhibits",
      ...kb("tests/fixtures/kb/blank-nodes.ttl"),
    );
    expect(r.claims[0]?.quote?.exact).toBe("Imipramine blocks the serotonin transporter [1].");
    expect(r.claims[0]?.location.start).toBe(40);
    expect(r.claims[0]?.citations[0]?.identifiers).toEqual(["doi:10.5555/imipramine-drug-facts"]);
  });
});

describe("two --kb files", () => {
  it("merge into one graph: the seed's entity gains the hand-written claim", async () => {
    const seed = await json<TraceResult>("trace", "SERT", ...kb(SEED));
    const both = await json<TraceResult>("trace", "SERT", ...kb(SEED, HAND));
    expect(both.entity?.id).toBe(SERT);
    expect(both.total).toBe(seed.total + 1);
    expect(both.claims.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        ...seed.claims.map((c) => c.id),
        `${KB_BASE}claim/hand-written-note.imipramine.inhibits.0001`,
      ]),
    );
    // The seed's identifiers survive the merge (the hand-written file gives none).
    expect(both.entity?.identifiers).toEqual(seed.entity?.identifiers);
  });

  it("keep their documents apart: [1] is one reference per document", async () => {
    const any = await json<TraceResult>("trace", "[1]", ...kb(SEED, HAND));
    expect(any.references.map((r) => r.document?.label).sort()).toEqual([
      "Imipramine at a Glance",
      "Mechanisms of Action: A Comparative Overview",
    ]);
    const one = await json<TraceResult>("trace", "hand-written-note [1]", ...kb(SEED, HAND));
    expect(one.references).toHaveLength(1);
    expect(one.total).toBe(1);
    const seedOnly = await json<TraceResult>("trace", "[1]", ...kb(SEED));
    expect(any.total).toBe(seedOnly.total + 1);
  });

  it("add up in stats and audit, and in query", async () => {
    const s = await json<Stats>("stats", ...kb(SEED, HAND));
    expect(s.documents.map((d) => d.claims)).toEqual([84, 2]);
    expect({ cited: s.cited, uncited: s.uncited }).toEqual({ cited: 64, uncited: 22 });
    const seed = await json<AuditReport>("audit", ...kb(SEED));
    const both = await json<AuditReport>("audit", ...kb(SEED, HAND));
    expect(both.counts).toEqual({
      ...seed.counts,
      "weak-support": seed.counts["weak-support"] + 1,
      "uncited-claim": seed.counts["uncited-claim"] + 1,
    });
    expect(both.needsReview.counts["minted-entity"]).toBe(
      seed.needsReview.counts["minted-entity"] + 1,
    );
    const q = await run([
      "query",
      "PREFIX cg: <https://w3id.org/claimgraph/vocab#> SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim }",
      ...kb(SEED, HAND),
      "--format",
      "csv",
    ]);
    expect(q.out.trim().split(/\r?\n/)).toEqual(["n", "86"]);
  });
});

describe("a broken Turtle file", () => {
  it.each([
    ["trace", "desipramine"],
    ["audit"],
    ["stats"],
    ["path", "desipramine", "liver metastases"],
  ])("stops `%s` with exit 1 and the place of the unterminated literal", async (...argv) => {
    const r = await run([...argv, ...kb(BROKEN)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(`${BROKEN}:9:16: error[RdfSyntax]`);
    // The offending line is shown, with a caret under the literal.
    expect(r.err).toContain(' 9 |     rdfs:label "imipramine;');
    expect(r.err).toContain(`   | ${" ".repeat(15)}^`);
  });

  it("stops `query` with exit 1 on the same line", async () => {
    const r = await run(["query", "SELECT * WHERE { ?s ?p ?o }", ...kb(BROKEN)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    // oxigraph, not n3, reads the file here: it reports the line jump at the line's end
    // (9:28) where n3 reports the literal's start (9:16).
    expect(r.err).toMatch(new RegExp(`${BROKEN}:9:\\d+: error\\[RdfSyntax\\]`));
  });

  it("stops the load even beside a good file: nothing is half-loaded", async () => {
    const r = await run(["trace", "desipramine", ...kb(SEED, BROKEN)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain(`${BROKEN}:9:16: error[RdfSyntax]`);
  });
});

describe("the TriG export as --kb", () => {
  it.each([
    "desipramine primary target",
    "NET",
    "desipramine",
    "[8]",
    "[4]",
    "pmid:12183009",
    "claim:desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0",
    "desipramin",
  ])("traces %s as graph/kb.ttl does", async (q) => {
    const trig = await run(["trace", q, ...kb(join(FRESH_GRAPH, "kb.trig")), "--json"]);
    const turtle = await run(["trace", q, ...kb(SEED), "--json"]);
    expect(trig.code).toBe(0);
    expect(JSON.parse(trig.out)).toEqual(JSON.parse(turtle.out));
    const people = await run(["trace", q, ...kb(join(FRESH_GRAPH, "kb.trig"))]);
    expect(people.out).toBe((await run(["trace", q, ...kb(SEED)])).out);
  });
});
