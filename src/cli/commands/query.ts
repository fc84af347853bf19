/** `claimgraph query 'SPARQL'`: SPARQL over the knowledge base with an embedded store. */
import { type Command, Option } from "commander";
import { DEFAULT_BASE_IRI, kbPrefixes, PREFIXES } from "../../rdf/namespaces.ts";
import { addKbOption, kbFiles } from "../kb-option.ts";
import type { CommandContext } from "../main.ts";

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
    .action(
      async (
        sparql: string,
        flags: {
          kb?: string[];
          format: "table" | "json" | "csv";
          endpoint?: string;
          passwordStdin?: boolean;
        },
      ) => {
        if (flags.endpoint) {
          const [{ remoteQuery }, { storeCredentials }] = await Promise.all([
            import("../../store/index.ts"),
            import("../credentials.ts"),
          ]);
          const auth = await storeCredentials({ passwordStdin: flags.passwordStdin });
          ctx.io.out((await remoteQuery(flags.endpoint, sparql, flags.format, auth)).text);
          return;
        }
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
