/** `claimgraph cache`: where the snapshot cache is, whether it is used, what it holds; `--clear` empties it. */
import type { Command } from "commander";
import { OutputError } from "../../base/errors.ts";
import { cacheReport, clearCache, renderCacheReport } from "../../cache/report.ts";
import type { CommandContext } from "../context.ts";

export function registerCache(program: Command, ctx: CommandContext): void {
  program.addHelpText(
    "after",
    `
Environment:
  CLAIMGRAPH_CACHE_DIR  the snapshot cache (default $XDG_CACHE_HOME/claimgraph, else ~/.cache/claimgraph);
                        a folder another account owns or can write to is not used
  CLAIMGRAPH_NO_CACHE=1 open knowledge bases without the snapshot cache
  \`claimgraph cache\` shows where it is and what it holds.`,
  );
  program
    .command("cache")
    .summary("show where the snapshot cache is, whether it is used and what it holds")
    .description(
      "show where the snapshot cache is ($CLAIMGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/claimgraph, else ~/.cache/claimgraph), whether it is used or why not, what it holds and the secret keys it keeps (readings.key seals the readings builds store); CLAIMGRAPH_NO_CACHE=1 turns it off",
    )
    .option(
      "--clear",
      "remove every snapshot and temporary file from it (nothing else: the keys stay)",
    )
    .option("--json", "print the report as JSON")
    .action((flags: { clear?: boolean; json?: boolean }) => {
      let report = cacheReport();
      if (flags.clear) {
        const cleared = clearCache(report.dir);
        if ("refused" in cleared) {
          throw new OutputError(report.dir, `${cleared.refused}; nothing was removed`);
        }
        report = { ...cacheReport(), cleared };
      }
      ctx.io.out(flags.json ? JSON.stringify(report, null, 2) : renderCacheReport(report));
    });
}
