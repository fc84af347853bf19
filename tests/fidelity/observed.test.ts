// The fidelity adapter (scripts/fidelity/observed.ts) on one corpus document and the seed: what
// the model says since #11 — null cells, frequencies, the stated CAS number, prose subjects and
// relations, stated identifiers, study totals and dose ranges — turned into the gold's rows.
import { describe, expect, it } from "vitest";
import { buildDocument, corpusDocuments, seedDocument } from "../../scripts/fidelity/corpus.ts";
import { observedRows } from "../../scripts/fidelity/observed.ts";
import type { FactRow, Kind } from "../../scripts/fidelity/rows.ts";

function rowsOf(id: string, curated = false): FactRow[] {
  const doc = [...corpusDocuments(), seedDocument()].find((d) => d.id === id);
  if (!doc) throw new Error(`no document ${id}`);
  const { kb } = buildDocument(doc, curated);
  if (!kb) throw new Error(`${id} does not build`);
  return observedRows(kb);
}

/** The rows of a kind on a line, each as its first subject, predicate and object and its attributes. */
function at(rows: readonly FactRow[], kind: Kind, line: number) {
  return rows
    .filter((r) => r.kind === kind && r.line === line)
    .map((r) => ({
      subject: r.subject[0],
      predicate: r.predicate[0],
      object: r.object[0],
      attributes: r.attributes,
    }));
}

const BUPROPION = "bupropion-vs-escitalopram";

describe("the fidelity adapter", () => {
  const rows = rowsOf(BUPROPION);

  it("makes a null cell a not-stated row and no cell row", () => {
    // line 24: `Hydroxybupropion, … [1]` | `None` — the SSRIs' active metabolite is not stated.
    expect(at(rows, "not-stated", 24).map((r) => r.subject)).toEqual([
      "selective serotonin reuptake inhibitors",
    ]);
    const ssriCells = at(rows, "cell", 24).filter(
      (r) => r.subject === "selective serotonin reuptake inhibitors",
    );
    expect(ssriCells).toEqual([]);
  });

  it("gives an adverse effect its frequency in the gold's words", () => {
    // line 45: `Low risk [5]` | `Very common [3] [5]`
    expect(
      at(rows, "effect", 45).map((r) => [r.subject, r.object, r.attributes.frequency]),
    ).toEqual([
      ["Bupropion", "sexual dysfunction", "low|lower"],
      ["Escitalopram", "sexual dysfunction", "very common"],
    ]);
  });

  it("reads the stated CAS number as the document's statement about its compound", () => {
    expect(at(rows, "header", 9)).toEqual([
      { subject: "Bupropion", predicate: "states identifier", object: "000-00-1", attributes: {} },
    ]);
  });

  it("answers ? for a prose subject the rules could not decide, and lists cue relations", () => {
    const unclear = rows.filter((r) => r.kind === "prose" && r.subject[0] === "?");
    // Line 27's "Escitalopram and bupropion were compared …" has its subject read since the
    // prose rules read coordinated subjects; line 31 ("Results depend …") names none.
    expect(unclear.map((r) => r.line)).toEqual([31]);
    expect(at(rows, "relation", 27).map((r) => [r.subject, r.predicate, r.object])).toEqual([
      ["Bupropion", "antagonistAt", "nicotinic acetylcholine receptors"],
    ]);
  });

  it("gives identifiers as the reference entry states them", () => {
    expect(
      rows.filter((r) => r.kind === "identifier").map((r) => [r.subject[0], r.object[0]]),
    ).toEqual([
      ["1", "bookshelf:NBK999101"],
      ["4", "pmid:90000104"],
      ["5", "doi:10.5555/cg.2026.0105"],
    ]);
  });

  it("makes no identifier rows of records checked by curation that the entries do not state", () => {
    expect(rowsOf("desipramine-vs-ssris", true).filter((r) => r.kind === "identifier")).toEqual([]);
  });

  it("keeps a study's total, its follow-up and an arm's dose range", () => {
    expect(at(rows, "study", 56)[0]?.attributes).toMatchObject({ n: "31", duration: "4 weeks" });
    expect(at(rows, "study", 54)[0]?.attributes).toMatchObject({ "follow-up": "6 months" });
    expect(at(rows, "arm", 53).map((r) => r.attributes.dose)).toEqual(["150–450", "10–20"]);
  });
});
