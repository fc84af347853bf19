// The reader's marks (src/viewer/reader-spans.ts): spans that contain one another nest, spans
// of the same extent nest (so a click can go one further out each time), a span crossing
// another is split at the other's end, and every span of every claim keeps a mark.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MarkNode, nestSpans } from "../../src/viewer/reader-spans.ts";

/** The forest as [start, end, claim, children] for reading. */
type Shape = [number, number, number, Shape[]];
const shape = (nodes: readonly MarkNode[]): Shape[] =>
  nodes.map((n) => [n.start, n.end, n.claim, shape(n.children)]);

function all(nodes: readonly MarkNode[]): MarkNode[] {
  return nodes.flatMap((n) => [n, ...all(n.children)]);
}

describe("nestSpans", () => {
  it("nests a span inside another, and spans of one extent inside each other", () => {
    const claims = [{ spans: [[0, 20]] }, { spans: [[5, 9]] }, { spans: [[5, 9]] }] as const;
    expect(shape(nestSpans(claims))).toEqual([[0, 20, 0, [[5, 9, 1, [[5, 9, 2, []]]]]]]);
  });

  it("splits a span that crosses another at the other's end", () => {
    const claims = [{ spans: [[0, 10]] }, { spans: [[6, 15]] }] as const;
    expect(shape(nestSpans(claims))).toEqual([
      [0, 10, 0, [[6, 10, 1, []]]],
      [10, 15, 1, []],
    ]);
  });

  it("keeps the spans of one claim apart, in text order", () => {
    const claims = [
      {
        spans: [
          [20, 25],
          [0, 4],
        ],
      },
    ] as const;
    expect(shape(nestSpans(claims))).toEqual([
      [0, 4, 0, []],
      [20, 25, 0, []],
    ]);
  });

  it("covers exactly each span, with children inside their parents, for any spans", () => {
    const span = fc
      .tuple(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 30 }))
      .map(([s, n]) => [s, s + n] as const);
    fc.assert(
      fc.property(
        fc.array(fc.record({ spans: fc.array(span, { maxLength: 3 }) }), { maxLength: 12 }),
        (claims) => {
          const marks = all(nestSpans(claims));
          for (const [claim, c] of claims.entries()) {
            for (const [i, [s, e]] of c.spans.entries()) {
              const pieces = marks
                .filter((m) => m.claim === claim && m.span === i)
                .sort((x, y) => x.start - y.start);
              // The pieces of a span tile it, end to end.
              expect(pieces[0]?.start).toBe(s);
              expect(pieces.at(-1)?.end).toBe(e);
              for (let k = 1; k < pieces.length; k++)
                expect(pieces[k]?.start).toBe(pieces[k - 1]?.end);
            }
          }
          for (const m of marks)
            for (const child of m.children) {
              expect(child.start).toBeGreaterThanOrEqual(m.start);
              expect(child.end).toBeLessThanOrEqual(m.end);
            }
        },
      ),
    );
  });
});
