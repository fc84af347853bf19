// Two of the lookups a KnowledgeGraph builds on first use, reference numbers and identifiers,
// list each node once per key, in the graph's node order: checked against the same lists worked
// out apart from the nodes' attributes, on the seed's graph.
import { describe, expect, it } from "vitest";
import { graphFromQuads } from "../../src/graph/from-quads.ts";
import { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import type { NodeAttributes } from "../../src/graph/types.ts";
import { seedBuild } from "../helpers/build.ts";

const kg = new KnowledgeGraph(graphFromQuads(seedBuild().quads));

/** key → nodes, each node once, in node order, from what `keysOf` gives each node. */
function expected(keysOf: (a: NodeAttributes) => readonly (string | number)[]) {
  const out = new Map<string | number, string[]>();
  kg.forEachNode((iri, a) => {
    for (const key of new Set(keysOf(a))) out.set(key, [...(out.get(key) ?? []), iri]);
  });
  return out;
}

function sorted<K>(map: ReadonlyMap<K, readonly string[]>): Array<[K, readonly string[]]> {
  return [...map].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

describe("a knowledge graph's lookups", () => {
  it("lists every reference under its number, once, in node order", () => {
    const want = expected((a) =>
      a.kind === "reference" && a.number !== undefined ? [a.number] : [],
    );
    expect(want.size).toBeGreaterThan(5);
    expect(sorted(kg.referencesByNumber)).toEqual(sorted(want));
  });

  it("lists an entity or work once under an identifier it gives in several forms", () => {
    const forms = (id: { curie: string; scheme: string; id: string }) =>
      [id.curie, `${id.scheme}:${id.id}`, id.id].map((k) => k.toLowerCase());
    const want = expected((a) =>
      a.kind === "entity" || a.kind === "work" ? a.identifiers.flatMap(forms) : [],
    );
    // The case that needs the check: a CURIE and its scheme:id are one key once lower-cased.
    let twice = 0;
    kg.forEachNode((_, a) => {
      if (a.kind === "entity" || a.kind === "work")
        for (const id of a.identifiers) if (new Set(forms(id)).size < 3) twice++;
    });
    expect(twice).toBeGreaterThan(0);
    expect(sorted(kg.identifiers)).toEqual(sorted(want));
  });
});
