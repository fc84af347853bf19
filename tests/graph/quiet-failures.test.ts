// Failures that used to pass in silence. A --kb file with nothing in claimgraph's vocabulary (or
// nothing at all) loads as an empty knowledge base: every command now warns on stderr, naming
// the file, and --json carries the warning. A claim stated twice with different values (its
// line, its column, its quote's text) loaded with one value winning: audit now reports it, with
// the file:line:col of each statement, and the graph shows the same value whatever the order.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditReport, audit } from "../../src/audit/audit.ts";
import { openKnowledgeGraph, snapshotsWritten } from "../../src/graph/open.ts";
import { run } from "../helpers/cli.ts";
import { SEED_KB } from "../helpers/serve.ts";

let dir: string;
const savedCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimgraph-quiet-"));
  process.env.CLAIMGRAPH_CACHE_DIR = join(dir, "cache");
});
afterAll(async () => {
  // The CLI writes its snapshots after answering: wait for them, or they recreate the folder.
  await snapshotsWritten();
  if (savedCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = savedCacheDir;
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("a --kb file with nothing in claimgraph's vocabulary", () => {
  const FOAF =
    '@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n<http://a.example/me> foaf:name "Me" .\n';

  it.each([["trace", "NET"], ["audit"], ["stats"], ["path", "NET", "desipramine"]])(
    "%s warns on stderr, naming the file, and --json carries it",
    async (...argv) => {
      const foaf = write("foaf.ttl", FOAF);
      const people = await run([...argv, "--kb", foaf]);
      expect(people.code).toBe(0);
      expect(people.err).toContain(`${foaf}:1:1: warning[NoClaimgraphVocabulary]:`);
      expect(people.err).toContain("1 triple, none in claimgraph's vocabulary");
      const json = await run([...argv, "--kb", foaf, "--json"]);
      expect(JSON.parse(json.out).warnings).toEqual([
        expect.objectContaining({
          code: "NoClaimgraphVocabulary",
          severity: "warning",
          file: foaf,
        }),
      ]);
    },
  );

  it("names only the file that adds nothing when it is merged with the seed", async () => {
    const empty = write("empty.ttl", "# nothing yet\n");
    const r = await run(["trace", "NET", "--kb", SEED_KB, "--kb", empty, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).total).toBeGreaterThan(0);
    expect(JSON.parse(r.out).warnings).toEqual([
      expect.objectContaining({ file: empty, message: expect.stringContaining("no triples") }),
    ]);
    expect(r.err).toContain(`${empty}:1:1: warning[NoClaimgraphVocabulary]`);
    expect(r.err).not.toContain(SEED_KB);
  });

  it("the seed alone: no warning, on stderr or in --json", async () => {
    const r = await run(["audit", "--kb", SEED_KB, "--json"]);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).warnings).toEqual([]);
  });

  it("warns again when the graph comes from the snapshot cache", async () => {
    const foaf = write("cached.ttl", FOAF);
    const first = await openKnowledgeGraph([foaf]);
    const second = await openKnowledgeGraph([foaf]);
    expect(first.warnings).toHaveLength(1);
    expect(second.warnings).toEqual(first.warnings);
  });
});

describe("a claim stated twice with different values", () => {
  const NAME = "desipramine-vs-ssris.desipramine.primary-target.61c699f8f9d0";
  const CLAIM = `https://w3id.org/claimgraph/kb/claim/${NAME}`;
  const seed = () => readFileSync(SEED_KB, "utf8");
  /** Line and column (1-based) of the value of `property` in the block of the subject `name`. */
  function valueAt(text: string, name: string, property: string): [number, number] {
    const lines = text.split("\n");
    const start = lines.findIndex((l) => l.startsWith(`claim:${name} `));
    for (let i = start; i >= 0 && i < lines.length; i++) {
      const at = lines[i]?.indexOf(`${property} `) ?? -1;
      if (at >= 0) return [i + 1, at + property.length + 2];
    }
    throw new Error(`${property} of ${name} not found`);
  }
  const lineCount = (text: string) => text.split("\n").length;

  it("audit reports each property with both values and the file:line:col of each statement", async () => {
    const text = `${seed()}\n<${CLAIM}> <https://w3id.org/claimgraph/vocab#line> 7 ;\n  <https://w3id.org/claimgraph/vocab#column> 99 .\n`;
    const file = write("twice.ttl", text);
    const [line1, line1At] = valueAt(text, NAME, "cg:line");
    const [column1, column1At] = valueAt(text, NAME, "cg:column");
    const r = await run(["audit", "--kb", file, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as AuditReport;
    expect(report.counts["conflicting-statements"]).toBe(2);
    const found = report.findings.filter((f) => f.kind === "conflicting-statements");
    expect(found.map((f) => [f.severity, f.subject])).toEqual([
      ["warning", CLAIM],
      ["warning", CLAIM],
    ]);
    // The seed's column "16" and line "21" sort before "99" and "7": they are shown, and come first.
    const [column, line] = found;
    expect(column?.location).toEqual({ file, line: column1, column: column1At });
    expect(column?.message).toContain(`"16" at ${file}:${column1}:${column1At}`);
    expect(column?.message).toContain(`"99" at ${file}:${lineCount(text) - 1}:46`);
    expect(line?.location).toEqual({ file, line: line1, column: line1At });
    expect(line?.message).toContain(`"21" at ${file}:${line1}:${line1At}`);
    const added = text.split("\n")[lineCount(text) - 3] ?? "";
    expect(line?.message).toContain(
      `"7" at ${file}:${lineCount(text) - 2}:${added.indexOf(" 7 ;") + 2}`,
    );
    const people = await run(["audit", "--kb", file]);
    expect(people.out).toContain("conflicting-statements (2)");
    expect(people.out).toContain(`  ${file}:${line1}:${line1At}: `);
  });

  it.each([
    ["after", (seedText: string, extra: string) => `${seedText}\n${extra}`],
    ["before", (seedText: string, extra: string) => `${extra}\n${seedText}`],
  ])(
    "a quote with a second text %s the first: reported, the same text shown",
    async (where, join) => {
      const extra = `<${CLAIM}.tqs> <http://www.w3.org/ns/oa#exact> "A (NET) quote of nothing" .\n`;
      const text = join(seed(), extra);
      const kg = await openKnowledgeGraph([write(`quote-${where}.ttl`, text)], { cache: false });
      expect(kg.claim(CLAIM)?.quote?.exact).toBe("A (NET) quote of nothing");
      const [finding, ...others] = audit(kg).findings.filter(
        (f) => f.kind === "conflicting-statements",
      );
      expect(others).toEqual([]);
      expect(finding?.subject).toBe(CLAIM);
      expect(finding?.message).toContain("oa:exact is stated 2 times");
      expect(finding?.message).toContain('"Norepinephrine Transporter (NET) [1]" at ');
    },
  );

  it("the seed has none", async () => {
    const kg = await openKnowledgeGraph([SEED_KB], { cache: false });
    expect(kg.conflicts).toEqual([]);
    expect(audit(kg).counts["conflicting-statements"]).toBe(0);
  });
});
