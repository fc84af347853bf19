// compare --endpoint's count of claims read, on a fake terminal: every redraw fits the
// terminal's width, the last says all were read, throttled redraws still draw the last one,
// and nothing is drawn when stderr is not a terminal.
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/base/display-width.ts";
import { readProgress, readProgressLine } from "../../src/cli/read-progress.ts";
import { fakeStream } from "../helpers/fake-terminal.ts";

const ESC = String.fromCharCode(27);

describe("readProgress", () => {
  it("says how many of how many, with the share, time and rate", () => {
    expect(readProgressLine("reading claims", 12_000, 48_653, 30, 120)).toBe(
      "reading claims: 12,000 of 48,653 (24 %), 30.0 s, 400/s",
    );
    expect(readProgressLine("reading claims", 0, 0, 0, 120)).toBe(
      "reading claims: 0 of 0 (100 %), 0.0 s, 0/s",
    );
  });

  it("fits the terminal (no redraw wraps), and draws the last count however soon it comes", () => {
    for (const columns of [20, 60, 120]) {
      const { stream, writes } = fakeStream(columns, true);
      let now = 1000;
      const progress = readProgress("reading claims from the store", stream, () => now);
      now += 500;
      progress(200, 48_653);
      now += 50;
      progress(400, 48_653); // within 100 ms of the one before: not drawn
      now += 50;
      progress(48_653, 48_653); // the last: drawn however soon
      progress.done();
      const lines = writes
        .join("")
        .split(/[\r\n]/)
        .map((l) => l.replaceAll(`${ESC}[K`, ""))
        .filter((l) => l !== "");
      expect(lines).toHaveLength(2);
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns - 1);
      if (columns === 120) {
        expect(lines[0]).toBe("reading claims from the store: 200 of 48,653 (0 %), 0.5 s, 400/s");
        expect(lines[1]).toContain("48,653 of 48,653 (100 %), 0.6 s");
      }
      expect(writes.at(-1)).toBe("\n");
    }
  });

  it("draws nothing when the stream is not a terminal", () => {
    const { stream, writes } = fakeStream(undefined, false);
    const progress = readProgress("reading", stream);
    progress(1, 2);
    progress(2, 2);
    progress.done();
    expect(writes).toEqual([]);
  });
});
