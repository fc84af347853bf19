// The fidelity scores held as floors (issue #11): `npm run fidelity` over the corpus
// (tests/fixtures/corpus/) and the seed, with and without graph/curation, must not fall below
// what it measured when these floors were set (each value rounded down to 2 decimals), and the
// wrong asserted triples must not grow. A reading regression fails here; an improvement should
// raise the floor it passes.
//
// The targets, not yet met (README, "Corpus and fidelity"):
//   - table cells and citations at 100%: cell precision/recall are 0.81/0.74 on the corpus and
//     0.85/0.66 on the seed;
//   - wrong asserted triples at 0: 0 on the corpus, 3 on the seed (risks the cell calls
//     "lower" asserted without their level);
//   - prose precision and recall: 0.77/0.77 on the corpus, 0.92/0.92 on the seed.
import { beforeAll, describe, expect, it } from "vitest";
import { type Fidelity, fidelity, type SetName } from "../../scripts/fidelity/fidelity.ts";
import { type KindScore, ratios } from "../../scripts/fidelity/match.ts";
import { KINDS, type Kind } from "../../scripts/fidelity/rows.ts";

/** [precision, recall] floors per kind; a kind left out has nothing to count in that set. */
type Floors = Partial<Record<Kind | "all", readonly [number, number]>>;

const FLOORS: Readonly<Record<SetName, Floors>> = {
  // Twelve documents since December 2026: the first eight, the two held out before (tuned on
  // since) and two more a helper wrote without seeing the code (tests/fixtures/corpus/README.md).
  corpus: {
    cell: [0.97, 0.96],
    "not-stated": [1, 1],
    effect: [1, 1],
    "arm-result": [0.98, 0.98],
    evidence: [1, 1],
    comparison: [0.96, 0.96],
    header: [1, 1],
    membership: [1, 1],
    prose: [0.93, 0.93],
    relation: [0.97, 0.78],
    study: [0.94, 0.94],
    arm: [0.97, 0.94],
    reference: [1, 1],
    identifier: [1, 0.98],
    all: [0.98, 0.94],
  },
  seed: {
    cell: [1, 1],
    "not-stated": [1, 1],
    effect: [1, 1],
    "arm-result": [1, 1],
    evidence: [1, 1],
    comparison: [1, 1],
    header: [1, 1],
    membership: [1, 1],
    prose: [0.92, 0.92],
    relation: [1, 0.72],
    study: [1, 1],
    arm: [1, 1],
    reference: [1, 1],
    all: [0.98, 0.92],
  },
  "seed+curation": {
    cell: [1, 1],
    "not-stated": [1, 1],
    effect: [1, 1],
    "arm-result": [1, 1],
    evidence: [1, 1],
    comparison: [1, 1],
    header: [1, 1],
    membership: [1, 1],
    prose: [0.92, 0.92],
    relation: [1, 0.92],
    study: [1, 1],
    arm: [1, 1],
    reference: [1, 1],
    all: [0.99, 0.97],
  },
};

/** Wrong asserted triples: at most these (the target is 0). */
const MAX_WRONG: Readonly<Record<SetName, number>> = {
  corpus: 0,
  seed: 0,
  "seed+curation": 0,
};

function total(kinds: Readonly<Record<Kind, KindScore>>): KindScore {
  return KINDS.reduce(
    (acc, k) => ({
      gold: acc.gold + kinds[k].gold,
      observed: acc.observed + kinds[k].observed,
      matched: acc.matched + kinds[k].matched,
    }),
    { gold: 0, observed: 0, matched: 0 },
  );
}

let result: Fidelity;

beforeAll(() => {
  result = fidelity();
});

describe("fidelity scores", () => {
  for (const set of Object.keys(FLOORS) as SetName[]) {
    it(`holds ${set} at its floors, kind by kind`, () => {
      const kinds = result.sets[set].kinds;
      for (const [kind, [precision, recall]] of Object.entries(FLOORS[set])) {
        const k = kind === "all" ? total(kinds) : kinds[kind as Kind];
        const r = ratios(k);
        expect(r.precision, `${set} ${kind} precision`).toBeGreaterThanOrEqual(precision);
        expect(r.recall, `${set} ${kind} recall`).toBeGreaterThanOrEqual(recall);
      }
    });

    it(`asserts at most ${MAX_WRONG[set]} wrong triples over ${set}`, () => {
      expect(result.sets[set].wrong.length).toBeLessThanOrEqual(MAX_WRONG[set]);
    });
  }

  it("reads the seed without graph/curation as with it, curation only adding relations", () => {
    const bare = result.sets.seed.kinds;
    const curated = result.sets["seed+curation"].kinds;
    for (const kind of KINDS) {
      expect(curated[kind].matched, kind).toBeGreaterThanOrEqual(bare[kind].matched);
      if (kind !== "relation") expect({ kind, ...curated[kind] }).toEqual({ kind, ...bare[kind] });
    }
    // Evidence types come from the rules, not from works.tsv: every reference is right bare.
    expect(ratios(bare.reference)).toEqual({ precision: 1, recall: 1 });
    expect(result.sets.seed.wrong.length).toBe(result.sets["seed+curation"].wrong.length);
  });
});
