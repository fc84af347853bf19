/** `claimgraph trace QUERY`: a claim, an entity, a reference or an identifier, traced to its sources. */
import type { Command } from "commander";
import { addKbOption, openGraph, parseLimit } from "../kb-option.ts";
import type { CommandContext } from "../main.ts";

export function registerTrace(program: Command, ctx: CommandContext): void {
  addKbOption(program.command("trace"))
    .argument(
      "<query...>",
      'free text, an entity name or synonym ("NET"), a claim IRI, a reference number ("[2]") or an identifier ("pmid:12183009")',
    )
    .description(
      "show the claims a query names, each with its quote where it stands, its location and the references behind it",
    )
    .option("--json", "print the answer as JSON (schema: docs/trace-json.md)")
    .option(
      "--limit <n>",
      "show at most n claims (people's output only; --json gives all)",
      parseLimit,
      100,
    )
    .action(async (words: string[], flags: { kb?: string[]; json?: boolean; limit: number }) => {
      const [kg, { trace }, { renderTrace, style }] = await Promise.all([
        openGraph(flags),
        import("../../trace/trace.ts"),
        import("../../trace/render.ts"),
      ]);
      const result = trace(kg, words.join(" "));
      ctx.io.out(
        flags.json
          ? JSON.stringify(result, null, 2)
          : renderTrace(kg, result, style(ctx.io.color ?? false), flags.limit),
      );
    });
}
