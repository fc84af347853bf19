// ontology/biolink-mapping.tsv covers claimgraph's vocabulary: every entity type, every
// domain predicate of the lexicon and every claim class is mapped or listed as unmapped; a
// broken row is reported at its line and column.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/base/errors.ts";
import { ontologyDir } from "../../src/base/paths.ts";
import { BIOLINK_MAPPING_FILE, loadBiolinkMapping } from "../../src/exports/biolink-mapping.ts";
import { ENTITY_TYPES } from "../../src/lexicon/types.ts";
import { CG } from "../../src/rdf/vocab/vocabulary.ts";
import { removeTemp, seedBuild, writeTemp } from "../helpers/build.ts";

afterAll(removeTemp);

/** The domain predicates the lexicon declares (ontology/lexicon/predicates.tsv). */
function lexiconPredicates(): string[] {
  const lines = readFileSync(join(ontologyDir(), "lexicon", "predicates.tsv"), "utf8").split("\n");
  const rows = lines.filter((l) => l.trim() !== "" && !l.startsWith("#")).slice(1);
  return [...new Set(rows.map((l) => l.split("\t")[1] as string))];
}

describe("the Biolink mapping", () => {
  const mapping = loadBiolinkMapping();

  it("lists every entity type, and maps each to a Biolink category", () => {
    for (const type of ENTITY_TYPES)
      expect(mapping.terms.category.get(type), type).toMatch(/^biolink:[A-Z]/);
  });

  it("lists every domain predicate of the lexicon, mapped or unmapped", () => {
    const predicates = lexiconPredicates();
    expect(predicates.length).toBeGreaterThan(30);
    for (const p of predicates) expect(mapping.terms.predicate.has(p), p).toBe(true);
    for (const b of mapping.terms.predicate.values())
      if (b !== null) expect(b).toMatch(/^biolink:[a-z_]+$/);
  });

  it("gives every claim class an agent type", () => {
    const classes = Object.keys(CG).filter((k) => /^[A-Z]\w*Claim$/.test(k));
    expect(classes).toContain("CuratedClaim");
    for (const c of classes) expect(mapping.terms.agent.get(c), c).toMatch(/_agent$/);
  });

  it("reports a row it cannot read at its line and column", () => {
    const good = readFileSync(join(ontologyDir(), BIOLINK_MAPPING_FILE), "utf8");
    const file = writeTemp(
      `mapping/${BIOLINK_MAPPING_FILE}`,
      `${good}colour\tDrug\tbiolink:Drug\t\n`,
    );
    const dir = dirname(file);
    const line = good.split("\n").length;
    try {
      loadBiolinkMapping(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).diagnostics[0]).toMatchObject({
        code: "BadMapping",
        line,
        column: 1,
      });
    }
  });
});

describe("the mapping and the build", () => {
  it("is no input of the build: changing it does not make `start` rebuild", () => {
    const inputs = Object.keys(seedBuild().manifest.inputs);
    expect(inputs.some((k) => k.startsWith("ontology/"))).toBe(true);
    expect(inputs.filter((k) => k.endsWith(BIOLINK_MAPPING_FILE))).toEqual([]);
  });
});
