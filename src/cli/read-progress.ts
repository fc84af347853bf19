/**
 * A one-line progress count for a long read from a store (`compare --endpoint` reading
 * thousands of claims 50 at a time): how many of how many, elapsed time and rate, redrawn in
 * place on a terminal as the build's bar is (redrawn-line.ts).
 */
import { clipToWidth } from "../base/display-width.ts";
import { redrawnLine } from "./redrawn-line.ts";

export function readProgress(
  what: string,
  stream: NodeJS.WriteStream = process.stderr,
  clock: () => number = Date.now,
): ((read: number, of: number) => void) & { done(): void } {
  const line = redrawnLine(
    stream,
    ([read, of]: [number, number], elapsed, columns) =>
      readProgressLine(what, read, of, elapsed, columns),
    ([read, of]) => read >= of,
    clock,
  );
  return Object.assign((read: number, of: number) => line([read, of]), { done: line.done });
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
