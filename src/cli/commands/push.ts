/**
 * `claimgraph push --endpoint URL`: the knowledge base into a SPARQL 1.1 store with the
 * Graph Store HTTP Protocol, one named graph per document and one for the shared
 * entities and works; a re-push replaces. Credentials come from CLAIMGRAPH_USER and
 * CLAIMGRAPH_PASSWORD, never from the command line, and are never printed.
 */
import { type Command, InvalidArgumentError } from "commander";
import { addKbOption } from "../kb-option.ts";
import type { CommandContext } from "../main.ts";

interface PushFlags {
  readonly kb?: string[];
  readonly endpoint: string;
  readonly graphStore?: string;
  readonly graph?: string;
  readonly maxBytes: number;
  readonly timeout: number;
  readonly retries: number;
  readonly json?: boolean;
}

const positive = (what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${what} must be a whole number ≥ 1`);
  return n;
};

export function registerPush(program: Command, ctx: CommandContext): void {
  addKbOption(program.command("push"))
    .description(
      "send the knowledge base to a SPARQL 1.1 store (Graph Store HTTP Protocol): one named graph per document and one for shared entities and works; a re-push replaces, never duplicates. Credentials: CLAIMGRAPH_USER, CLAIMGRAPH_PASSWORD",
    )
    .requiredOption(
      "--endpoint <url>",
      "the store's SPARQL endpoint, e.g. http://127.0.0.1:8890/sparql",
    )
    .option(
      "--graph-store <url>",
      "the Graph Store endpoint (default: Virtuoso's, beside --endpoint)",
    )
    .option(
      "--graph <iri>",
      "base IRI of the named graphs (default: the knowledge base's own graph/ IRIs)",
    )
    .option("--max-bytes <n>", "largest request body", positive("--max-bytes"), 10_000_000)
    .option("--timeout <ms>", "time allowed for one request", positive("--timeout"), 120_000)
    .option(
      "--retries <n>",
      "attempts per graph when the store fails or drops the connection",
      positive("--retries"),
      3,
    )
    .option("--json", "print the report as JSON")
    .action(async (flags: PushFlags) => {
      const [{ readKnowledgeBaseFiles }, store] = await Promise.all([
        import("../../graph/load.ts"),
        import("../../store/index.ts"),
      ]);
      const files = flags.kb && flags.kb.length > 0 ? flags.kb : ["graph/kb.trig"];
      const { quads } = readKnowledgeBaseFiles(files);
      const auth = store.credentialsFromEnv();
      const report = await store.push({
        endpoint: flags.endpoint,
        quads,
        ...(flags.graphStore ? { graphStore: flags.graphStore } : {}),
        ...(flags.graph ? { baseGraph: flags.graph } : {}),
        ...(auth ? { user: auth.user, password: auth.password } : {}),
        maxBytes: flags.maxBytes,
        timeoutMs: flags.timeout,
        retries: flags.retries,
      });
      if (flags.json) {
        ctx.io.out(JSON.stringify(report, null, 2));
        return;
      }
      const lines = report.graphs.map(
        (g) =>
          `  ${g.graph}  ${g.triples} triples, ${g.requests} request${g.requests === 1 ? "" : "s"}${g.attempts > 1 ? `, ${g.attempts} attempts` : ""}`,
      );
      ctx.io.out(
        [
          `pushed ${report.triples} triples in ${report.graphs.length} graphs to ${store.redactUrl(report.graphStore)} (${report.requests} requests, ${(report.bytes / 1e6).toFixed(1)} MB, ${(report.ms / 1000).toFixed(1)} s)`,
          ...lines,
        ].join("\n"),
      );
    });
}
