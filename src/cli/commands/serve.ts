/** `claimgraph serve`: the viewer for a knowledge base, on 127.0.0.1 unless told otherwise. */
import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { UsageError } from "../../base/errors.ts";
import { packageRoot } from "../../base/paths.ts";
import { parseOrigin } from "../../server/cors.ts";
import type { RunningServer } from "../../server/server.ts";
import { DEFAULT_QUERY_LIMIT, DEFAULT_QUERY_TIMEOUT_MS } from "../../server/sparql-endpoint.ts";
import type { CommandContext } from "../context.ts";
import { addKbOption, kbFiles, openGraph } from "../kb-option.ts";

export interface ServeFlags {
  readonly kb?: string[];
  readonly port: number;
  readonly host: string;
  readonly allowHost?: string[];
  readonly queryTimeout: number;
  readonly queryLimit: number;
  readonly cors?: string[];
}

export const DEFAULT_PORT = 8787;

export function addServeOptions(command: Command): Command {
  return command
    .option(
      "--port <n>",
      `port to listen on (0: any free port; when ${DEFAULT_PORT} is taken, ${DEFAULT_PORT + 1}, then ${DEFAULT_PORT + 2}, then any free one)`,
      parsePort,
      DEFAULT_PORT,
    )
    .option(
      "--host <address>",
      "address to listen on; anything but loopback exposes the knowledge base to the network",
      "127.0.0.1",
    )
    .option(
      "--allow-host <name>",
      "also answer requests sent to this host name (repeatable); others get 421, so a web page cannot reach the server under its own name (DNS rebinding)",
      (value: string, previous: string[] = []) => [...previous, parseHostName(value)],
    )
    .option(
      "--query-timeout <ms>",
      `time limit of each /sparql query in milliseconds; a query over it is stopped and refused with 503`,
      (value: string) => parseWhole(value, "--query-timeout", MAX_QUERY_TIMEOUT_MS),
      DEFAULT_QUERY_TIMEOUT_MS,
    )
    .option(
      "--query-limit <rows>",
      `most rows (or triples) a /sparql answer may hold; a larger answer is refused with 400, never cut`,
      (value: string) => parseWhole(value, "--query-limit", Number.MAX_SAFE_INTEGER),
      DEFAULT_QUERY_LIMIT,
    )
    .option(
      "--cors <origin>",
      "let web pages of this origin (scheme://host[:port], exactly; * only if given as such) query /sparql (repeatable); off by default",
      (value: string, previous: string[] = []) => [...previous, parseCors(value)],
    );
}

export function registerServe(program: Command, ctx: CommandContext): void {
  addServeOptions(addKbOption(program.command("serve")))
    .description("serve the viewer for a knowledge base and print its address; stop with Ctrl-C")
    .action((flags: ServeFlags) => serve(flags, ctx));
}

export async function serve(flags: ServeFlags, ctx: CommandContext): Promise<void> {
  const viewerDir = builtViewer();
  const files = kbFiles(flags);
  const [kg, { startServer }] = await Promise.all([
    openGraph(flags, ctx.io),
    import("../../server/server.ts"),
  ]);
  if (!isLoopback(flags.host)) {
    ctx.io.err(
      `claimgraph: warning: listening on ${flags.host}: anyone who can reach this address can read the knowledge base`,
    );
  }
  const server = await listen(flags, (port) =>
    startServer({
      kg,
      viewerDir,
      kbFiles: files,
      host: flags.host,
      port,
      allowHosts: flags.allowHost ?? [],
      sparql: {
        timeoutMs: flags.queryTimeout,
        limit: flags.queryLimit,
        cors: flags.cors ?? [],
      },
    }),
  );
  if (!server) return;
  const nodes = server.view.overview
    ? `an overview of ${server.view.nodes.length} of ${server.view.totalNodes} nodes`
    : `${server.view.nodes.length} nodes, ${server.view.edges.length} edges`;
  ctx.io.out(`claimgraph viewer: ${server.url}  (${nodes}; Ctrl-C stops it)`);
  ctx.io.out(`SPARQL endpoint: ${server.url}sparql`);
  await untilStopped(server);
}

/** The folder of the built viewer, which `npm ci` builds. */
function builtViewer(): string {
  const viewerDir = join(packageRoot(), "dist", "viewer");
  if (!existsSync(join(viewerDir, "index.html"))) {
    throw new UsageError(
      "the viewer is not built",
      "run `npm run build:viewer` (npm ci builds it)",
    );
  }
  return viewerDir;
}

/**
 * The server started on the port asked for; on the default port, when it is taken, on the
 * next two, then on any free one.
 */
async function listen(
  flags: ServeFlags,
  start: (port: number) => Promise<RunningServer>,
): Promise<RunningServer | undefined> {
  const ports =
    flags.port === DEFAULT_PORT
      ? [DEFAULT_PORT, DEFAULT_PORT + 1, DEFAULT_PORT + 2, 0]
      : [flags.port];
  for (const port of ports) {
    try {
      return await start(port);
    } catch (error) {
      // Only a socket's own error is about listening; anything else is reported as it is.
      if (typeof (error as NodeJS.ErrnoException).code !== "string") throw error;
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === ports.at(-1)) {
        throw new UsageError(
          `cannot listen on ${flags.host}:${port}: ${(error as Error).message}`,
          "choose another --port",
        );
      }
    }
  }
  return undefined;
}

/** Runs until SIGINT or SIGTERM, then closes the server. */
function untilStopped(server: RunningServer): Promise<void> {
  return new Promise<void>((done) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      server.close().then(done, done);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`a port from 0 to 65535 is needed, not "${value}"`);
  return n;
}

/** A host name or IP address as `--allow-host` takes it: no port, scheme or path. */
function parseHostName(value: string): string {
  const name = value.trim();
  if (isIP(name) || isIP(name.replace(/^\[(.*)\]$/, "$1"))) return name;
  if (/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(name))
    return name;
  throw new InvalidArgumentError(
    `a host name or IP address is needed (no port, scheme or path), not "${value}"`,
  );
}

/** The longest --query-timeout: a day (Node's timers hold at most 2^31 − 1 ms). */
const MAX_QUERY_TIMEOUT_MS = 86_400_000;

function parseWhole(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max)
    throw new InvalidArgumentError(`${flag} takes a whole number ≥ 1 and ≤ ${max}, not "${value}"`);
  return n;
}

function parseCors(value: string): string {
  const origin = parseOrigin(value.trim());
  if (origin === undefined)
    throw new InvalidArgumentError(
      `an origin is needed: scheme://host[:port] with no path or trailing slash (or *), not "${value}"`,
    );
  return origin;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}
