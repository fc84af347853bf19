// The palette: every colour of the legend (node types and claims' evidence), the dimmed grey
// and the selection colour are distinct, the selection colour is none of the others, and
// every two of them stay at least MIN_DELTA_E apart (CIEDE2000) in normal vision and for
// readers with protanopia, deuteranopia or tritanopia (simulated, Machado et al. 2009).
import { describe, expect, it } from "vitest";
import {
  DIMMED,
  EVIDENCE_KEYS,
  evidenceColour,
  HIGHLIGHT,
  legendColours,
  MIN_DELTA_E,
  nodeColour,
} from "../../src/projection/palette.ts";
import { deltaE2000, seenAs, VISIONS } from "../helpers/colour-vision.ts";

const all = [
  ...legendColours(),
  { key: "dimmed", colour: DIMMED },
  { key: "selection", colour: HIGHLIGHT },
];

describe("the colour measure", () => {
  it("gives the published CIEDE2000 differences (Sharma, Wu & Dalal 2005, pairs 1, 7 and 17)", () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 4);
  });

  it("sees red and green alike under deuteranopia, not in normal vision", () => {
    const d = (v: keyof typeof VISIONS) =>
      deltaE2000(seenAs("#d62728", VISIONS[v] ?? null), seenAs("#2ca02c", VISIONS[v] ?? null));
    expect(d("normal")).toBeGreaterThan(40);
    expect(d("deuteranopia")).toBeLessThan(d("normal") / 2);
  });
});

describe("the palette", () => {
  it("has a colour for each of the 11 types and the 3 kinds of evidence, all distinct", () => {
    expect(legendColours()).toHaveLength(14);
    const colours = all.map((c) => c.colour.toLowerCase());
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("uses the selection colour for nothing else", () => {
    expect(legendColours().map((c) => c.colour)).not.toContain(HIGHLIGHT);
    expect(DIMMED).not.toBe(HIGHLIGHT);
  });

  it("keeps every two colours apart in normal vision and three colour-vision deficiencies", () => {
    for (const [vision, matrix] of Object.entries(VISIONS)) {
      for (let i = 0; i < all.length; i++) {
        for (let j = i + 1; j < all.length; j++) {
          const a = all[i];
          const b = all[j];
          if (!a || !b) continue;
          const d = deltaE2000(seenAs(a.colour, matrix), seenAs(b.colour, matrix));
          expect(d, `${a.key} / ${b.key} (${vision})`).toBeGreaterThanOrEqual(MIN_DELTA_E);
        }
      }
    }
  });

  it("colours claims by their evidence and other nodes by type", () => {
    const claim = { kind: "claim", type: "TableCellClaim" };
    const keys = EVIDENCE_KEYS.map(({ key }) => key);
    expect(new Set(keys.map((e) => nodeColour({ ...claim, evidence: e }))).size).toBe(3);
    for (const e of keys) expect(nodeColour({ ...claim, evidence: e })).toBe(evidenceColour(e));
    const drug = nodeColour({ kind: "entity", type: "Drug", evidence: "none" });
    expect(keys.map(evidenceColour)).not.toContain(drug);
  });
});
