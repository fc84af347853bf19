/**
 * A one-line progress bar for long builds: documents, claims, elapsed time and rate,
 * redrawn in place on a terminal at most ten times a second; silent when stderr is not a
 * terminal. The line is sized to the terminal's width at each redraw (a resized window
 * included): the bar shrinks, then goes, then the words are cut, so no redraw wraps.
 */
import { clipToWidth, displayWidth } from "../base/display-width.ts";
import type { Progress } from "../pipeline/pipeline.ts";

/** The bar's width where the terminal has room; below `MIN_BAR` columns it is left out. */
const BAR = 24;
const MIN_BAR = 5;
/** Erases what a longer line drawn before left on the right. */
const ERASE_TO_END = "\x1b[K";

export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
): ((p: Progress) => void) & { done(): void } {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  const update = (p: Progress) => {
    if (stream.isTTY !== true) return;
    const now = Date.now();
    if (now - last < 100 && p.documents < p.of) return;
    last = now;
    const line = progressLine(p, (now - started) / 1000, stream.columns);
    stream.write(`\r${line}${ERASE_TO_END}`);
    drawn = true;
  };
  return Object.assign(update, {
    done: () => {
      if (drawn) stream.write("\n");
    },
  });
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
