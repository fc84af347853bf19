// `compare desipramine fluoxetine` on the seed reproduces the document's comparison tables: for
// every row of its three tables, one row of the comparison holds, for both drugs, the document's
// words and citation numbers (the expected cells are read from the .md's tab-separated rows,
// not written here). The fluoxetine column takes the SSRIs' claims through its class, naming
// it; a null cell ("Not applicable") and an empty one are told apart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { type CompareCell, type Comparison, comparison } from "../../src/projection/compare.ts";
import { SEED_KB } from "../helpers/serve.ts";

const KB = "https://w3id.org/claimgraph/kb/";
const DESIPRAMINE = `${KB}entity/desipramine`;
const FLUOXETINE = `${KB}entity/fluoxetine`;
const SSRIS = `${KB}entity/selective-serotonin-reuptake-inhibitors`;
const SOURCE = join(import.meta.dirname, "..", "..", "graph", "sources", "desipramine-vs-ssris.md");

interface DocCell {
  readonly words: string;
  readonly citations: number[];
}

interface DocRow {
  readonly label: string;
  readonly drugs: readonly [DocCell, DocCell];
}

/** The rows of the document's tables (a header line of tabs, then rows of tabs), as written. */
function documentRows(markdown: string): DocRow[] {
  const rows: DocRow[] = [];
  let inTable = false;
  for (const line of markdown.split("\n")) {
    const cells = line.split("\t");
    if (cells.length < 3) {
      inTable = false;
      continue;
    }
    if (inTable)
      rows.push({ label: cells[0] ?? "", drugs: [docCell(cells[1]), docCell(cells[2])] });
    inTable = true; // the first tabbed line of a table is its header
  }
  return rows;
}

function docCell(text = ""): DocCell {
  const citations = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  return { words: words(text), citations };
}

/** Text without its citation markers, spaces collapsed. */
function words(text: string): string {
  return text
    .replace(/\s*\[\d+\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the cell holds a claim quoting `expected` with its citation numbers. */
function says(cell: CompareCell | undefined, expected: DocCell): boolean {
  return (cell?.claims ?? []).some(
    (c) =>
      words(c.quote) === expected.words &&
      JSON.stringify(c.citations.map((r) => r.number)) === JSON.stringify(expected.citations),
  );
}

let kg: KnowledgeGraph;
let compared: Comparison;
const expected = documentRows(readFileSync(SOURCE, "utf8"));

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  compared = comparison(kg, [DESIPRAMINE, FLUOXETINE]);
});

describe("compare desipramine fluoxetine on the seed", () => {
  it("reads the document's three tables (the test's own reading of the .md)", () => {
    expect(expected.length).toBe(16);
  });

  it.each(expected.map((r) => [r.label, r] as const))(
    "row %s: both drugs' cells hold the document's words and citations",
    (_, row) => {
      const found = compared.rows.find(
        (r) => says(r.cells[0], row.drugs[0]) && says(r.cells[1], row.drugs[1]),
      );
      expect(found, JSON.stringify(row)).toBeDefined();
    },
  );

  it("resolves each citation number to its reference's title and host", () => {
    const target = compared.rows.find((r) => r.predicate.label === "primary target");
    expect(target?.cells[0]?.claims[0]?.citations).toEqual([
      {
        number: 1,
        title: "Desipramine - StatPearls - NCBI Bookshelf - NIH",
        host: "ncbi.nlm.nih.gov",
        work: expect.stringContaining(`${KB}work/`),
      },
    ]);
  });

  it("takes the SSRIs' claims into fluoxetine's column, naming the class", () => {
    expect(compared.columns[1]?.via.map((v) => v.id)).toEqual([SSRIS]);
    const target = compared.rows.find((r) => r.predicate.label === "primary target");
    expect(target?.cells[1]?.claims.map((c) => [c.text, c.via?.id])).toEqual([
      ["serotonin transporter", SSRIS],
    ]);
  });

  it("says a null cell from an empty one", () => {
    const mechanism = compared.rows.find((r) => r.predicate.label === "key mechanism");
    expect(mechanism?.cells.map((c) => c.state)).toEqual(["claims", "null"]);
    expect(mechanism?.cells[1]?.claims[0]?.status).toBe("NotStated");
    const inhibits = compared.rows.find((r) => r.predicate.label === "inhibits");
    expect(inhibits?.cells.map((c) => c.state)).toEqual(["claims", "empty"]);
  });

  it("is the same every time", () => {
    expect(JSON.stringify(comparison(kg, [DESIPRAMINE, FLUOXETINE]))).toBe(
      JSON.stringify(compared),
    );
  });
});
