/** A claim's citation numbers as the viewer's lists show them. */
import { describe, expect, it } from "vitest";
import type { ClaimJson } from "../../src/trace/answers.ts";
import { cites } from "../../src/viewer/claim-line.ts";

const claim = (fields: Partial<ClaimJson>): ClaimJson =>
  ({ uncited: false, citations: [], unresolvedMarkers: [], ...fields }) as ClaimJson;
const citation = (number: number) =>
  ({ number, reference: `ref-${number}` }) as unknown as ClaimJson["citations"][number];

describe("cites", () => {
  it("lists the references, then a marker naming no entry with a question mark", () => {
    expect(cites(claim({ citations: [citation(1), citation(4)] }))).toBe("[1] [4]");
    expect(cites(claim({ citations: [citation(4)], unresolvedMarkers: [16] }))).toBe("[4] [16?]");
    expect(cites(claim({ unresolvedMarkers: [16] }))).toBe("[16?]");
    expect(cites(claim({ uncited: true }))).toBe("uncited");
  });
});
