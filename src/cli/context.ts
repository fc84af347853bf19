/** What every command is given: where it writes, and the exit code it may set. */
import type { Io } from "./output.ts";

export interface CommandContext {
  /** Where output goes; `--color`/`--no-color` replace it before a command runs (main.ts). */
  io: Io;
  /** Set by a command to report a failure that is not an exception (e.g. validation). */
  exitCode: number;
}
