/**
 * `claimgraph audit`: uncited and weakly supported claims, duplicate and unused references,
 * disagreements, and what the reading guessed (the needs-review section).
 */
import type { Command } from "commander";
import type { CommandContext } from "../context.ts";
import { addKbOption, openGraph, parseLimit, withWarnings } from "../kb-option.ts";

export function registerAudit(program: Command, ctx: CommandContext): void {
  addKbOption(program.command("audit"))
    .description(
      "report uncited claims, claims resting only on tertiary or consumer sources, works listed twice, references never cited, citations that resolve to nothing, and disagreements with public records; then what the loaded documents assert together and where they conflict; last, what needs review: entities and predicates minted from names, evidence types inferred by rules, prose subjects unclear or taken from the previous sentence, values off their scale, citations taken from a row label",
    )
    .option("--json", "print the report as JSON")
    .option(
      "--limit <n>",
      "findings and review items shown per kind (people's output only)",
      parseLimit,
      20,
    )
    .action(async (flags: { kb?: string[]; json?: boolean; limit: number }) => {
      const [kg, { audit, renderAudit }, { agreementOf }] = await Promise.all([
        openGraph(flags, ctx.io),
        import("../../audit/audit.ts"),
        import("../../agreement/agreement.ts"),
      ]);
      const report = audit(kg, agreementOf(kg));
      ctx.io.out(
        flags.json
          ? JSON.stringify(withWarnings(report, kg), null, 2)
          : renderAudit(report, flags.limit),
      );
    });
}
