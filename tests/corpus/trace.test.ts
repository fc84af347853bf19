/**
 * #11's promise for documents claimgraph has never seen: for every corpus document, `trace` of
 * a drug or class named in a table's column header finds every cell of that column — read
 * from the template, whether or not the lexicon knows the name — and no header is a predicate.
 */
import { describe, expect, it } from "vitest";
import { buildDocument, corpusDocuments } from "../../scripts/fidelity/corpus.ts";
import type { Claim, KnowledgeBase } from "../../src/claims/types.ts";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { DEFAULT_BASE_IRI } from "../../src/rdf/vocab/vocabulary.ts";
import { Iris } from "../../src/rdf/write/iris.ts";
import { toSections } from "../../src/rdf/write/quads.ts";
import { trace } from "../../src/trace/trace.ts";

const DOCUMENTS = corpusDocuments();
const iris = new Iris(DEFAULT_BASE_IRI);

/** The table cells of each subject column, by its header: what `trace <drug>` must find. */
function columns(kb: KnowledgeBase): Map<string, { subject: Claim["subject"]; claims: Claim[] }> {
  const claims = kb.documents[0]?.claims ?? [];
  const keyOf = (c: Claim) => (c.table ? `${c.table.table}:${c.table.columnLabel}` : "");
  // A value column (Key Experimental Data) is about its rows, not a subject of its own; its
  // null cells are read by the null-cell rule, so the column is known by its other cells.
  const valueColumns = new Set(claims.filter((c) => c.readBy === "ValueColumnRule").map(keyOf));
  const out = new Map<string, { subject: Claim["subject"]; claims: Claim[] }>();
  for (const claim of claims) {
    if (claim.kind !== "table" || !claim.table || claim.subject.kind !== "entity") continue;
    if (valueColumns.has(keyOf(claim))) continue;
    const column = out.get(keyOf(claim)) ?? { subject: claim.subject, claims: [] };
    column.claims.push(claim);
    out.set(keyOf(claim), column);
  }
  return out;
}

describe.each(DOCUMENTS.map((d) => [d.id, d] as const))("%s", (_, doc) => {
  const { kb } = buildDocument(doc, false);
  if (!kb) throw new Error(`${doc.id} does not build`);
  const kg = new KnowledgeGraph(graphFromQuads(toSections(kb, iris).flat()));
  const found = columns(kb);

  it("has subject columns, each of one drug or class", () => {
    expect(found.size).toBeGreaterThan(1);
    for (const { subject, claims } of found.values()) {
      const type = subject.kind === "entity" ? subject.type : subject.kind;
      expect(
        ["Drug", "DrugClass"],
        `${subject.kind === "entity" ? subject.label : ""} ${claims[0]?.table?.columnLabel}`,
      ).toContain(type);
      expect(new Set(claims.map((c) => c.subject.kind === "entity" && c.subject.id)).size).toBe(1);
    }
  });

  it("finds every cell of a column when its drug or class is traced by name", () => {
    for (const [key, { subject, claims }] of found) {
      if (subject.kind !== "entity") continue;
      const answer = trace(kg, subject.label, { limit: 10_000 });
      expect(answer.match, `${key}: ${subject.label}`).toBe("entity");
      const traced = new Set(answer.claims.map((c) => c.id));
      const missing = claims.map((c) => iris.claim(c.id).value).filter((id) => !traced.has(id));
      expect(missing, `${key}: ${subject.label}`).toEqual([]);
    }
  });

  it("turns no column header into a predicate", () => {
    const headers = new Set(
      (kb.documents[0]?.document.tables ?? []).flatMap((t) =>
        t.header.slice(1).map((h) => h.display.text.toLowerCase()),
      ),
    );
    // A value column's header names what its cells give about the row: a predicate by design.
    const predicates = (kb.documents[0]?.claims ?? [])
      .filter((c) => c.readBy !== "ValueColumnRule" && c.status === undefined)
      .map((c) => c.predicate.label.toLowerCase());
    expect(predicates.filter((p) => headers.has(p))).toEqual([]);
  });
});
