// What the viewer's agreement badges and Details say of support (#15): distinct works by tier in
// the contract's order (primary, review, tertiary, consumer, unknown), documents, and evidence
// types a rule inferred said to be inferred; an assertion or a side resting on no cited work
// says so (not "0 works").
import { describe, expect, it } from "vitest";
import { supportText } from "../../src/viewer/agreement-badges.ts";
import { supportLine } from "../../src/viewer/agreement-view.ts";

const NONE = { primary: 0, review: 0, tertiary: 0, consumer: 0, unknown: 0 };

describe("a matrix badge's title (supportText)", () => {
  it.each([
    [
      { works: 3, documents: 4, support: { consumer: 1, primary: 2 }, inferred: 0 },
      "3 works: 2 primary, 1 consumer; 4 documents",
    ],
    [
      { works: 1, documents: 1, support: { tertiary: 1 }, inferred: 1 },
      "1 work: 1 tertiary; 1 document (evidence type of 1 work inferred)",
    ],
    [{ works: 0, documents: 2, support: {}, inferred: 0 }, "no cited work; 2 documents"],
  ])("%j says %j", (a, text) => {
    expect(supportText({ iri: "a", ...a })).toBe(text);
  });
});

describe("a Details line of support (supportLine)", () => {
  it("counts works by tier and says how many tiers were inferred", () => {
    expect(supportLine({ support: { ...NONE, primary: 1, tertiary: 1 }, inferred: 2 })).toBe(
      "2 works: 1 primary, 1 tertiary (evidence type of 2 works inferred)",
    );
    expect(supportLine({ support: { ...NONE, review: 1 }, inferred: 0, works: 1 })).toBe(
      "1 work: 1 review",
    );
  });

  it("says a side rests on no cited work (public records, an uncited claim)", () => {
    expect(supportLine({ support: NONE, inferred: 0 })).toBe("no cited work");
  });
});
