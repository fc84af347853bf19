/**
 * `claimgraph query 'SPARQL'`: SPARQL over the knowledge base with an embedded store, or over
 * a remote store (`--endpoint`). The text is read with a SPARQL parser before anything runs:
 * updates are refused unless `--update` is given with `--endpoint` (the embedded store is in
 * memory, so an update there would change nothing).
 */
import { type Command, Option } from "commander";
import { SparqlSyntaxError } from "../../base/errors.ts";
import type { CommandContext } from "../context.ts";
import { addKbOption, parseOffset } from "../kb-option.ts";
import { queryText } from "../query-file.ts";
import { questionSource } from "../question-source.ts";

/** The options `query` is given (commander's names for them). */
interface QueryFlags {
  readonly kb?: string[];
  readonly format: "table" | "json" | "csv";
  readonly endpoint?: string;
  readonly passwordStdin?: boolean;
  readonly update?: boolean;
  readonly allowInsecureBasic?: boolean;
  readonly maxWidth?: number;
  readonly file?: string;
}

/** Table cells are cut at this many columns on a terminal, unless --max-width says otherwise. */
const TERMINAL_MAX_CELL = 60;

export function registerQuery(program: Command, ctx: CommandContext): void {
  const command = addKbOption(program.command("query"))
    .argument(
      "[sparql]",
      "a SPARQL 1.1 query; the default graph is the union of all graphs, and the prefixes of claimgraph's vocabulary (cg:, cito:, oa:, …) and knowledge base (claim:, ent:, doc:, …) are predeclared",
    )
    .description("run a SPARQL query over the knowledge base (embedded oxigraph store)");
  addQueryOptions(command).action(async (sparql: string | undefined, flags: QueryFlags) => {
    const query = queryText(sparql, flags.file);
    const source = await questionSource(flags, { storeFlagsNeedEndpoint: true });
    const maxCell = flags.maxWidth ?? (ctx.io.terminal ? TERMINAL_MAX_CELL : 0);
    try {
      const answer = await source.query(query.text, flags.format, {
        update: flags.update,
        maxCell: maxCell > 0 ? maxCell : undefined,
      });
      ctx.io.out(answer.text);
    } catch (error) {
      // The text came from a file: its errors are located in the file.
      if (query.file && error instanceof SparqlSyntaxError) throw error.inFile(query.file);
      throw error;
    }
  });
}

function addQueryOptions(command: Command): Command {
  return command
    .option(
      "--file <path>",
      "read the query from this file instead of the argument (errors located at file:line:column)",
    )
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["table", "json", "csv"])
        .default("table"),
    )
    .option(
      "--max-width <columns>",
      `with --format table: cut cells at this many columns, 0 never (default: ${TERMINAL_MAX_CELL} on a terminal, whole cells when piped)`,
      parseOffset,
    )
    .option(
      "--endpoint <url>",
      "run the query on a remote SPARQL endpoint instead (credentials: CLAIMGRAPH_USER with CLAIMGRAPH_PASSWORD, a prompt on a terminal, or --password-stdin)",
    )
    .option(
      "--password-stdin",
      "with --endpoint: read the password from standard input (user: CLAIMGRAPH_USER)",
    )
    .option(
      "--update",
      "with --endpoint: run a SPARQL update (INSERT, DELETE, CLEAR, DROP, LOAD, …) too; without it updates are refused before anything is sent",
    )
    .option(
      "--allow-insecure-basic",
      "with --endpoint: answer a store's Basic authentication over plain http, which sends the password in clear (refused by default)",
    );
}
