/** `claimgraph conflicts`: claims of the loaded documents that cannot both hold (issue #15). */
import type { Command } from "commander";
import type { CommandContext } from "../context.ts";
import { addKbOption, openGraph, withWarnings } from "../kb-option.ts";

export function registerConflicts(program: Command, ctx: CommandContext): void {
  addKbOption(program.command("conflicts"))
    .description(
      "list claims that cannot both hold (rules in ontology/conflict-rules.tsv): counts first, then each conflict with both sides, their quotes, places and citations",
    )
    .option("--json", "print the counts and conflicts as JSON")
    .action(async (flags: { kb?: string[]; json?: boolean }) => {
      const [kg, { conflictReport, renderConflicts }] = await Promise.all([
        openGraph(flags, ctx.io),
        import("../../agreement/conflict-report.ts"),
      ]);
      const report = conflictReport(kg);
      ctx.io.out(
        flags.json ? JSON.stringify(withWarnings(report, kg), null, 2) : renderConflicts(report),
      );
    });
}
