/** The `--kb FILE` option shared by the commands that read a built knowledge base. */
import { type Command, InvalidArgumentError } from "commander";
import type { KnowledgeGraph } from "../graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../graph/open.ts";

export const DEFAULT_KB = "graph/kb.ttl";

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

/** Opens the knowledge base; a new snapshot is written after the command has answered. */
export function openGraph(flags: { kb?: string[] }): Promise<KnowledgeGraph> {
  return openKnowledgeGraph(kbFiles(flags), { snapshot: "later" });
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
