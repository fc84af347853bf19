/** `claimgraph trace QUERY`: a claim, an entity, a reference or an identifier, traced to its sources. */
import type { Command } from "commander";
import type { CommandContext } from "../context.ts";
import { addKbOption, openGraph, parseLimit, parseOffset, withWarnings } from "../kb-option.ts";

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
    const [kg, { trace }, { renderTrace, style }] = await Promise.all([
      openFor(query, flags, ctx),
      import("../../trace/trace.ts"),
      import("../../trace/render.ts"),
    ]);
    const result = trace(kg, query, { offset: flags.offset, limit: flags.limit });
    ctx.io.out(
      flags.json
        ? JSON.stringify(withWarnings(result, kg), null, 2)
        : renderTrace(kg, result, style(ctx.io.color ?? false)),
    );
  });
}

function addTraceOptions(command: Command): Command {
  return command
    .option("--json", "print the answer as JSON (schema: docs/trace-json.md)")
    .option(
      "--endpoint <url>",
      "answer from a remote SPARQL store the knowledge base was pushed to (credentials: CLAIMGRAPH_USER with CLAIMGRAPH_PASSWORD, a prompt on a terminal, or --password-stdin)",
    )
    .option(
      "--password-stdin",
      "with --endpoint: read the password from standard input (user: CLAIMGRAPH_USER)",
    )
    .option(
      "--allow-insecure-basic",
      "with --endpoint: answer a store's Basic authentication over plain http, which sends the password in clear (refused by default)",
    )
    .option(
      "--limit <n>",
      "claims per page (default 100); counts are always complete",
      parseLimit,
      100,
    )
    .option("--offset <n>", "claims to skip, for the next page", parseOffset, 0);
}

/** The --kb files' graph, or with --endpoint what the remote store holds about `query`. */
async function openFor(query: string, flags: TraceFlags, ctx: CommandContext) {
  if (!flags.endpoint) return openGraph(flags, ctx.io);
  const [{ remoteGraph, checkUrl }, { storeCredentials }] = await Promise.all([
    import("../../store/index.ts"),
    import("../credentials.ts"),
  ]);
  checkUrl(flags.endpoint, "--endpoint");
  const auth = await storeCredentials({ passwordStdin: flags.passwordStdin });
  return remoteGraph(flags.endpoint, query, auth, {
    allowInsecureBasic: flags.allowInsecureBasic,
  });
}
