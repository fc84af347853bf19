/**
 * `claimgraph query 'SPARQL'`: SPARQL over the knowledge base with an embedded store, or over
 * a remote store (`--endpoint`). The text is read with a SPARQL parser before anything runs:
 * updates are refused unless `--update` is given with `--endpoint` (the embedded store is in
 * memory, so an update there would change nothing).
 */
import { type Command, Option } from "commander";
import { UsageError } from "../../base/errors.ts";
import { DEFAULT_BASE_IRI, kbPrefixes, PREFIXES } from "../../rdf/vocab/namespaces.ts";
import type { CommandContext } from "../context.ts";
import { addKbOption, kbFiles } from "../kb-option.ts";

export function registerQuery(program: Command, ctx: CommandContext): void {
  addKbOption(program.command("query"))
    .argument(
      "<sparql>",
      "a SPARQL 1.1 query; the default graph is the union of all graphs, and the prefixes of claimgraph's vocabulary (cg:, cito:, oa:, …) and knowledge base (claim:, ent:, doc:, …) are predeclared",
    )
    .description("run a SPARQL query over the knowledge base (embedded oxigraph store)")
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
    )
    .action(
      async (
        sparql: string,
        flags: {
          kb?: string[];
          format: "table" | "json" | "csv";
          endpoint?: string;
          passwordStdin?: boolean;
          update?: boolean;
          allowInsecureBasic?: boolean;
        },
      ) => {
        if (flags.endpoint) {
          const [{ remoteQuery, checkUrl }, { storeCredentials }] = await Promise.all([
            import("../../store/index.ts"),
            import("../credentials.ts"),
          ]);
          checkUrl(flags.endpoint, "--endpoint");
          const auth = await storeCredentials({ passwordStdin: flags.passwordStdin });
          const answer = await remoteQuery(flags.endpoint, sparql, flags.format, auth, {
            update: flags.update,
            allowInsecureBasic: flags.allowInsecureBasic,
          });
          ctx.io.out(answer.text);
          return;
        }
        if (flags.update || flags.allowInsecureBasic || flags.passwordStdin)
          throw new UsageError(
            `${flags.update ? "--update" : flags.allowInsecureBasic ? "--allow-insecure-basic" : "--password-stdin"} needs --endpoint`,
            "the local store holds the --kb files in memory only: an update there would change nothing; push the knowledge base and give the store's --endpoint",
          );
        const { runQuery } = await import("../../query/sparql.ts");
        const prefixes = Object.entries({
          ...PREFIXES,
          ...kbPrefixes(DEFAULT_BASE_IRI),
        }).sort((a, b) => b[1].length - a[1].length);
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
        ctx.io.out(answer.text);
      },
    );
}
