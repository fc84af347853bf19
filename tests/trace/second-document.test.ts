// The questions asked of the seed, asked of the second document
// (tests/fixtures/sources/nortriptyline-vs-sertraline.md, built here without curation through
// the CLI's `build`). Expected answers come from reading that document; its README counts the
// markers, references and uncited cells.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.ts";
import { stats } from "../../src/audit/stats.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import type { ClaimJson } from "../../src/trace/answers.ts";
import { findPath } from "../../src/trace/path.ts";
import { renderTrace, style } from "../../src/trace/render.ts";
import { trace } from "../../src/trace/trace.ts";
import { run } from "../helpers/cli.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";
import { positionsIn } from "../helpers/position.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FILE = "nortriptyline-vs-sertraline.md";
const LINES = readFileSync(join(ROOT, "tests", "fixtures", "sources", FILE), "utf8").split("\n");
const KB_BASE = "https://w3id.org/claimgraph/kb/";
const DOC = `${KB_BASE}doc/nortriptyline-vs-sertraline`;
const ENT = `${KB_BASE}entity/`;

/** "line:column" of `text` on a line of the document, the column counted in code points. */
const at = positionsIn(LINES);

// Uncited claims, read from the document: 16.
//   9    the CAS number (a placeholder, 000-00-0)
//   24, 25, 26 (Notes column) and 27 (Sertraline column) of the first table; 56, Nortriptyline
//        column of the side-effect table ("Uncommon"): the five uncited cells the README lists
//   prose without a marker: 15 (two sentences), 17 (the first sentence), 31 (the last
//        sentence), 41, 71, 73 (two), 74, 76; lines 20, 33 and 61 introduce a table, a diagram
//        and a list
const UNCITED = [
  at(9, "000-00-0"),
  at(15, "This is a synthetic"),
  at(15, "The two compounds"),
  at(17, "Both drugs block"),
  at(24, "Secondary affinities"),
  at(25, "Accounts for most"),
  at(26, "Not applicable"),
  at(27, "Not routinely required"),
  at(31, "Receptor adaptation"),
  at(41, "In this synthetic data set"),
  at(56, "Uncommon"),
  at(71, "For a screening programme"),
  at(73, "Nortriptyline** is"),
  at(73, "Its conduction effects"),
  at(74, "Sertraline** is"),
  at(76, "Programmes that compare"),
];

let out: string;
let kg: KnowledgeGraph;
let claimsCitingFourOrFive: string[];
const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "claimgraph-second-"));
  process.env.CLAIMGRAPH_CACHE_DIR = join(out, "cache");
  const built = await run([
    "build",
    ...["--sources", join(ROOT, "tests", "fixtures", "sources")],
    ...["--curation", join(ROOT, "tests", "fixtures", "no-curation")],
    ...["--out", out],
    "-q",
  ]);
  expect(built, built.err).toMatchObject({ code: 0, err: "" });
  kg = await openKnowledgeGraph([join(out, "kb.ttl")]);
  // From the quads: claims citing through reference 4 or 5 of this document.
  const quads = new Parser().parse(readFileSync(join(out, "kb.ttl"), "utf8"));
  const refs = [`${DOC}.ref-4`, `${DOC}.ref-5`];
  claimsCitingFourOrFive = [
    ...new Set(
      quads
        .filter(
          (q) =>
            q.predicate.value === "https://w3id.org/claimgraph/vocab#viaReference" &&
            refs.includes(q.object.value) &&
            q.subject.value.startsWith(`${KB_BASE}claim/`),
        )
        .map((q) => q.subject.value),
    ),
  ].sort();
});

afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCacheDir;
  rmSync(out, { recursive: true, force: true });
});

const ids = (claims: readonly ClaimJson[]) => claims.map((c) => c.id).sort();

describe("trace on the second document", () => {
  it('"Nortriptyline primary target" → the table cell at 23:16 citing [1]', () => {
    const r = trace(kg, "Nortriptyline primary target");
    expect(r.match).toBe("claim");
    const c = r.claims[0] as ClaimJson;
    expect(c.subject).toEqual({ id: `${ENT}nortriptyline`, label: "Nortriptyline" });
    expect(c.predicate.label).toBe("primary target");
    // The cell names no entity of the lexicon as a whole; it is kept as the value it states.
    expect(c.object).toEqual({ value: "NET (norepinephrine reuptake) inhibition" });
    expect(c.citations.map((x) => [x.number, x.host])).toEqual([[1, "reference.example.org"]]);
    expect(c.location).toMatchObject({
      document: { id: DOC },
      line: 23,
      column: 16,
      table: { row: "Primary Target", column: "Nortriptyline (TCA)" },
    });
    expect(`${c.location.line}:${c.location.column}`).toBe(at(23, "NET (norepinephrine"));
    expect(c.quote?.exact).toBe("NET (norepinephrine reuptake) inhibition [1]");
  });

  it('"[6]" → the reference nothing cites: no claims', () => {
    const r = trace(kg, "[6]");
    expect(r.match).toBe("reference");
    expect(r.total).toBe(0);
    expect(r.claims).toEqual([]);
    expect(r.references).toHaveLength(1);
    expect(r.references[0]).toMatchObject({ number: 6, sameWork: [] });
    expect(r.references[0]?.citation).toMatchObject({
      host: "archive.example.com",
      titleTruncated: true,
    });
  });

  it('"[1]" beside the seed: both documents\' references, counted all and paged like claims', async () => {
    const both = await openKnowledgeGraph([FRESH_KB, join(out, "kb.ttl")], {
      cache: false,
    });
    const all = trace(both, "[1]");
    expect(all.referenceCount).toBe(2);
    expect(all.references.map((r) => r.document?.id).sort()).toEqual([
      `${KB_BASE}doc/desipramine-vs-ssris`,
      DOC,
    ]);
    const page = trace(both, "[1]", { limit: 1 });
    expect(page.referenceCount).toBe(2);
    expect(page.references).toEqual(all.references.slice(0, 1));
    expect(page.total).toBe(all.total);
    const text = renderTrace(both, page, style(false));
    expect(text).toContain("… and 1 more reference (2 in all; a larger --limit shows more)");
    expect(text).toContain(`${all.total} claims rest on these references:`);
    // One document's [1] is one reference, and its claims rest on "it".
    expect(renderTrace(kg, trace(kg, "[1]"), style(false))).toMatch(/\d+ claims rest on it:/);
  });

  it('"[4]" → the claims citing [4] or [5], one work listed twice', () => {
    const r = trace(kg, "[4]");
    expect(r.references[0]?.sameWork.map((x) => x.number)).toEqual([5]);
    expect(ids(r.claims)).toEqual(claimsCitingFourOrFive);
    // Read from the document: the row of line 44 (comparative, two arms, the relation the first
    // arm states, the trial cell), the cardiac-conduction cell of line 55 ([1] [4]) and the
    // protocol bullet of line 63.
    expect(r.claims.map((c) => c.location.line)).toEqual([44, 44, 44, 44, 44, 55, 63]);
    expect(ids(trace(kg, "[5]").claims)).toEqual(ids(r.claims));
  });

  it("path from nortriptyline to orthostatic hypotension runs through the cell of line 54", () => {
    const p = findPath(kg, "nortriptyline", "orthostatic hypotension");
    expect(p.found).toBe(true);
    expect(p.steps.map((s) => s.kind)).toEqual(["entity", "claim", "entity"]);
    expect(p.claims).toHaveLength(1);
    expect(p.claims[0]).toMatchObject({
      predicate: { label: "adverse effect risk" },
      location: { line: 54, table: { row: "Orthostatic Hypotension" } },
      quote: { exact: "Present but milder than with other TCAs [1]" },
    });
  });
});

describe("audit on the second document", () => {
  it("counts what the document holds", () => {
    expect(audit(kg).counts).toEqual({
      "disagrees-with-public-record": 0,
      "conflicting-statements": 0,
      // [4] and [5]
      "duplicate-reference": 1,
      "unresolved-citation": 0,
      // No work has an evidence type without curation, so none is weak either.
      "weak-support": 0,
      "uncited-claim": UNCITED.length,
      // [6]
      "uncited-reference": 1,
      "unverified-identifier": 1,
      // Five works, no curation: no evidence type for any.
      "unknown-evidence-type": 5,
      "bibliography-ambiguous": 0,
      "bibliography-disagrees": 0,
      "bibliography-unmatched": 0,
    });
  });

  it("lists the uncited claims where the document has them", () => {
    const found = audit(kg).findings.filter((f) => f.kind === "uncited-claim");
    expect(found.map((f) => `${f.location?.line}:${f.location?.column}`).sort()).toEqual(
      [...UNCITED].sort(),
    );
  });

  it("lists [6] as cited nowhere, at its line in the reference list", () => {
    const found = audit(kg).findings.filter((f) => f.kind === "uncited-reference");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      subject: `${DOC}.ref-6`,
      severity: "info",
      location: { file: FILE, line: 90, column: 1 },
    });
    expect(LINES[89]).toMatch(/^6\. Cardiac conduction/);
  });
});

describe("stats on the second document", () => {
  // 56 read from cells, sentences, bullets and rows, and 2 relations prose cues state, both cited:
  // "Sertraline is a selective serotonin reuptake inhibitor" (17) and Nortriptyline's
  // "down-regulation of cortical β1-adrenergic receptors" (29); and 2 relations arm cells of the
  // comparison table state: Nortriptyline "Improved sleep quality scores" (44) and "Raised
  // mechanical withdrawal thresholds" (46).
  it("counts 60 claims, 36 of them table claims, 44 cited", () => {
    const s = stats(kg);
    expect(s.claimTypes.TableCellClaim).toBe(36);
    expect(s.claimTypes.ComparativeClaim).toBe(3);
    expect(s.claimTypes.ProtocolClaim).toBe(4);
    expect(s.claimTypes.CuratedClaim).toBeUndefined();
    expect(s.nodes).toMatchObject({ claim: 60, reference: 6, work: 5, document: 1 });
    expect(s.documents).toEqual([
      {
        id: DOC,
        title: "Nortriptyline and Sertraline: A Comparative Overview",
        claims: 60,
        cited: 44,
        uncited: 16,
        references: 6,
      },
    ]);
  });
});
