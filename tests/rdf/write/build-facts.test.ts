// What the build says, checked against the source documents directly rather than against the
// committed graph/kb.* bytes (which a rebuild after a bug would update to match): the subject and
// object of every effect cell (the column's drug or class, the row's effect), the arms and
// condition of every comparative cell, and that each quote's oa:exact, oa:prefix and oa:suffix
// are exactly the characters at and around oa:start–oa:end in the source file. The expected
// entities below were read off the seed document by hand.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Term } from "@rdfjs/types";
import { Store } from "n3";
import { describe, expect, it } from "vitest";
import type { Built } from "../../../src/pipeline/pipeline.ts";
import { CG, OA, RDF } from "../../../src/rdf/vocab/vocabulary.ts";
import { SECOND_SOURCES, SEED_SOURCES, secondBuild, seedBuild } from "../../helpers/build.ts";

const ENT = "https://w3id.org/claimgraph/kb/entity/";
const SEED_FILE = join(SEED_SOURCES, "desipramine-vs-ssris.md");
const SEED_LINES = readFileSync(SEED_FILE, "utf8").split("\n");

/** The line (1-based) of the seed document that starts with `start`. */
function lineStarting(start: string): number {
  const index = SEED_LINES.findIndex((l) => l.startsWith(start));
  if (index < 0) throw new Error(`no line of the seed starts with ${start}`);
  return index + 1;
}

const stores = new Map<Built, Store>();
const storeOf = (built: Built) => {
  let store = stores.get(built);
  if (!store) {
    store = new Store([...built.quads]);
    stores.set(built, store);
  }
  return store;
};
const one = (store: Store, s: Term, p: Term) => store.getObjects(s, p, null);
const num = (store: Store, s: Term, p: Term) => Number(one(store, s, p)[0]?.value);

/** The table-cell claims of the seed at a line and a column of its table. */
function cellClaims(line: number, column: number): Term[] {
  const store = storeOf(seedBuild());
  return store
    .getSubjects(RDF.type, CG.TableCellClaim, null)
    .filter((c) => num(store, c, CG.line) === line && num(store, c, CG.columnIndex) === column);
}

describe("the seed's side-effect table: subject is the column's drug or class, object the row's effect", () => {
  const COLUMNS = [
    [2, "desipramine"],
    [3, "selective-serotonin-reuptake-inhibitors"],
  ] as const;
  const ROWS = [
    ["<b>Anticholinergic Effects</b>", "anticholinergic-effects"],
    ["<b>Cardiovascular Effects</b>", "cardiovascular-effects"],
    ["<b>Sedation</b>", "sedation"],
    ["<b>Sexual Dysfunction</b>", "sexual-dysfunction"],
    ["<b>Nausea / GI Distress</b>", "nausea-gi-distress"],
    ["<b>Weight Gain</b>", "weight-gain"],
    ["<b>Seizure Risk</b>", "seizure"],
    ["<b>Toxicity in Overdose</b>", "overdose-toxicity"],
  ] as const;
  const cells = ROWS.flatMap(([row, effect]) =>
    COLUMNS.map(([column, drug]) => [row, column, drug, effect] as const),
  );

  it.each(cells)("%s, column %i: %s → %s", (row, column, drug, effect) => {
    const store = storeOf(seedBuild());
    const claims = cellClaims(lineStarting(row), column);
    expect(claims.length).toBeGreaterThan(0);
    const triples = claims.map((c) => [
      one(store, c, RDF.subject).map((t) => t.value),
      one(store, c, RDF.object).map((t) => t.value),
    ]);
    expect(triples).toEqual(claims.map(() => [[ENT + drug], [ENT + effect]]));
  });
});

describe("the seed's comparison table: each row compares desipramine with fluoxetine in its condition", () => {
  it.each([
    ["<b>Major Depression (Memory)</b>", "major-depressive-disorder"],
    ["<b>SSRI-Resistant Depression</b>", "ssri-resistant-depression"],
    ["<b>Treatment-Resistant OCD</b>", "treatment-resistant-ocd"],
    ["<b>Immunomodulation &amp; Cancer Metastasis</b>", "cancer-metastasis"],
  ])("%s: arms desipramine and fluoxetine, condition %s", (row, condition) => {
    const store = storeOf(seedBuild());
    const line = lineStarting(row);
    const comparisons = store
      .getSubjects(RDF.type, CG.ComparativeClaim, null)
      .filter((c) => num(store, c, CG.line) === line);
    expect(comparisons).toHaveLength(1);
    const c = comparisons[0] as Term;
    const values = (p: Term) => one(store, c, p).map((t) => t.value);
    expect(values(CG.armA)).toEqual([`${ENT}desipramine`]);
    expect(values(CG.armB)).toEqual([`${ENT}fluoxetine`]);
    expect(values(CG.condition)).toEqual([ENT + condition]);
    expect(values(RDF.subject)).toEqual([`${ENT}desipramine`]);
    expect(values(RDF.object)).toEqual([`${ENT}fluoxetine`]);
  });
});

describe.each([
  ["the seed", seedBuild, SEED_FILE],
  ["the second document", secondBuild, join(SECOND_SOURCES, "nortriptyline-vs-sertraline.md")],
])("every quote of %s is the source's text where it says", (_name, built, file) => {
  /** Up to this many characters of context each side (fewer only at the ends of the text). */
  const CONTEXT = 32;

  it("oa:exact is the text from oa:start to oa:end; oa:prefix and oa:suffix are what surrounds it", () => {
    const text = readFileSync(file, "utf8");
    const points = [...text];
    /** The UTF-16 index of a code-point offset. */
    const unit = (offset: number) => points.slice(0, offset).join("").length;
    const store = storeOf(built());
    const claims = store.getSubjects(RDF.type, CG.Claim, null);
    expect(claims.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const claim of claims) {
      const quote = one(store, claim, CG.quote)[0] as Term;
      const selectors = one(store, quote, OA.hasSelector);
      const tqs = selectors.find((s) => one(store, s, OA.exact).length > 0) as Term;
      const tps = selectors.find((s) => one(store, s, OA.start).length > 0) as Term;
      const start = num(store, tps, OA.start);
      const end = num(store, tps, OA.end);
      const [i, j] = [unit(start), unit(end)];
      const got = {
        exact: one(store, tqs, OA.exact)[0]?.value,
        prefix: one(store, tqs, OA.prefix)[0]?.value,
        suffix: one(store, tqs, OA.suffix)[0]?.value,
      };
      const want = {
        exact: points.slice(start, end).join(""),
        prefix: text.slice(Math.max(0, i - CONTEXT), i),
        suffix: text.slice(j, j + CONTEXT),
      };
      if (JSON.stringify(got) !== JSON.stringify(want))
        wrong.push(`${claim.value}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });
});
