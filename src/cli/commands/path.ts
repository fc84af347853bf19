/** `claimgraph path A B`: the claims that link two entities. */
import type { Command } from "commander";
import type { CommandContext } from "../context.ts";
import { addKbOption, openGraph, withWarnings } from "../kb-option.ts";

export function registerPath(program: Command, ctx: CommandContext): void {
  addKbOption(program.command("path"))
    .argument("<from>", "an entity name, synonym or IRI")
    .argument("<to>", "an entity name, synonym or IRI")
    .description("find the shortest chain of claims linking two entities")
    .option("--json", "print the path as JSON")
    .action(async (from: string, to: string, flags: { kb?: string[]; json?: boolean }) => {
      const [kg, { findPath }, { claimBlock, style }] = await Promise.all([
        openGraph(flags, ctx.io),
        import("../../trace/path.ts"),
        import("../../trace/render.ts"),
      ]);
      const result = findPath(kg, from, to);
      if (flags.json) {
        ctx.io.out(JSON.stringify(withWarnings(result, kg), null, 2));
        return;
      }
      if (!result.found) {
        ctx.io.out(`No path from "${from}" to "${to}": ${result.problem}.`);
        return;
      }
      const s = style(ctx.io.color ?? false);
      const chain = result.steps
        .map((st) => (st.kind === "claim" ? s.dim("[claim]") : s.bold(st.label)))
        .join(" — ");
      const out = [
        `${result.from?.label} → ${result.to?.label}: ${result.claims.length} claim${result.claims.length === 1 ? "" : "s"}`,
        chain,
      ];
      for (const c of result.claims) out.push("", ...claimBlock(kg, c, s));
      ctx.io.out(out.join("\n"));
    });
}
