/**
 * `claimgraph push --endpoint URL`: the knowledge base into a SPARQL 1.1 store with the
 * Graph Store HTTP Protocol, one named graph per document and one for the shared
 * entities and works; a re-push replaces. `claimgraph pushed --endpoint URL` shows what a
 * store holds of it, graph by graph. Credentials come from CLAIMGRAPH_USER and
 * CLAIMGRAPH_PASSWORD, a prompt or `--password-stdin`, never from the command line, and
 * are never printed.
 */
import { type Command, InvalidArgumentError } from "commander";
import type { PushEvent, PushReport, PushStatus } from "../../store/index.ts";
import type { CommandContext } from "../context.ts";
import { storeCredentials } from "../credentials.ts";
import { DEFAULT_PUSH_KB } from "../defaults.ts";

const CREDENTIALS =
  "Credentials: CLAIMGRAPH_USER with CLAIMGRAPH_PASSWORD, or with a prompt on a terminal, or --password-stdin";

interface StoreFlags {
  readonly kb?: string[];
  readonly endpoint: string;
  readonly graphStore?: string;
  readonly graph?: string;
  readonly timeout: number;
  readonly passwordStdin?: boolean;
  readonly allowInsecureBasic?: boolean;
  readonly json?: boolean;
}

interface PushFlags extends StoreFlags {
  readonly maxBytes: number;
  readonly retries: number;
  readonly parallel: number;
  readonly quiet?: boolean;
}

const positive = (what: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`${what} must be a whole number ≥ 1`);
  return n;
};

/** The options `push` and `pushed` share: what is read, where it goes, how to log in. */
function storeCommand(command: Command): Command {
  return command
    .option(
      "--kb <file>",
      `the knowledge base: TriG, N-Quads, Turtle or N-Triples (repeatable; default ${DEFAULT_PUSH_KB})`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .requiredOption(
      "--endpoint <url>",
      "the store's SPARQL endpoint, e.g. http://127.0.0.1:8890/sparql",
    )
    .option(
      "--graph <iri>",
      "base IRI of the named graphs (default: the knowledge base's own graph/ IRIs)",
    )
    .option("--timeout <ms>", "time allowed for one request", positive("--timeout"), 120_000)
    .option("--password-stdin", "read the password from standard input (user: CLAIMGRAPH_USER)")
    .option(
      "--allow-insecure-basic",
      "answer a store's Basic authentication over plain http, which sends the password in clear (refused by default)",
    )
    .option("--json", "print the report as JSON");
}

/** The store's addresses, refused before a password is asked for if they hold credentials. */
async function checkAddresses(flags: StoreFlags) {
  const { checkUrl } = await import("../../store/index.ts");
  checkUrl(flags.endpoint, "--endpoint");
  if (flags.graphStore !== undefined) checkUrl(flags.graphStore, "--graph-store");
}

/** The knowledge base files to read; a missing file is a usage error. */
async function kbFiles(flags: StoreFlags): Promise<string[]> {
  const [{ UsageError }, { existsSync }] = await Promise.all([
    import("../../base/errors.ts"),
    import("node:fs"),
  ]);
  const files = flags.kb && flags.kb.length > 0 ? flags.kb : [DEFAULT_PUSH_KB];
  for (const file of files) {
    if (!existsSync(file))
      throw new UsageError(
        `knowledge base file "${file}" does not exist`,
        "run `claimgraph build` first, or pass --kb FILE",
      );
  }
  return files;
}

/** Registers `push` (send the knowledge base to a store) and `pushed` (what a store holds of it). */
export function registerPush(program: Command, ctx: CommandContext): void {
  pushOptions(storeCommand(program.command("push")))
    .description(
      `send the knowledge base to a SPARQL 1.1 store (Graph Store HTTP Protocol): one named graph per document, one for shared entities and works, and last the agreement graph; a re-push replaces, never duplicates. ${CREDENTIALS}`,
    )
    .action((flags: PushFlags) => runPush(flags, ctx));

  storeCommand(program.command("pushed"))
    .description(
      `show what a store holds of the knowledge base: each graph push would write, with its triples here and in the store (complete, partial, differs or missing), and the store's other graphs under the same names; exit code 1 unless every graph is complete. ${CREDENTIALS}`,
    )
    .action((flags: StoreFlags) => runPushed(flags, ctx));
}

/** The options only `push` has: where it writes, and how much at once. */
function pushOptions(command: Command): Command {
  return command
    .option(
      "--graph-store <url>",
      "the Graph Store endpoint (default: Virtuoso's, beside --endpoint)",
    )
    .option("--max-bytes <n>", "largest request body", positive("--max-bytes"), 10_000_000)
    .option(
      "--retries <n>",
      "times a request is sent again when the store fails, drops the connection or does not answer in time",
      positive("--retries"),
      3,
    )
    .option(
      "--parallel <n>",
      "graphs written at once (for stores that take writes side by side; Virtuoso does not)",
      positive("--parallel"),
      1,
    )
    .option("--quiet", "no progress on the terminal");
}

/** `push`: sends every graph and prints the report. */
async function runPush(flags: PushFlags, ctx: CommandContext): Promise<void> {
  await checkAddresses(flags);
  const auth = await storeCredentials({ passwordStdin: flags.passwordStdin });
  const [files, store] = await Promise.all([kbFiles(flags), import("../../store/index.ts")]);
  // On a terminal, each graph is named as it lands: a push that fails half-way has said
  // what it wrote (and `claimgraph pushed` says it again later).
  const live = !flags.quiet && !flags.json && process.stderr.isTTY === true;
  const report = await store.push({
    endpoint: flags.endpoint,
    files,
    baseGraph: flags.graph,
    ...(flags.graphStore ? { graphStore: flags.graphStore } : {}),
    ...(auth ? { user: auth.user, password: auth.password } : {}),
    maxBytes: flags.maxBytes,
    timeoutMs: flags.timeout,
    retries: flags.retries,
    parallel: flags.parallel,
    allowInsecureBasic: flags.allowInsecureBasic,
    onProgress: live ? progressPrinter(ctx) : () => {},
  });
  if (flags.json) {
    ctx.io.out(JSON.stringify(report, null, 2));
    return;
  }
  ctx.io.out(pushText(report, store.redactUrl));
}

/** Says what the push will write once it is read, then names each graph as it lands, and each retry. */
function progressPrinter(ctx: CommandContext): (event: PushEvent) => void {
  let done = 0;
  let total = 0;
  return (event) => {
    if (event.kind === "plan") {
      total = event.graphs;
      ctx.io.err(`  read ${event.quads} quads: ${total} graphs to write`);
    } else if (event.kind === "graph") {
      done += 1;
      ctx.io.err(`  [${done}/${total}] ${event.report.graph}`);
    } else if (event.kind === "retry") {
      ctx.io.err(
        `  sending a request of <${event.graph}> again (attempt ${event.attempt}): ${event.reason}`,
      );
    }
  };
}

/** The push report as text: the totals, then one line per graph. */
function pushText(report: PushReport, redactUrl: (url: string) => string): string {
  const lines = report.graphs.map(
    (g) =>
      `  ${g.graph}  ${g.triples} triples, ${g.requests} request${g.requests === 1 ? "" : "s"}${g.attempts > 1 ? `, ${g.attempts} attempts` : ""}`,
  );
  return [
    `pushed ${report.triples} triples in ${report.graphs.length} graphs to ${redactUrl(report.graphStore)} (${report.requests} requests, ${(report.bytes / 1e6).toFixed(1)} MB, ${(report.ms / 1000).toFixed(1)} s)`,
    ...lines,
  ].join("\n");
}

/** `pushed`: compares the store's graphs with the knowledge base's; exit code 1 unless complete. */
async function runPushed(flags: StoreFlags, ctx: CommandContext): Promise<void> {
  await checkAddresses(flags);
  const auth = await storeCredentials({ passwordStdin: flags.passwordStdin });
  const [files, store] = await Promise.all([kbFiles(flags), import("../../store/index.ts")]);
  const groups = store.countGraphs(store.filesPass(files), flags.graph);
  const status = await store.pushStatus(flags.endpoint, groups, {
    auth,
    timeoutMs: flags.timeout,
    allowInsecureBasic: flags.allowInsecureBasic,
  });
  if (!status.complete) ctx.exitCode = 1;
  if (flags.json) {
    ctx.io.out(JSON.stringify(status, null, 2));
    return;
  }
  ctx.io.out(pushedText(status, groups.length, store.redactUrl));
}

/** The push status as text: how many graphs are complete, then one line per graph. */
function pushedText(status: PushStatus, total: number, redactUrl: (url: string) => string): string {
  const width = Math.max(...status.graphs.map((g) => g.graph.length), 0);
  return [
    `${redactUrl(status.endpoint)}: ${status.graphs.filter((g) => g.state === "complete").length} of ${total} graphs complete${status.extra.length > 0 ? `, ${status.extra.length} other graph${status.extra.length === 1 ? "" : "s"} under the same names` : ""}`,
    ...status.graphs.map(
      (g) => `  ${g.graph.padEnd(width)}  ${g.state.padEnd(8)}  ${g.stored} of ${g.local} triples`,
    ),
    ...status.extra.map(
      (g) => `  ${g.graph.padEnd(width)}  not in this knowledge base, ${g.stored} triples`,
    ),
  ].join("\n");
}
