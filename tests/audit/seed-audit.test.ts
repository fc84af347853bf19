// audit and stats on the seed knowledge base (graph/kb.ttl), checked against a list made by
// reading graph/sources/desipramine-vs-ssris.md line by line (below). Columns are not copied from
// the code's output: each is found here by searching the document's line for the quoted text.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit, type Finding, type FindingKind } from "../../src/audit/audit.ts";
import { stats } from "../../src/audit/stats.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";
import { positionsIn } from "../helpers/position.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const KB = FRESH_KB;
const FILE = "desipramine-vs-ssris.md";
const LINES = readFileSync(join(ROOT, "graph", "sources", FILE), "utf8").split("\n");

/** "line:column" of `text` on a line of the document, the column counted in code points. */
const at = positionsIn(LINES);

// Uncited claims: 21.
//   the header (1)
//     9   CAS No.: 303-54-8
//   table cells without a marker (4)
//     23  Key Novel Mechanism, SSRIs column: "Not applicable"
//     24  Receptor Interactions, SSRIs column: "Generally minimal direct receptor blockade"
//     43  Treatment-Resistant OCD, SSRI column: "Not tested as monotherapy in this specific study."
//     55  Nausea / GI Distress, Desipramine column: "Less common"
//   prose sentences that state something and carry no marker (12)
//     15  "The fundamental difference ...", "SSRIs predominantly increase ..."
//     26  "Unlike the endogenous agonist norepinephrine, ..."
//     28  "This direct receptor down-regulation is ..."
//     38  "Experimental data show ..."
//     48  "The side effect profiles differ ..."
//     72  "The choice between ..."
//     74  "Desipramine's unique ...", "Its development, however, ..."
//     75  "SSRIs offer ...", "Their benefit ..."
//     77  "Future development ..."
//     (lines 18, 30 and 62 introduce a table, a diagram and a list: no claim)
//   relations read by a cue from those uncited sentences (4), each quoted from its subject
//     15  SSRIs increase synaptic serotonin levels ("SSRIs predominantly increase …");
//         desipramine inhibits the norepinephrine transporter
//     26  desipramine recruits β-arrestin; desipramine does not activate heterotrimeric G proteins
//         (both quoted from "Desipramine binding …")
const UNCITED = [
  at(9, "303-54-8"),
  at(15, "The fundamental difference"),
  at(15, "SSRIs predominantly"),
  at(15, "SSRIs predominantly"),
  at(15, "Desipramine primarily inhibits"),
  at(23, "Not applicable"),
  at(24, "Generally minimal"),
  at(26, "Unlike the endogenous"),
  at(26, "Desipramine binding selectively recruits"),
  at(26, "Desipramine binding selectively recruits"),
  at(28, "This direct receptor"),
  at(38, "Experimental data show"),
  at(43, "Not tested as monotherapy"),
  at(48, "The side effect profiles"),
  at(55, "Less common"),
  at(72, "The choice between"),
  at(74, "Desipramine's** unique"),
  at(74, "Its development"),
  at(75, "SSRIs** offer"),
  at(75, "Their benefit"),
  at(77, "Future development"),
];

// Weak support: 22 claims that cite only [1] (StatPearls, a tertiary reference work) and/or [2]
// (Healthline, a consumer health page); no prose sentence cites either.
//   21  NET [1], SERT [2]            22  SERT (weaker) [1], "Minimal direct effect on NET" [2]
//   24  Desipramine column [1]: three claims, one per blockade it names
//       (23 cites [3]; the SSRI cells of 23 and 24 are uncited)
//   51-58  both columns of the side-effect table, 16 cells, less 55's uncited Desipramine cell
const WEAK = [
  at(21, "Norepinephrine Transporter (NET) [1]"),
  at(21, "Serotonin Transporter (SERT) [2]"),
  at(22, "Serotonin Transporter (SERT) (weaker) [1]"),
  at(22, "Minimal direct effect on NET [2]"),
  at(24, "Significant anticholinergic"),
  at(24, "Significant anticholinergic"),
  at(24, "Significant anticholinergic"),
  at(51, "High risk"),
  at(51, "Low risk"),
  at(52, "Significant risk"),
  at(52, "Generally lower risk"),
  at(53, "Moderate, due to"),
  at(53, "Varies;"),
  at(54, "Common [1]"),
  at(54, "Very common [2]"),
  at(55, "Very common, especially"),
  at(56, "Common [1]"),
  at(56, "Possible, but variable"),
  at(57, "Lowers seizure threshold"),
  at(57, "Lower risk compared"),
  at(58, "<b>High risk</b>"),
  at(58, "Lower risk - much safer"),
];

// Duplicate reference: 1. [4] (line 89, pubmed) and [5] (line 90, sciencedirect) are one work,
//   PMID 12183009; the finding points at the second listing.
// Uncited reference: 0. Every number 1-8 is cited in the body: [1] [2] on 21, [3] on 23,
//   [4] [5] on 41, [6] on 42, [7] on 43, [8] on 44.
// Disagrees with public record: 1. Line 9 gives CAS 303-54-8 for desipramine; public records
//   give 50-47-5 (base) and 58-28-6 (hydrochloride).
// Unresolved citation: 0. Every marker's number is in the reference list, and every reference
//   resolves to a work (graph/curation/works.tsv).
const COUNTS: Readonly<Record<FindingKind, number>> = {
  "disagrees-with-public-record": 1,
  "conflicting-statements": 0,
  "duplicate-reference": 1,
  "unresolved-citation": 0,
  "weak-support": WEAK.length,
  "uncited-claim": UNCITED.length,
  "uncited-reference": 0,
  // Counted from the RDF below: identifiers flagged cg:unverified.
  "unverified-identifier": 5,
  "unknown-evidence-type": 0,
  "bibliography-ambiguous": 0,
  "bibliography-disagrees": 0,
  "bibliography-unmatched": 0,
};

const where = (f: Finding) => `${f.location?.line}:${f.location?.column}`;

let kg: KnowledgeGraph;
let cacheDir: string;
const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), "claimgraph-audit-cache-"));
  process.env.CLAIMGRAPH_CACHE_DIR = cacheDir;
  kg = await openKnowledgeGraph([KB], { cache: false });
});

afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCacheDir;
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("the list read from the document", () => {
  it("has 21 uncited and 22 weakly supported claims; two places hold a sentence and its relations", () => {
    expect(UNCITED).toHaveLength(21);
    expect(WEAK).toHaveLength(22);
    // 24:23 holds three claims, one per blockade the cell names.
    expect(new Set(WEAK).size).toBe(20);
    // 15:69 holds a sentence and the relation read from it; 26:212 two relations.
    expect(new Set(UNCITED).size).toBe(19);
  });

  it("agrees with the RDF on the unverified identifiers", () => {
    const quads = new Parser({ format: "Turtle" }).parse(readFileSync(KB, "utf8"));
    const unverified = quads.filter(
      (q) =>
        q.predicate.value === "https://w3id.org/claimgraph/vocab#unverified" &&
        q.object.value === "true",
    );
    expect(unverified).toHaveLength(COUNTS["unverified-identifier"]);
  });
});

describe("audit on graph/kb.ttl", () => {
  it("counts what the document holds", () => {
    expect(audit(kg).counts).toEqual(COUNTS);
  });

  it("lists every uncited claim where the document has it", () => {
    const found = audit(kg).findings.filter((f) => f.kind === "uncited-claim");
    expect(found.map(where).sort()).toEqual([...UNCITED].sort());
    for (const f of found) expect(f.location?.file).toBe(FILE);
  });

  it("lists every claim resting only on [1] and/or [2] where the document has it", () => {
    const found = audit(kg).findings.filter((f) => f.kind === "weak-support");
    expect(found.map(where).sort()).toEqual([...WEAK].sort());
    for (const f of found) expect(f.message).toMatch(/rests only on \[[12]\]/);
  });

  it("points at [5] on line 90 for the work listed twice, and names both numbers", () => {
    const [dup] = audit(kg).findings.filter((f) => f.kind === "duplicate-reference");
    expect(dup?.location).toEqual({ file: FILE, line: 90, column: 1 });
    expect(dup?.subject).toBe("https://w3id.org/claimgraph/kb/work/pmid-12183009");
    expect(dup?.message).toContain("[4]");
    expect(dup?.message).toContain("[5]");
    expect(dup?.severity).toBe("warning");
  });

  it("points at the CAS number on line 9 for the disagreement with public records", () => {
    const [d] = audit(kg).findings.filter((f) => f.kind === "disagrees-with-public-record");
    expect(d?.location).toEqual({ file: FILE, line: 9, column: 10 });
    expect(`9:10`).toBe(at(9, "303-54-8"));
    for (const value of ["303-54-8", "50-47-5", "58-28-6"]) expect(d?.message).toContain(value);
  });

  it("orders findings by kind, warnings before information", () => {
    const kinds = audit(kg).findings.map((f) => f.kind);
    const order = Object.keys(COUNTS);
    expect(kinds).toEqual([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });
});

describe("stats on graph/kb.ttl", () => {
  it("counts claims by type, citation and evidence type as the document has them", () => {
    const s = stats(kg);
    expect(s.nodes).toEqual({
      claim: 84,
      document: 1,
      entity: 54,
      reference: 8,
      study: 4,
      work: 7,
    });
    // 36 table cells = 4 rows × 2 (table 1) + 4 × 3 (table 2) + 8 × 2 (table 3), 38 claims: line
    // 24's Desipramine cell names three blockades, one claim each; 24 prose claims: 14 sentences
    // (the 12 uncited ones and the two [3] sentences of line 26), 6 relations their cues state
    // (15: SSRIs increase synaptic serotonin levels, desipramine inhibits NET; 26: biased ligand
    // at α2AAR [3], recruits β-arrestin, does not activate G proteins, down-regulates α2AAR [3])
    // and 4 the Key Experimental Data cells state (42: desipramine reverses depression-like
    // behavior [6]; 44: both drugs decrease immune defenses, mirtazapine is an atypical
    // antidepressant [8]); 4 protocol bullets; 4 comparative rows; 5 curated rows (what no rule
    // reads); 1 CAS number. Besides the 38 cell claims, 8 table claims are relations the
    // comparison table's arm cells state (41: desipramine no effect on memory performance and
    // increases mood, fluoxetine increases memory performance [4] [5]; 42: desipramine effective
    // for SSRI-resistant depression and reverses depression-like behaviour, fluoxetine ineffective
    // [6]; 43: desipramine ineffective for treatment-resistant OCD [7]; 44: desipramine increases
    // liver metastases [8]), which the curation held before.
    expect(s.claimTypes).toEqual({
      ComparativeClaim: 4,
      CuratedClaim: 5,
      HeaderClaim: 1,
      ProseClaim: 24,
      ProtocolClaim: 4,
      TableCellClaim: 46,
    });
    expect({ cited: s.cited, uncited: s.uncited }).toEqual({ cited: 63, uncited: 21 });
    // [1] 12 claims, [2] 10; [4]/[5] 8 and [7] 4 (clinical); [3] 9, [6] 9, [8] 11 (preclinical).
    expect(s.claimsByEvidence).toEqual({
      ClinicalStudy: 12,
      ConsumerHealthPage: 10,
      PreclinicalStudy: 29,
      TertiaryReferenceWork: 12,
      uncited: 21,
    });
    // Seven works: [4] and [5] are one.
    expect(s.worksByEvidence).toEqual({
      ClinicalStudy: 2,
      ConsumerHealthPage: 1,
      PreclinicalStudy: 3,
      TertiaryReferenceWork: 1,
    });
    // 51 the document names, and "synaptic serotonin levels", minted from a prose cue's object,
    // "anticholinergic blockade" and "antihistaminic blockade", minted from line 24's cell.
    expect(Object.values(s.entityTypes).reduce((a, b) => a + b, 0)).toBe(54);
    expect(s.documents).toEqual([
      {
        id: "https://w3id.org/claimgraph/kb/doc/desipramine-vs-ssris",
        title: "Mechanisms of Action: A Comparative Overview",
        claims: 84,
        cited: 63,
        uncited: 21,
        references: 8,
      },
    ]);
  });
});
