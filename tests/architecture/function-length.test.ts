/**
 * No function in `src/` grows past LIMIT lines (a screen: what can be read at once, #12). The
 * functions still over it are listed with their length today and why they wait: each may shrink
 * and must then leave the list (or lower its number), never grow, so the limit only tightens.
 */
import { describe, expect, it } from "vitest";
import { functionLengths } from "../helpers/function-lengths.ts";

const LIMIT = 50;

/**
 * `file:function` → the most lines it may span, and why it is still over LIMIT. Empty: every
 * function is within the limit; an entry added here must say why and may only shrink.
 */
const WAITING: Readonly<Record<string, { lines: number; why: string }>> = {};

const lengths = functionLengths(process.cwd());

describe(`functions in src/ span at most ${LIMIT} lines`, () => {
  it("finds the functions it measures", () => {
    expect(lengths.some((f) => f.key === "src/document/parse.ts:parseDocument")).toBe(true);
  });

  it("has no function over the limit that is not on the waiting list", () => {
    const over = lengths.filter((f) => f.lines > LIMIT && !(f.key in WAITING));
    expect(over.map((f) => `${f.key} (${f.lines} lines)`)).toEqual([]);
  });

  it("lets no waiting function grow, and drops those that shrank under the limit", () => {
    const stale = Object.entries(WAITING).flatMap(([key, { lines }]) => {
      // A name can be bound more than once in a file (a local arrow beside the function):
      // the longest is the one waiting.
      const longest = Math.max(0, ...lengths.filter((f) => f.key === key).map((f) => f.lines));
      if (longest === 0) return [`${key}: not found, remove it from the list`];
      if (longest > lines) return [`${key}: ${longest} lines, more than the ${lines} allowed`];
      if (longest <= LIMIT) return [`${key}: ${longest} lines, under the limit: remove it`];
      return [];
    });
    expect(stale).toEqual([]);
  });
});
