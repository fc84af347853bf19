/** `claimgraph stats`: counts by type, by evidence type, cited and uncited, per document. */
import type { Command } from "commander";
import type { CommandContext } from "../context.ts";
import { addKbOption, openGraph, withWarnings } from "../kb-option.ts";

export function registerStats(program: Command, ctx: CommandContext): void {
  addKbOption(program.command("stats"))
    .description(
      "count nodes and claims by type, claims by evidence type, cited and uncited, per document",
    )
    .option("--json", "print the counts as JSON")
    .action(async (flags: { kb?: string[]; json?: boolean }) => {
      const [kg, { renderStats, stats }] = await Promise.all([
        openGraph(flags, ctx.io),
        import("../../audit/stats.ts"),
      ]);
      const result = stats(kg);
      ctx.io.out(
        flags.json ? JSON.stringify(withWarnings(result, kg), null, 2) : renderStats(result),
      );
    });
}
