/** The `--created DATE` and `--trusty` options of the commands that write nanopublications. */
import type { Command } from "commander";

export interface NanopubFlags {
  readonly created?: string;
  readonly trusty?: boolean;
}

export function addNanopubOptions(command: Command): Command {
  return command
    .option(
      "--created <date>",
      "the nanopublications' dct:created, an ISO 8601 date or date-time (default: each document's stated date, else none)",
    )
    .option("--trusty", "give each nanopublication a trusty URI (pub:<claim>.RA…)");
}

/** The flags as the pipeline's options take them. */
export function nanopubFlags(flags: NanopubFlags): NanopubFlags {
  return { created: flags.created, trusty: flags.trusty };
}
