/**
 * `claimgraph query 'SPARQL'`: SPARQL over the knowledge base with an embedded store, or over
 * a remote store (`--endpoint`). The text is read with a SPARQL parser before anything runs:
 * updates are refused unless `--update` is given with `--endpoint` (the embedded store is in
 * memory, so an update there would change nothing).
 */
import { type Command, Option } from "commander";
import { UsageError } from "../../errors.ts";
import { DEFAULT_BASE_IRI, kbPrefixes, PREFIXES } from "../../rdf/namespaces.ts";
import type { CommandContext } from "../context.ts";
import { addKbOption, kbFiles } from "../kb-option.ts";

/** The options `query` is given (commander's names for them). */
interface QueryFlags {
  readonly kb?: string[];
  readonly format: "table" | "json" | "csv";
  readonly endpoint?: string;
  readonly passwordStdin?: boolean;
  readonly update?: boolean;
  readonly allowInsecureBasic?: boolean;
}

export function registerQuery(program: Command, ctx: CommandContext): void {
  const command = addKbOption(program.command("query"))
    .argument(
      "<sparql>",
      "a SPARQL 1.1 query; the default graph is the union of all graphs, and the prefixes of claimgraph's vocabulary (cg:, cito:, oa:, …) and knowledge base (claim:, ent:, doc:, …) are predeclared",
    )
    .description("run a SPARQL query over the knowledge base (embedded oxigraph store)");
  addQueryOptions(command).action(async (sparql: string, flags: QueryFlags) => {
    ctx.io.out(
      flags.endpoint
        ? await queryStore(flags.endpoint, sparql, flags)
        : await queryKb(sparql, flags),
    );
  });
}

function addQueryOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["table", "json", "csv"])
        .default("table"),
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

/** The answer of the remote store at `endpoint`, as it gives it in the asked format. */
async function queryStore(endpoint: string, sparql: string, flags: QueryFlags): Promise<string> {
  const [{ remoteQuery, checkUrl }, { storeCredentials }] = await Promise.all([
    import("../../store/index.ts"),
    import("../credentials.ts"),
  ]);
  checkUrl(endpoint, "--endpoint");
  const auth = await storeCredentials({ passwordStdin: flags.passwordStdin });
  const answer = await remoteQuery(endpoint, sparql, flags.format, auth, {
    update: flags.update,
    allowInsecureBasic: flags.allowInsecureBasic,
  });
  return answer.text;
}

/**
 * The answer over the --kb files in an embedded store, IRIs compacted with the predeclared
 * prefixes; the options only a remote store can honour are refused.
 */
async function queryKb(sparql: string, flags: QueryFlags): Promise<string> {
  const storeOnly = flags.update
    ? "--update"
    : flags.allowInsecureBasic
      ? "--allow-insecure-basic"
      : flags.passwordStdin
        ? "--password-stdin"
        : undefined;
  if (storeOnly)
    throw new UsageError(
      `${storeOnly} needs --endpoint`,
      "the local store holds the --kb files in memory only: an update there would change nothing; push the knowledge base and give the store's --endpoint",
    );
  const { runQuery } = await import("../../query/sparql.ts");
  // Longest namespace first, so an IRI is compacted with the most specific prefix.
  const prefixes = Object.entries({ ...PREFIXES, ...kbPrefixes(DEFAULT_BASE_IRI) }).sort(
    (a, b) => b[1].length - a[1].length,
  );
  const compact = (iri: string) => {
    const hit = prefixes.find(([, ns]) => iri.startsWith(ns) && iri.length > ns.length);
    return hit ? `${hit[0]}:${iri.slice(hit[1].length)}` : iri;
  };
  const answer = await runQuery(
    kbFiles(flags),
    sparql,
    flags.format,
    Object.fromEntries(prefixes),
    compact,
  );
  return answer.text;
}
