// Which labels are drawn while a node is hovered (the node, the selection, its most connected
// neighbours, never more than the budget) and where a label goes so that the panel's edge
// never cuts it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  HOVER_LABEL_BUDGET,
  hoverLabels,
  LABEL_GAP,
  labelPlaces,
  overlap,
  placeLabel,
} from "../../src/viewer/labels.ts";

const neighbours = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    key: `claim-${String(i).padStart(2, "0")}`,
    degree: i % 7,
  }));

describe("hoverLabels", () => {
  it("labels desipramine's 41 neighbours no more than the budget: the node and the most connected", () => {
    const labels = hoverLabels("desipramine", null, neighbours(41));
    expect(labels.size).toBe(HOVER_LABEL_BUDGET);
    expect(labels.has("desipramine")).toBe(true);
    // Degree 6 is the most: claim-06, -13, -20, -27, -34 (ties by key).
    expect([...labels]).toEqual([
      "desipramine",
      "claim-06",
      "claim-13",
      "claim-20",
      "claim-27",
      "claim-34",
    ]);
  });

  it("keeps the selection labelled within the budget", () => {
    const labels = hoverLabels("a", "selected", neighbours(20));
    expect(labels.size).toBe(HOVER_LABEL_BUDGET);
    expect([...labels].slice(0, 2)).toEqual(["a", "selected"]);
  });

  it("labels every neighbour when there are fewer than the budget", () => {
    expect([...hoverLabels("a", null, neighbours(3))].sort()).toEqual([
      "a",
      "claim-00",
      "claim-01",
      "claim-02",
    ]);
  });

  it("never exceeds the budget and gives the same labels whatever the neighbours' order", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(neighbours(30)),
        fc.integer({ min: 1, max: 10 }),
        (ns, budget) => {
          const labels = hoverLabels("x", null, ns, budget);
          expect(labels.size).toBeLessThanOrEqual(budget);
          expect(labels).toEqual(hoverLabels("x", null, [...ns].reverse(), budget));
        },
      ),
      { seed: 42 },
    );
  });
});

describe("placeLabel", () => {
  it("draws a label right of its node where it fits", () => {
    expect(placeLabel(100, 5, 80, 800)).toEqual({ x: 100 + 5 + LABEL_GAP, leftOfNode: false });
  });

  it("draws a label near the right edge to the left of its node", () => {
    const p = placeLabel(760, 5, 80, 800);
    expect(p.leftOfNode).toBe(true);
    expect(p.x + 80).toBe(760 - 5 - LABEL_GAP);
  });

  it("keeps every label whole inside the panel when it is narrower than the panel", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 800, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 800, noNaN: true }),
        (x, size, width) => {
          const p = placeLabel(x, size, width, 800);
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.x + width).toBeLessThanOrEqual(800 + 1e-9);
        },
      ),
      { seed: 42 },
    );
  });
});

describe("labelPlaces and overlap", () => {
  it("offers the right side, then the left, so a label can step aside from another", () => {
    expect(labelPlaces(400, 5, 80, 800).map((p) => p.leftOfNode)).toEqual([false, true]);
    expect(labelPlaces(760, 5, 80, 800).map((p) => p.leftOfNode)).toEqual([true]);
    expect(labelPlaces(10, 5, 790, 800)).toEqual([{ x: 10, leftOfNode: true }]);
  });

  it("tells overlapping label boxes from boxes side by side", () => {
    const a = { x: 0, y: 0, width: 100, height: 14 };
    expect(overlap(a, { x: 50, y: 5, width: 100, height: 14 })).toBe(true);
    expect(overlap(a, { x: 100, y: 0, width: 100, height: 14 })).toBe(false);
    expect(overlap(a, { x: 0, y: 14, width: 100, height: 14 })).toBe(false);
  });
});
