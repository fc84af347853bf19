/** The `--kb FILE` option shared by the commands that read a built knowledge base. */
import { type Command, InvalidArgumentError } from "commander";
import { type Diagnostic, formatDiagnostic } from "../base/errors.ts";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { LocalQuestions } from "../query/local.ts";
import { DEFAULT_KB } from "./defaults.ts";
import type { Io } from "./output.ts";

export function addKbOption(command: Command): Command {
  return command.option(
    "--kb <file>",
    `a knowledge base in Turtle, TriG, N-Triples or N-Quads (repeatable; several files merge; default ${DEFAULT_KB})`,
    (value: string, previous: string[] = []) => [...previous, value],
  );
}

export function kbFiles(flags: { kb?: string[] }): string[] {
  return flags.kb && flags.kb.length > 0 ? flags.kb : [DEFAULT_KB];
}

/**
 * Opens the knowledge base; a new snapshot is written after the command has answered. What
 * reading found wrong without failing (a file that adds nothing) is told on `io`'s stderr.
 */
export async function openGraph(flags: { kb?: string[] }, io?: Io): Promise<KnowledgeGraph> {
  const kg = await new LocalQuestions(kbFiles(flags)).graphFor();
  if (io) reportWarnings(kg, io);
  return kg;
}

/** What reading found wrong without failing (a file that adds nothing), told on stderr. */
export function reportWarnings(kg: KnowledgeGraph, io: Io): void {
  for (const warning of kg.warnings) io.err(formatDiagnostic(warning));
}

/** A --json answer with the warnings of the knowledge base it was read from (none from a store). */
export function withWarnings<T extends object>(
  answer: T,
  kg: KnowledgeGraph,
): T & { readonly warnings: readonly Diagnostic[] } {
  return { ...answer, warnings: kg.warnings };
}

export function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`a whole number ≥ 1 is needed, not "${value}"`);
  return n;
}

export function parseOffset(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`a whole number ≥ 0 is needed, not "${value}"`);
  return n;
}
