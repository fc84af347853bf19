/**
 * Whether people's output is coloured, decided once, the way Node decides it for
 * `util.styleText`: on a terminal that has colours; never with `NO_COLOR`,
 * `NODE_DISABLE_COLORS` or `TERM=dumb`; always with `FORCE_COLOR` (even piped; `FORCE_COLOR=0`
 * turns colour off). `--color` and `--no-color` overrule the environment.
 */
import { styleText } from "node:util";

/** Whether text for `stream` is coloured; `flag` is `--color` (true) or `--no-color` (false). */
export function colorFor(stream: NodeJS.WritableStream, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  // Node's own decision (environment, terminal, its colour depth), asked of styleText itself.
  return styleText("bold", "x", { stream }) !== "x";
}
