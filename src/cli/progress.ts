/**
 * A one-line progress bar for long builds: documents, claims, elapsed time and rate,
 * redrawn in place on a terminal at most ten times a second; silent on a pipe.
 */
import type { Progress } from "../pipeline/pipeline.ts";

export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
): ((p: Progress) => void) & { done(): void } {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  const draw = (p: Progress) => {
    const elapsed = (Date.now() - started) / 1000;
    const width = 24;
    const filled = Math.round((p.documents / Math.max(1, p.of)) * width);
    const rate = elapsed > 0 ? Math.round(p.documents / elapsed) : 0;
    stream.write(
      `\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${p.documents}/${p.of} documents, ${p.claims} claims, ${elapsed.toFixed(1)} s, ${rate} documents/s `,
    );
    drawn = true;
  };
  const update = (p: Progress) => {
    const now = Date.now();
    if (now - last < 100 && p.documents < p.of) return;
    last = now;
    draw(p);
  };
  return Object.assign(update, {
    done: () => {
      if (drawn) stream.write("\n");
    },
  });
}

export function wantsProgress(
  flags: { quiet?: boolean; json?: boolean },
  stream: NodeJS.WriteStream = process.stderr,
): boolean {
  return !flags.quiet && !flags.json && stream.isTTY === true;
}
