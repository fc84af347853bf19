/**
 * The viewer's payload given the agreement (#15), on the agreement corpus
 * (tests/fixtures/agreement/, its planted agreements and conflicts): the matrix's cells carry
 * their assertions' support by tier and their conflicts as ids and counts only (no quotes), each
 * listed claim naming its assertion; Details for a claim lists the other documents that state
 * the same thing and each conflict with both sides (quotes, file:line:col, citations) and its
 * rule's label; Details for an entity lists the assertions about it and their conflicts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementOf } from "../../src/agreement/agreement.ts";
import { loadConflictRules } from "../../src/agreement/rules.ts";
import type { Agreement } from "../../src/agreement/types.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { prepare, writeBuild } from "../../src/pipeline/pipeline.ts";
import {
  claimAgreement,
  conflictDetails,
  entityAgreement,
} from "../../src/projection/agreement-details.ts";
import { comparisonMatrix } from "../../src/projection/matrix.ts";
import {
  type AgreedCell,
  type AgreedMatrix,
  matrixWithAgreement,
} from "../../src/projection/matrix-agreement.ts";
import { AGREEMENT_SOURCES } from "../helpers/agreement-gold.ts";
import { NO_CURATION } from "../helpers/build.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const VOCAB = "https://w3id.org/claimgraph/vocab#";
const DESIPRAMINE = `${KB}entity/desipramine`;
const FLUOXETINE = `${KB}entity/fluoxetine`;
const SERTRALINE = `${KB}entity/sertraline`;
const NAUSEA = `${KB}entity/nausea-gi-distress`;

let dir: string;
let kg: KnowledgeGraph;
let agreement: Agreement;
let matrix: AgreedMatrix;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "claimgraph-matrix-agreement-"));
  const out = join(dir, "kb");
  writeBuild(prepare({ sources: AGREEMENT_SOURCES, curation: NO_CURATION }), out);
  kg = await openKnowledgeGraph([join(out, "kb.ttl")], { cache: false });
  agreement = agreementOf(kg);
  matrix = matrixWithAgreement(kg, comparisonMatrix(kg), agreement);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function cell(row: string, column: string): AgreedCell {
  const at = matrix.columns.findIndex((c) => c.id === column);
  const found = matrix.rows.find((r) => r.key === row)?.cells[at];
  if (!found) throw new Error(`no cell ${row} × ${column}`);
  return found;
}

describe("the matrix's agreement badges (ids and counts)", () => {
  it("desipramine's primary target: NET (3 documents, 2 works) against SERT, one conflict", () => {
    const c = cell(`${VOCAB}primaryTarget`, DESIPRAMINE);
    const netClaim = c.claims.find((x) => x.text === "norepinephrine transporter");
    const net = agreement.assertions.find((a) => a.claims.includes(netClaim?.id ?? ""));
    expect(c.assertions.map((a) => [a.documents, a.works, a.support])).toEqual(
      expect.arrayContaining([
        [3, 2, { primary: 1, tertiary: 1 }],
        [1, 1, { consumer: 1 }],
      ]),
    );
    expect(c.assertions).toHaveLength(2);
    const netBadge = c.assertions.find((a) => a.iri === net?.iri);
    expect(netBadge?.works).toBe(2);
    expect(netBadge?.inferred).toBe(net?.inferred?.length);
    expect(c.conflicts.map((x) => x.kind)).toEqual(["PrimaryTargetDisagrees"]);
    // Each listed claim points at its assertion's badge.
    for (const claim of c.claims) {
      const badge = claim.assertion === null ? undefined : c.assertions[claim.assertion];
      const mine = agreement.assertions.find((a) => a.claims.includes(claim.id));
      expect(badge?.iri, claim.id).toBe(mine?.iri);
    }
    expect(c.claims.filter((x) => x.text === "norepinephrine transporter")).toHaveLength(3);
  });

  it("fluoxetine's nausea: three frequencies, two FrequencyGap conflicts", () => {
    const c = cell(`${VOCAB}adverseEffectRisk ${NAUSEA}`, FLUOXETINE);
    expect(c.assertions).toHaveLength(3);
    expect(c.conflicts.map((x) => x.kind)).toEqual(["FrequencyGap", "FrequencyGap"]);
  });

  it("a planted agreement without conflict: sertraline's primary target, 3 documents, 1 work", () => {
    const c = cell(`${VOCAB}primaryTarget`, SERTRALINE);
    expect(c.assertions.map((a) => [a.documents, a.works])).toEqual([[3, 1]]);
    expect(c.conflicts).toEqual([]);
  });

  it("every conflict whose claims stand in the matrix is on a cell; no quote is in the payload", () => {
    const onCells = new Set(
      matrix.rows.flatMap((r) => r.cells.flatMap((c) => c.conflicts.map((x) => x.iri))),
    );
    const expected = agreement.conflicts
      .filter((d) => d.kind !== "PublicRecordDisagrees") // a document's header: no drug's cell
      .map((d) => d.iri);
    expect([...onCells].sort()).toEqual(expected.sort());
    const json = JSON.stringify(matrix);
    for (const d of agreement.conflicts)
      for (const side of conflictDetails(kg, agreement, d.iri)?.sides ?? [])
        for (const claim of side.claims)
          if (claim.quote.length > 30) expect(json).not.toContain(claim.quote);
  });
});

describe("Details given the agreement", () => {
  it("a claim: its assertion, the other documents stating it, the conflict with both sides", () => {
    const c = cell(`${VOCAB}primaryTarget`, DESIPRAMINE);
    const first = c.claims.find(
      (x) => x.document.id === `${KB}doc/desipramine-noradrenergic-profile`,
    );
    const a = claimAgreement(kg, agreement, first?.id ?? "");
    expect(a.assertions.map((x) => x.says)).toEqual(["primary target norepinephrine transporter"]);
    expect(a.assertions[0]?.support).toMatchObject({ primary: 1, tertiary: 1 });
    expect(a.assertions[0]?.elsewhere?.map((o) => `${o.file}:${o.line}:${o.column}`)).toEqual([
      "desipramine-tricyclic-safety.md:19:16",
      "mirtazapine-sleep-and-appetite.md:19:61",
    ]);
    expect(a.conflicts.map((x) => x.kind)).toEqual(["PrimaryTargetDisagrees"]);
    const conflict = a.conflicts[0];
    expect(conflict?.rule.label).toBe(
      loadConflictRules().rules.get("PrimaryTargetDisagrees")?.label,
    );
    const [one, other] = conflict?.sides ?? [];
    expect(one?.claims.map((x) => [x.file, x.line, x.column, x.citations])).toContainEqual([
      "desipramine-noradrenergic-profile.md",
      19,
      16,
      [1],
    ]);
    expect(other?.says).toBe("primary target serotonin transporter");
    expect(other?.claims.map((x) => [x.file, x.line, x.quote])).toEqual([
      ["fluoxetine-serotonergic-overview.md", 19, "Serotonin Transporter (SERT) [2]"],
    ]);
    expect(a.conflicts[0]?.sides[0].inferred).toBe(
      agreement.conflicts.find((d) => d.iri === conflict?.iri)?.sides[0].inferred?.length ?? 0,
    );
  });

  it("an entity: the assertions about it, then their conflicts", () => {
    const a = entityAgreement(kg, agreement, DESIPRAMINE);
    expect(a.assertionCount).toBe(
      agreement.assertions.filter((x) => x.subject === DESIPRAMINE || x.object === DESIPRAMINE)
        .length,
    );
    expect(a.assertions[0]?.elsewhere).toBeUndefined();
    expect(a.conflicts.map((c) => c.kind).sort()).toEqual([
      "OppositeDirection",
      "OppositeDirection",
      "PrimaryTargetDisagrees",
    ]);
    for (const c of a.conflicts) expect(c.sides.every((s) => s.claims.length > 0)).toBe(true);
  });

  it("an unknown conflict id answers nothing", () => {
    expect(conflictDetails(kg, agreement, `${KB}conflict/none`)).toBeUndefined();
  });
});
