/**
 * A one-line progress bar for long builds: documents, claims, elapsed time and rate,
 * redrawn in place on a terminal at most ten times a second; silent when stderr is not a
 * terminal. The line is sized to the terminal's width at each redraw (a resized window
 * included): the bar shrinks, then goes, then the words are cut, so no redraw wraps.
 */
import { clipToWidth, displayWidth } from "../base/display-width.ts";
import type { Progress } from "../pipeline/pipeline.ts";
import { redrawnLine } from "./redrawn-line.ts";

/** The bar's width where the terminal has room; below `MIN_BAR` columns it is left out. */
const BAR = 24;
const MIN_BAR = 5;

export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
): ((p: Progress) => void) & { done(): void } {
  return redrawnLine(stream, progressLine, (p: Progress) => p.documents >= p.of);
}

/**
 * The line drawn for `p` after `elapsed` seconds on a terminal `columns` wide: at most
 * `columns - 1` columns, as a line filling the last column wraps on some terminals.
 */
export function progressLine(p: Progress, elapsed: number, columns: number | undefined): string {
  const room = Math.max(1, (columns !== undefined && columns > 0 ? columns : 80) - 1);
  const rate = elapsed > 0 ? Math.round(p.documents / elapsed) : 0;
  const words = `${p.documents}/${p.of} documents, ${p.claims} claims, ${elapsed.toFixed(1)} s, ${rate} documents/s`;
  const barWidth = Math.min(BAR, room - displayWidth(words) - 3);
  if (barWidth < MIN_BAR) return clipToWidth(words, room);
  const filled = Math.round((Math.min(p.documents, p.of) / Math.max(1, p.of)) * barWidth);
  return `[${"#".repeat(filled)}${" ".repeat(barWidth - filled)}] ${words}`;
}

export function wantsProgress(
  flags: { quiet?: boolean; json?: boolean },
  stream: NodeJS.WriteStream = process.stderr,
): boolean {
  return !flags.quiet && !flags.json && stream.isTTY === true;
}
