/**
 * A one-line progress count for a long read from a store (`compare --endpoint` reading
 * thousands of claims 50 at a time): how many of how many, elapsed time and rate, redrawn in
 * place on a terminal at most ten times a second (the last count always), sized to the
 * terminal's width; silent when its stream (stderr) is not a terminal.
 */
import { clipToWidth } from "../base/display-width.ts";

/** Erases what a longer line drawn before left on the right. */
const ERASE_TO_END = "\x1b[K";

export function readProgress(
  what: string,
  stream: NodeJS.WriteStream = process.stderr,
  clock: () => number = Date.now,
): ((read: number, of: number) => void) & { done(): void } {
  const started = clock();
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const update = (read: number, of: number) => {
    if (stream.isTTY !== true) return;
    const now = clock();
    if (now - last < 100 && read < of) return;
    last = now;
    const line = readProgressLine(what, read, of, (now - started) / 1000, stream.columns);
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
 * The line drawn after `elapsed` seconds on a terminal `columns` wide, at most `columns - 1`
 * columns (a line filling the last column wraps on some terminals): "reading claims from the
 * store: 1,200 of 39,412 (3 %), 3.1 s, 387/s".
 */
export function readProgressLine(
  what: string,
  read: number,
  of: number,
  elapsed: number,
  columns: number | undefined,
): string {
  const room = Math.max(1, (columns !== undefined && columns > 0 ? columns : 80) - 1);
  const share = of > 0 ? Math.floor((Math.min(read, of) / of) * 100) : 100;
  const rate = elapsed > 0 ? Math.round(read / elapsed) : 0;
  const n = (v: number) => v.toLocaleString("en-US");
  return clipToWidth(
    `${what}: ${n(read)} of ${n(of)} (${share} %), ${elapsed.toFixed(1)} s, ${n(rate)}/s`,
    room,
  );
}
