// The build's progress bar on a fake terminal: every redraw fits the terminal's width (no
// wrapped lines at 60 columns, nor at 20), and nothing is drawn when stderr is not a terminal.
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/base/display-width.ts";
import { progressBar } from "../../src/cli/progress.ts";
import type { Progress } from "../../src/pipeline/pipeline.ts";
import { fakeStream } from "../helpers/fake-terminal.ts";

const ESC = String.fromCharCode(27);
const CONTROL = new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]`, "g");

/** The lines a terminal shows: each redraw starts at `\r`, control sequences take no room. */
function drawnLines(writes: readonly string[]): string[] {
  return writes
    .join("")
    .split(/[\r\n]/)
    .map((l) => l.replace(CONTROL, ""))
    .filter((l) => l !== "");
}

const steps: Progress[] = [
  { documents: 1, of: 12000, claims: 48, quads: 900 },
  { documents: 12000, of: 12000, claims: 1234567, quads: 98765432 },
];

describe("progressBar", () => {
  it("fits the terminal at 60 and at 20 columns (no redraw wraps), the bar kept where it has room", () => {
    for (const columns of [60, 20, 120]) {
      const { stream, writes } = fakeStream(columns, true);
      const bar = progressBar(stream);
      for (const p of steps) bar(p);
      bar.done();
      const lines = drawnLines(writes);
      expect(lines.length).toBe(steps.length);
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns - 1);
      expect(lines.at(-1)).toContain("12000/12000");
      if (columns === 120) expect(lines.at(-1)).toMatch(/^\[#+\] 12000\/12000 documents/);
    }
  });

  it("draws nothing when the stream is not a terminal", () => {
    const { stream, writes } = fakeStream(undefined, false);
    const bar = progressBar(stream);
    for (const p of steps) bar(p);
    bar.done();
    expect(writes).toEqual([]);
  });
});
