// KGX TSV read back by a reader of the KGX columns (tests/helpers/table-readers.ts): a node per
// entity with a Biolink category, an edge per claim linking two entities by a mapped predicate,
// every edge's ends among the nodes, CURIE ids from checked identifiers only.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ontologyDir } from "../../src/base/paths.ts";
import { loadBiolinkMapping } from "../../src/exports/biolink-mapping.ts";
import { type KgxFiles, kgxFiles } from "../../src/exports/kgx.ts";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";
import { CG } from "../../src/rdf/vocab/vocabulary.ts";
import { SEED_KB } from "../helpers/serve.ts";
import { readKgxTsv } from "../helpers/table-readers.ts";

const NODE_COLUMNS = ["id", "category", "name"];
const EDGE_COLUMNS = [
  "id",
  "subject",
  "predicate",
  "object",
  "knowledge_level",
  "agent_type",
  "primary_knowledge_source",
  "publications",
];

let kg: KnowledgeGraph;
let files: KgxFiles;

beforeAll(async () => {
  kg = await openKnowledgeGraph([SEED_KB]);
  files = kgxFiles(kg, loadBiolinkMapping());
});

/** The predicates the mapping file leaves unmapped ("-"), read from the file itself. */
function unmapped(): Set<string> {
  const lines = readFileSync(join(ontologyDir(), "biolink-mapping.tsv"), "utf8").split("\n");
  return new Set(
    lines
      .map((l) => l.split("\t"))
      .filter((f) => f[0] === "predicate" && f[2] === "-")
      .map((f) => CG.iri + f[1]),
  );
}

/** Claims whose subject and object are entities, asserted (no null cell), mapped. */
function expectedEdges(): number {
  const skip = unmapped();
  return kg.graph.filterNodes((_, a) => {
    if (a.kind !== "claim" || !("iri" in a.object) || a.status) return false;
    return !!kg.entity(a.subject) && !!kg.entity(a.object.iri) && !skip.has(a.predicate);
  }).length;
}

describe("the seed as KGX TSV", () => {
  it("has a node per entity, each with a Biolink category and a unique id", () => {
    const nodes = readKgxTsv(files.nodes, NODE_COLUMNS);
    expect(nodes).toHaveLength(kg.graph.filterNodes((_, a) => a.kind === "entity").length);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    for (const n of nodes) expect(n.category, n.id).toMatch(/^biolink:[A-Z]\w+$/);
  });

  it("has an edge per claim linking two entities by a mapped predicate, its ends among the nodes", () => {
    const ids = new Set(readKgxTsv(files.nodes, NODE_COLUMNS).map((n) => n.id));
    const edges = readKgxTsv(files.edges, EDGE_COLUMNS);
    expect(edges.length).toBeGreaterThan(10);
    expect(edges).toHaveLength(expectedEdges());
    for (const e of edges) {
      expect(ids.has(e.subject as string), e.id).toBe(true);
      expect(ids.has(e.object as string), e.id).toBe(true);
      expect(e.predicate, e.id).toMatch(/^biolink:[a-z_]+$/);
      expect(e.knowledge_level).toBe("knowledge_assertion");
      expect(e.agent_type).toMatch(/^(text_mining|manual)_agent$/);
      expect(kg.claim(e.id)?.kind).toBe("claim");
    }
  });

  it("names an entity by a checked identifier's CURIE, never by one marked unverified", () => {
    const nodes = readKgxTsv(files.nodes, NODE_COLUMNS);
    const byName = new Map(nodes.map((n) => [n.name, n.id]));
    expect(byName.get("desipramine")).toBe("CHEBI:47781");
    // fluoxetine's ChEBI id is only "likely" (unverified): its DrugBank id is used instead.
    expect(byName.get("fluoxetine")).toBe("DRUGBANK:DB00472");
    const unnamed = nodes.find((n) => !/^[A-Za-z.]+:[^/]/.test(n.id as string));
    expect(unnamed?.id).toMatch(/^https:\/\//);
  });

  it("lists a cited work's PMID among an edge's publications", () => {
    const edges = readKgxTsv(files.edges, EDGE_COLUMNS);
    const pubs = edges.flatMap((e) => (e.publications as string).split("|")).filter(Boolean);
    expect(pubs.some((p) => /^PMID:\d+$/.test(p))).toBe(true);
  });

  it("is the same bytes every time", () => {
    expect(kgxFiles(kg, loadBiolinkMapping())).toEqual(files);
  });
});
