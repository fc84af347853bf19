// The agreement one answer shows (#16): an entity's trace and Details, and a claim's Details,
// computed from the claims of the subjects involved alone, are what the whole graph's agreement
// gives them — for every entity and claim of a build of generated documents, the agreement
// corpus (its planted conflicts) and the seed.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/corpus/generate.ts";
import { agreementOf } from "../../src/agreement/agreement.ts";
import { agreementAbout, subjectsAgreement } from "../../src/agreement/subject-agreement.ts";
import type { Agreement } from "../../src/agreement/types.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import type { ClaimNode } from "../../src/graph/types.ts";
import { prepare, writeBuild } from "../../src/pipeline/pipeline.ts";
import { claimAgreement, entityAgreement } from "../../src/projection/agreement-details.ts";
import { comparedSubjects, comparison } from "../../src/projection/compare.ts";
import { withAgreement } from "../../src/projection/compare-agreement.ts";
import { entityAssertions } from "../../src/trace/entity-assertions.ts";
import { AGREEMENT_SOURCES } from "../helpers/agreement-gold.ts";
import { ROOT } from "../helpers/build.ts";

let dir: string;
let kg: KnowledgeGraph;
let whole: Agreement;
const entities: string[] = [];
const claims: ClaimNode[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "claimgraph-subject-agreement-"));
  const sources = join(dir, "sources");
  generateCorpus({ documents: 8, seed: 7, outDir: sources });
  const more = readdirSync(AGREEMENT_SOURCES)
    .filter((n) => n.endsWith(".md") && n !== "README.md")
    .map((n) => join(AGREEMENT_SOURCES, n));
  for (const file of more) copyFileSync(file, join(sources, file.split("/").at(-1) as string));
  const out = join(dir, "kb");
  writeBuild(prepare({ sources, curation: join(ROOT, "graph", "curation") }), out);
  kg = await openKnowledgeGraph([join(out, "kb.ttl")], { cache: false });
  whole = agreementOf(kg);
  kg.forEachNode((iri, node) => {
    if (node.kind === "entity") entities.push(iri);
    if (node.kind === "claim") claims.push(node);
  });
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("agreementAbout an entity", () => {
  it("is built on a graph with conflicts of several kinds", () => {
    const kinds = new Set(whole.conflicts.map((c) => c.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(3);
    expect(entities.length).toBeGreaterThan(20);
  });

  it("gives every entity's trace the assertions and conflicts the whole agreement gives it", () => {
    let shown = 0;
    let conflicts = 0;
    for (const e of entities) {
      const about = agreementAbout(kg, e);
      expect(about.assertions.length).toBeLessThan(whole.assertions.length);
      const expected = entityAssertions(kg, e, whole);
      expect(entityAssertions(kg, e, about), e).toEqual(expected);
      shown += expected.length;
      conflicts += expected.reduce((n, a) => n + a.conflicts.length, 0);
    }
    expect(shown).toBeGreaterThan(50);
    expect(conflicts).toBeGreaterThan(5);
  });

  it("gives every entity's Details (the viewer's) what the whole agreement gives it", () => {
    for (const e of entities)
      expect(entityAgreement(kg, agreementAbout(kg, e), e), e).toEqual(
        entityAgreement(kg, whole, e),
      );
  });
});

describe("subjectsAgreement of a claim's subject", () => {
  it("gives every claim's Details what the whole agreement gives it", () => {
    let conflicts = 0;
    for (const c of claims) {
      const expected = claimAgreement(kg, whole, c.iri);
      expect(claimAgreement(kg, subjectsAgreement(kg, [c.subject]), c.iri), c.iri).toEqual(
        expected,
      );
      conflicts += expected.conflictCount;
    }
    expect(conflicts).toBeGreaterThan(5);
  });

  it("holds only the assertions of the subjects it is given", () => {
    const subject = claims[0]?.subject as string;
    const part = subjectsAgreement(kg, [subject]);
    expect(part.assertions.length).toBeGreaterThan(0);
    expect(part.assertions.every((a) => a.subject === subject)).toBe(true);
    expect(part.assertions).toEqual(whole.assertions.filter((a) => a.subject === subject));
  });
});

describe("subjectsAgreement of a comparison's columns", () => {
  it("annotates every drug's and class's comparison as the whole agreement does", () => {
    let conflicts = 0;
    const drugs = entities.filter((e) => ["Drug", "DrugClass"].includes(kg.entity(e)?.type ?? ""));
    expect(drugs.length).toBeGreaterThan(5);
    for (const drug of drugs) {
      const compared = comparison(kg, [drug]);
      const expected = withAgreement(compared, whole);
      const own = subjectsAgreement(kg, comparedSubjects(compared.columns));
      expect(withAgreement(compared, own), drug).toEqual(expected);
      for (const row of expected.rows)
        for (const cell of row.cells) conflicts += cell.conflicts.length;
    }
    expect(conflicts).toBeGreaterThan(5);
  });
});
