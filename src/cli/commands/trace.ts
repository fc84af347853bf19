/** `claimgraph trace QUERY`: a claim, an entity, a reference or an identifier, traced to its sources. */
import type { Command } from "commander";
import type { CommandContext } from "../context.ts";
import {
  addKbOption,
  parseLimit,
  parseOffset,
  reportWarnings,
  withWarnings,
} from "../kb-option.ts";
import { addStoreOptions, questionSource } from "../question-source.ts";
import { tracePage } from "../trace-page.ts";

/** The options `trace` is given (commander's names for them). */
interface TraceFlags {
  readonly kb?: string[];
  readonly json?: boolean;
  readonly limit: number;
  readonly offset: number;
  readonly endpoint?: string;
  readonly passwordStdin?: boolean;
  readonly allowInsecureBasic?: boolean;
}

export function registerTrace(program: Command, ctx: CommandContext): void {
  const command = addKbOption(program.command("trace"))
    .argument(
      "<query...>",
      'free text, an entity name or synonym ("NET"), a claim IRI, a reference number ("[2]") or an identifier ("pmid:12183009")',
    )
    .description(
      "show the claims a query names, each with its quote where it stands, its location and the references behind it",
    );
  addTraceOptions(command).action(async (words: string[], flags: TraceFlags) => {
    const query = words.join(" ");
    const open = async () =>
      tracePage(await questionSource(flags), query, { offset: flags.offset, limit: flags.limit });
    const [{ kg, result: traced }, { renderTrace, style }, { withAssertions }, { agreementAbout }] =
      await Promise.all([
        open(),
        import("../../trace/render.ts"),
        import("../../trace/entity-assertions.ts"),
        import("../../agreement/subject-agreement.ts"),
      ]);
    reportWarnings(kg, ctx.io);
    // Assertions group the loaded documents' claims about the traced entity (only what is
    // shown); a store answers one entity's part of the graph only, so it shows none.
    const entity = traced.entity?.id;
    const result =
      flags.endpoint || entity === undefined
        ? traced
        : withAssertions(kg, traced, agreementAbout(kg, entity));
    ctx.io.out(
      flags.json
        ? JSON.stringify(withWarnings(result, kg), null, 2)
        : renderTrace(kg, result, style(ctx.io.color ?? false)),
    );
  });
}

function addTraceOptions(command: Command): Command {
  return addStoreOptions(
    command.option("--json", "print the answer as JSON (schema: docs/trace-json.md)"),
    "answer from a remote SPARQL store the knowledge base was pushed to",
  )
    .option("--limit <n>", "claims per page; counts are always complete", parseLimit, 100)
    .option("--offset <n>", "claims to skip, for the next page", parseOffset, 0);
}
