// The audit's needs-review section: what the reading guessed, counts first, each item at the
// file:line:col of its claim (or first mention) with the quote and the rule it was read by. The
// lists below are made by reading the documents; columns are found by searching each line for
// the quoted text, not copied from the output.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementOf } from "../../src/agreement/agreement.ts";
import { type AuditReport, audit, renderAudit } from "../../src/audit/audit.ts";
import { REVIEW_KINDS, type ReviewItem, type ReviewKind } from "../../src/audit/review.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { renderTrace, style } from "../../src/trace/render.ts";
import { trace } from "../../src/trace/trace.ts";
import { run } from "../helpers/cli.ts";
import { FRESH_KB } from "../helpers/fresh-kb.ts";
import { positionsIn } from "../helpers/position.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SCHEMA = JSON.parse(readFileSync(join(ROOT, "docs", "trace.schema.json"), "utf8"));
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
ajv.addSchema(SCHEMA);

const linesOf = (path: string) => readFileSync(join(ROOT, path), "utf8").split(/\r?\n/);
const where = (i: ReviewItem) => `${i.location?.line}:${i.location?.column}`;
const ofKind = (r: AuditReport, kind: ReviewKind) =>
  r.needsReview.items.filter((i) => i.kind === kind);

function expectValidAudit(value: unknown) {
  const v = ajv.getSchema(`${SCHEMA.$id}#/$defs/AuditReport`);
  if (!v) throw new Error("docs/trace.schema.json has no $defs/AuditReport");
  expect(v(value), ajv.errorsText(v.errors, { separator: "\n" })).toBe(true);
}

describe("on the seed (graph/sources with graph/curation, built for this run)", () => {
  const FILE = "desipramine-vs-ssris.md";
  const at = positionsIn(linesOf(`graph/sources/${FILE}`));
  let kg: KnowledgeGraph;
  let report: AuditReport;

  beforeAll(async () => {
    kg = await openKnowledgeGraph([FRESH_KB], { cache: false });
    report = audit(kg, agreementOf(kg)); // as `claimgraph audit` makes it
  });

  // Sentences that name no entity a rule can take as their subject, and no pronoun for the
  // compound: the build keeps them, with the document as subject, flagged SubjectUnclear.
  const UNCLEAR = [
    at(15, "The fundamental difference"),
    at(38, "Experimental data show"),
    at(48, "The side effect profiles"),
    at(72, "The choice between"),
    at(77, "Future development"),
  ];
  // "This leads to … down-regulation of α2AAR" (26) follows "Desipramine binding selectively
  // recruits β-arrestin …": the sentence and its relation take desipramine from it. "Their
  // benefit …" (75) follows "SSRIs offer …".
  const PREVIOUS = [at(26, "This leads to"), at(26, "down-regulation of"), at(75, "Their benefit")];
  // Side-effect cells whose words are on no step of the frequency scale: 57's desipramine
  // column ("Lowers seizure threshold" states the effect, not how often). "Significant risk",
  // "Generally lower risk", "Lower risk compared to TCAs" (52, 57, 58) are steps of it.
  const UNREAD = [at(57, "Lowers seizure threshold")];

  it("counts every group first: the seed's curation types every work, so none is inferred", () => {
    expect(report.needsReview.counts).toEqual({
      // "synaptic serotonin (5-HT) levels" (15), the object of "SSRIs predominantly increase";
      // "anticholinergic blockade" and "antihistaminic blockade" (24), named by the cell
      // "Significant anticholinergic, antihistaminic, and α1-adrenergic blockade".
      "minted-entity": 3,
      "minted-predicate": 0,
      "inferred-evidence-type": 0,
      "subject-unclear": UNCLEAR.length,
      "subject-from-previous-sentence": PREVIOUS.length,
      "unread-value": UNREAD.length,
      // The seed's row labels carry no marker.
      "citation-from-row-label": 0,
    });
  });

  it.each([
    ["subject-unclear", UNCLEAR],
    ["subject-from-previous-sentence", PREVIOUS],
    ["unread-value", UNREAD],
  ] as const)(
    "lists each %s claim where the document has it, in document order",
    (kind, places) => {
      const items = ofKind(report, kind);
      expect(items.map(where)).toEqual(places);
      for (const i of items) {
        expect(i.location?.file).toBe(FILE);
        expect(kg.claim(i.subject)?.guesses).toContain(
          {
            "subject-unclear": "SubjectUnclear",
            "subject-from-previous-sentence": "SubjectFromPreviousSentence",
            "unread-value": "UnreadValue",
          }[kind],
        );
        expect(i.claims).toBe(1);
      }
    },
  );

  it("gives each item its quote and the rule it was read by, and a prose relation its cue", () => {
    const [first] = ofKind(report, "unread-value");
    expect(first?.quote).toMatch(/^Lowers seizure threshold \[1\]/);
    expect(first?.readBy).toBe("AdverseEffectCellRule");
    const byRule = ofKind(report, "subject-from-previous-sentence").map((i) => [
      i.readBy,
      i.cue,
      i.quote?.slice(0, 14),
    ]);
    expect(byRule).toEqual([
      ["ProsePreviousSentenceRule", null, "This leads to "],
      ["ProseCueRule", "down-regulation of", "down-regulatio"],
      ["ProsePreviousSentenceRule", null, "Their benefit "],
    ]);
  });

  it("lists each minted entity once, at the claim naming it, with the claims using it", () => {
    const [minted, ...rest] = ofKind(report, "minted-entity");
    expect(rest.map((i) => [i.label, where(i), i.readBy, i.claims])).toEqual(
      ["anticholinergic blockade", "antihistaminic blockade"].map((label) => [
        label,
        at(24, "Significant anticholinergic"),
        "FeatureCellRule",
        1,
      ]),
    );
    expect(minted).toMatchObject({
      label: "synaptic serotonin levels",
      location: { file: FILE, line: 15, column: Number(at(15, "SSRIs predominantly").slice(3)) },
      readBy: "ProseCueRule",
      cue: "increase",
      claims: 1,
    });
  });

  it("no longer reports minted entities as findings, so nothing is listed twice", () => {
    expect(Object.keys(report.counts)).not.toContain("unnormalised-entity");
    expect(
      report.findings.filter((f) => f.subject === ofKind(report, "minted-entity")[0]?.subject),
    ).toEqual([]);
  });

  it("prints the section after the findings, counts first, each group cut at --limit", () => {
    const text = renderAudit(report, 2);
    const section = text.slice(text.indexOf("needs review"));
    expect(section).toMatch(/^needs review.*\n {2}minted-entity +3\n {2}minted-predicate +0\n/);
    expect(section).toContain(`\nunread-value (1)\n  ${FILE}:${UNREAD[0]}: `);
    expect(section).toContain("read by AdverseEffectCellRule");
    expect(section.match(/… 3 more \(--limit N, or --json\)/g)).toHaveLength(1);
    expect(section).not.toContain(`${FILE}:${at(77, "Future development")}:`);
  });

  it("validates against docs/trace.schema.json, which names every review kind", () => {
    expect(SCHEMA.$defs.ReviewKind.enum).toEqual([...REVIEW_KINDS]);
    expect(SCHEMA.$defs.NeedsReview.properties.counts.required).toEqual([...REVIEW_KINDS]);
    expect(SCHEMA.$defs.AuditReport.required).toContain("needsReview");
    expect(SCHEMA.$defs.AuditReport.required).toContain("agreement");
    expect(SCHEMA.$defs.FindingKind.enum).not.toContain("unnormalised-entity");
    expectValidAudit(JSON.parse(JSON.stringify({ ...report, warnings: [] })));
  });

  it("trace shows how a prose relation was read, with its cue", () => {
    const r = trace(kg, "desipramine", { limit: 500 });
    const relation = r.claims.find(
      (c) => c.readBy === "ProseCueRule" && c.cue === "down-regulation of",
    );
    expect(relation?.location.line).toBe(26);
    const one = trace(kg, relation?.id ?? "");
    expect(one.match).toBe("claim");
    expect(renderTrace(kg, one, style(false))).toContain(
      'read    prose cue rule (cue "down-regulation of"); guessed subject from previous sentence',
    );
  });
});

describe("on a corpus document built without curation (bupropion-vs-escitalopram.md)", () => {
  const FILE = "bupropion-vs-escitalopram.md";
  const at = positionsIn(linesOf(`tests/fixtures/corpus/${FILE}`));
  let dir: string;
  let report: AuditReport;
  let people: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "claimgraph-needs-review-"));
    copyFileSync(join(ROOT, "tests", "fixtures", "corpus", FILE), join(dir, FILE));
    const out = join(dir, "graph");
    const args = ["--sources", dir, "--curation", join(dir, "none"), "--out", out, "-q"];
    const built = await run(["build", ...args]);
    expect(built.code, built.err).toBe(0);
    const json = await run(["audit", "--kb", join(out, "kb.ttl"), "--json"]);
    expect(json.code, json.err).toBe(0);
    report = JSON.parse(json.out);
    people = (await run(["audit", "--kb", join(out, "kb.ttl"), "--limit", "3"])).out;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("validates against docs/trace.schema.json, a work's item and an entity's alike", () => {
    expect(ofKind(report, "inferred-evidence-type").length).toBeGreaterThan(0);
    expect(ofKind(report, "minted-entity").length).toBeGreaterThan(0);
    expectValidAudit(report);
  });

  it("lists the drugs the lexicon lacks once each, where a claim first names them", () => {
    const minted = ofKind(report, "minted-entity");
    const drug = (label: string) => minted.find((i) => i.label === label);
    // Bupropion is first named by the first sentence of line 15, whose "is a" the cue rule
    // reads; Escitalopram, in the first table, only in the header of a class column (a
    // header is no claim), then in line 27.
    expect(drug("Bupropion")).toMatchObject({
      location: { file: FILE, line: 15, column: 1 },
      readBy: "ProseCueRule",
    });
    expect(drug("Bupropion")?.message).toContain("(Drug)");
    expect(where(drug("Escitalopram") as ReviewItem)).toBe(at(27, "Escitalopram and bupropion"));
    expect(drug("NDRI")?.message).toContain("(DrugClass)");
    for (const label of ["Bupropion", "Escitalopram", "NDRI"])
      expect(minted.filter((i) => i.label === label)).toHaveLength(1);
    // Bupropion is the subject of every cell of its three columns and of most sentences.
    expect(drug("Bupropion")?.claims).toBeGreaterThan(15);
  });

  it("lists every work once with the rule that inferred its evidence type and its entry", () => {
    // The reference list (lines 69-76), with what each entry's host or identifier implies.
    const expected = [
      [69, 1, "TertiaryReferenceWork", "host:ncbi-bookshelf"],
      [70, 2, "ConsumerHealthPage", "host:consumer-health"],
      [71, 3, "ConsumerHealthPage", "host:consumer-health"],
      [72, 4, "PrimaryResearch", "identifier:pmid"],
      // [5] and [6] are cited by protocol bullets on human subjects (lines 53, 56).
      [73, 5, "ClinicalStudy", "protocol:human-subjects"],
      [74, 6, "ClinicalStudy", "protocol:human-subjects"],
      [75, 7, "SystematicReview", "host:cochrane"],
      [76, 8, "ConsumerHealthPage", "host:consumer-health"],
    ];
    const works = ofKind(report, "inferred-evidence-type");
    expect(
      works.map((w) => [w.location?.line, w.references[0]?.number, w.evidenceType, w.evidenceRule]),
    ).toEqual(expected);
    for (const w of works) {
      expect(w.references).toHaveLength(1);
      expect(w.location).toEqual({ file: FILE, line: w.location?.line, column: 1 });
      expect(w.claims).toBeGreaterThan(0);
    }
    // [1] is cited on lines 15 (twice), 21, 23, 24, 43, 44, 45 and 46: nine claims at least.
    expect(works[0]?.claims).toBeGreaterThanOrEqual(9);
  });

  it("lists the prose sentences whose subject it could not decide", () => {
    // "Escitalopram and bupropion were compared …" (line 27) is about both: its subject is read.
    expect(ofKind(report, "subject-unclear").map(where)).toEqual([at(31, "Results depend")]);
  });

  it("prints counts first, then each group with file:line:col, cut at --limit", () => {
    const section = people.slice(people.indexOf("needs review"));
    expect(section).toMatch(/\n {2}inferred-evidence-type +8\n/);
    expect(section).toContain(`\ninferred-evidence-type (8)\n  ${FILE}:69:1: [1] Bupropion`);
    expect(section).toContain("inferred by rule host:ncbi-bookshelf");
    expect(section).toContain("… 5 more (--limit N, or --json)");
  });
});

describe("on a document with a frequency off the scale (nortriptyline-vs-sertraline.md)", () => {
  const FILE = "nortriptyline-vs-sertraline.md";
  const at = positionsIn(linesOf(`tests/fixtures/sources/${FILE}`));
  let dir: string;
  let report: AuditReport;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "claimgraph-needs-review-"));
    copyFileSync(join(ROOT, "tests", "fixtures", "sources", FILE), join(dir, FILE));
    const out = join(dir, "graph");
    const args = ["--sources", dir, "--curation", join(dir, "none"), "--out", out, "-q"];
    expect((await run(["build", ...args])).code).toBe(0);
    report = JSON.parse((await run(["audit", "--kb", join(out, "kb.ttl"), "--json"])).out);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists the unread frequency with its quote and rule", () => {
    // Line 54's "Present but milder than with other TCAs" and line 55's "Minimal at usual doses"
    // are no step of the scale (line 58's "Lower risk" and 56's "Uncommon" are).
    const unread = ofKind(report, "unread-value");
    expect(unread.map(where)).toEqual([at(54, "Present but milder"), at(55, "Minimal at usual")]);
    expect(unread[0]).toMatchObject({
      location: { file: FILE },
      quote: "Present but milder than with other TCAs [1]",
      readBy: "AdverseEffectCellRule",
    });
    expect(unread[0]?.message).toContain("UnreadFrequency");
  });
});
