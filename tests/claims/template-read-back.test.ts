/**
 * What a table claim says and how it was read survive the round trip through RDF: the
 * graph read back from the quads keeps a null cell's status (and draws no edge for it),
 * an adverse-effect cell's frequency, the rule and the guesses; `trace` of a drug named
 * only in a column header finds every cell of its column.
 */
import { describe, expect, it } from "vitest";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import type { ClaimNode } from "../../src/graph/types.ts";
import { trace } from "../../src/trace/trace.ts";
import { buildTemplate, iris, quadsOf } from "../helpers/template.ts";

const { kb, doc } = buildTemplate([
  [
    "Feature\tBupropion (NDRI)\tEscitalopram (SSRI)",
    "Primary Target\tDAT and NET [1]\tSERT [2]",
    "Key Mechanism\tNot applicable\tSerotonin reuptake inhibition [2]",
  ].join("\n"),
  "Side Effect\tBupropion\tEscitalopram\n<b>Insomnia</b>\tCommon [1]\tLow risk [2]",
]);
const built = graphFromQuads(quadsOf(kb));
const kg = new KnowledgeGraph(built);

function claimNode(table: number, row: number, column: number): ClaimNode {
  const claim = doc.claims.find(
    (c) =>
      c.kind === "table" &&
      c.table?.table === table &&
      c.table.rowIndex === row &&
      c.table.columnIndex === column,
  );
  const node = claim && built.graph.getNodeAttributes(iris.claim(claim.id).value);
  if (node?.kind !== "claim") throw new Error(`no claim at ${table}/${row}/${column}`);
  return node;
}

describe("table claims read back from RDF", () => {
  it("keeps a null cell's status and draws no asserted edge for it", () => {
    const empty = claimNode(1, 2, 2);
    expect(empty.status).toBe("NotStated");
    expect(empty.readBy).toBe("NullCellRule");
    const asserted = built.graph
      .outEdges(empty.subject)
      .map((e) => built.graph.getEdgeAttributes(e))
      .filter((a) => a.kind === "asserts" && a.predicate.endsWith("#keyMechanism"));
    expect(asserted).toEqual([]);
  });

  it("keeps an adverse-effect cell's frequency, the rule and the guesses", () => {
    const low = claimNode(2, 1, 3);
    expect([low.frequency, low.readBy, low.guesses]).toEqual([
      "LowRisk",
      "AdverseEffectCellRule",
      ["MintedEntity"],
    ]);
  });

  it("traces a drug named only in column headers to every cell of its columns", () => {
    const answer = trace(kg, "bupropion");
    const places = answer.claims
      .filter((c) => c.type === "TableCellClaim")
      .map((c) => `${c.location.table?.rowIndex}/${c.location.table?.columnIndex}`)
      .sort();
    // DAT and NET are two claims of one cell; the null cell is kept; the side-effect cell.
    expect(places).toEqual(["1/2", "1/2", "1/2", "2/2"]);
  });
});
