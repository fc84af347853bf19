// SourceText turns UTF-16 offsets into lines and code-point columns (what Web Annotation
// selectors count). It answers from an index of surrogate pairs; checked here against
// counting the code points one by one, on arbitrary text with lone and paired surrogates.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceText } from "../../src/document/source-text.ts";

/** Code points of text[from, to) counted one by one: a pair is one when both halves are in. */
function counted(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const pieces = fc.constantFrom("a", "é", "\n", "😀", "\uD83D", "\uDE00", "\r\n", "α", " ");
const texts = fc.array(pieces, { maxLength: 60 }).map((p) => p.join(""));

describe("SourceText", () => {
  it("gives the line and code-point column of every offset, as counting does", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const source = new SourceText("t.md", text);
        for (let offset = 0; offset <= text.length; offset++) {
          const lineStart = offset === 0 ? 0 : text.lastIndexOf("\n", offset - 1) + 1;
          const line = text.slice(0, lineStart).split("\n").length;
          expect(source.position(offset)).toEqual({
            line,
            column: counted(text, lineStart, offset) + 1,
          });
          expect(source.codePointOffset(offset)).toBe(counted(text, 0, offset));
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it("counts a pair split by the offset as two halves", () => {
    const source = new SourceText("t.md", "a😀b");
    expect(source.codePointOffset(1)).toBe(1);
    expect(source.codePointOffset(2)).toBe(2);
    expect(source.codePointOffset(3)).toBe(2);
    expect(source.codePointOffset(4)).toBe(3);
  });
});
