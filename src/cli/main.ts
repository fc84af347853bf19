/**
 * The command line: a commander program with one module per command. Errors a person
 * can cause print as located diagnostics (exit 1) or usage errors (exit 2); anything
 * else is a bug and prints its stack (exit 70). Heavy modules (SHACL, JSON-LD, the SPARQL
 * store) are imported inside the commands that use them, so `trace` starts fast.
 */
import { Command, CommanderError } from "commander";
import {
  InputError,
  isClaimgraphError,
  SparqlSyntaxError,
  UsageError,
  ValidationError,
} from "../base/errors.ts";
import { VERSION } from "../base/version.ts";
import { registerAudit } from "./commands/audit.ts";
import { registerBuild } from "./commands/build.ts";
import { registerCache } from "./commands/cache.ts";
import { registerCompare } from "./commands/compare.ts";
import { registerConflicts } from "./commands/conflicts.ts";
import { registerExport } from "./commands/export.ts";
import { registerPath } from "./commands/path.ts";
import { registerPush } from "./commands/push.ts";
import { registerQuery } from "./commands/query.ts";
import { registerServe } from "./commands/serve.ts";
import { registerStart } from "./commands/start.ts";
import { registerStats } from "./commands/stats.ts";
import { registerTrace } from "./commands/trace.ts";
import { registerValidate } from "./commands/validate.ts";
import type { CommandContext } from "./context.ts";
import { type Io, processIo, renderDiagnostics, sparqlExcerpt } from "./output.ts";

export function createProgram(ctx: CommandContext): Command {
  const program = new Command("claimgraph")
    .description(
      "Turn evidence documents into a citation-graph knowledge base of traceable claims, in standard RDF.",
    )
    .version(VERSION, "-V, --version")
    .option("--color", "colour people's output even when it is not a terminal")
    .option("--no-color", "never colour (as NO_COLOR=1 does)")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: ctx.io.out, writeErr: ctx.io.err });
  program.hook("preAction", () => {
    const flag = program.opts<{ color?: boolean }>().color;
    if (flag !== undefined) ctx.io = { ...ctx.io, color: flag };
  });
  registerBuild(program, ctx);
  registerExport(program, ctx);
  registerValidate(program, ctx);
  registerTrace(program, ctx);
  registerPath(program, ctx);
  registerCompare(program, ctx);
  registerAudit(program, ctx);
  registerStats(program, ctx);
  registerConflicts(program, ctx);
  registerQuery(program, ctx);
  registerServe(program, ctx);
  registerPush(program, ctx);
  registerStart(program, ctx);
  registerCache(program, ctx);
  return program;
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: 0 };
  const program = createProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof InputError) {
    const errors = error.diagnostics.filter((d) => d.severity === "error");
    for (const text of renderDiagnostics(error.diagnostics)) io.err(text);
    io.err(
      `claimgraph: ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was written.`,
    );
    return 1;
  }
  if (error instanceof UsageError) {
    const excerpt = error instanceof SparqlSyntaxError ? sparqlExcerpt(error) : "";
    io.err(`claimgraph: ${error.message}${excerpt}${error.hint ? `\n  hint: ${error.hint}` : ""}`);
    return 2;
  }
  if (error instanceof ValidationError || isClaimgraphError(error)) {
    // A store's errors carry a hint (what to check, what to do instead).
    const hint = "hint" in error && typeof error.hint === "string" ? error.hint : "";
    io.err(`claimgraph: ${error.message}${hint ? `\n  hint: ${hint}` : ""}`);
    return 1;
  }
  io.err(
    `claimgraph: internal error (please report it):\n${(error as Error)?.stack ?? String(error)}`,
  );
  return 70;
}
