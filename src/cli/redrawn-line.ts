/**
 * One line redrawn in place on a terminal, as progress lines are: at most ten redraws a
 * second (the last value always drawn), each line made for the terminal's width at that
 * moment, the rest of a longer line before it erased, and a line break once done; silent
 * when the stream is not a terminal. The build's bar and compare's count of claims read
 * draw their lines through it.
 */

/** Erases what a longer line drawn before left on the right. */
const ERASE_TO_END = "\x1b[K";

export function redrawnLine<T>(
  stream: NodeJS.WriteStream,
  lineOf: (value: T, elapsed: number, columns: number | undefined) => string,
  isLast: (value: T) => boolean,
  clock: () => number = Date.now,
): ((value: T) => void) & { done(): void } {
  const started = clock();
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const update = (value: T) => {
    if (stream.isTTY !== true) return;
    const now = clock();
    if (now - last < 100 && !isLast(value)) return;
    last = now;
    stream.write(`\r${lineOf(value, (now - started) / 1000, stream.columns)}${ERASE_TO_END}`);
    drawn = true;
  };
  return Object.assign(update, {
    done: () => {
      if (drawn) stream.write("\n");
    },
  });
}
