/**
 * Issue #15 on its fixture corpus (tests/fixtures/agreement/, gold.json): the corpus is built
 * into a temporary folder and opened like any knowledge base, and `agreementOf(kg)` finds every
 * planted assertion (its documents and distinct works) and every planted conflict — recall
 * 100% — and no conflict the gold list lacks, near-misses included — precision 100%. A
 * failure prints each missing or extra item on a line of its own.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementOf } from "../../src/agreement/agreement.ts";
import type { Agreement } from "../../src/agreement/types.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { prepare, writeBuild } from "../../src/pipeline/pipeline.ts";
import {
  AGREEMENT_SOURCES,
  assertionFound,
  readGold,
  scoreConflicts,
} from "../helpers/agreement-gold.ts";
import { conflictText, differenceText } from "../helpers/agreement-report.ts";
import { NO_CURATION } from "../helpers/build.ts";

const gold = readGold();
let dir: string;
let agreement: Agreement;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "claimgraph-agreement-gold-"));
  const out = join(dir, "kb");
  writeBuild(prepare({ sources: AGREEMENT_SOURCES, curation: NO_CURATION }), out);
  const kg = await openKnowledgeGraph([join(out, "kb.ttl")], { cache: false });
  agreement = agreementOf(kg);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("agreementOf on the agreement corpus, against its gold list", () => {
  it("finds every planted assertion with its documents and distinct works (recall 100%)", () => {
    const missing = gold.assertions
      .filter((g) => !assertionFound(g, agreement.assertions))
      .map((g) => ({ gold: g, found: agreement.assertions }));
    const score = { missing: [], extra: [] };
    expect(differenceText(gold, score, missing)).toBe("");
  });

  it("finds every planted conflict (recall 100%)", () => {
    const { missing } = scoreConflicts(gold, agreement.conflicts);
    const found = agreement.conflicts.map((c) => `  ${conflictText(gold, c)}`).join("\n");
    expect(
      differenceText(gold, { missing, extra: [] }, []),
      `conflicts found:\n${found || "  none"}`,
    ).toBe("");
  });

  it("finds no conflict the gold list lacks, near-misses included (precision 100%)", () => {
    const { extra } = scoreConflicts(gold, agreement.conflicts);
    expect(differenceText(gold, { missing: [], extra }, [])).toBe("");
  });
});
