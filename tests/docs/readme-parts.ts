// The parts of README.md a test can hold to the code: fenced blocks with the annotation on the
// line before them, inline code spans, command usages with their options, SPARQL examples.
//
// Annotations (an HTML comment on the line just before a fence; a reader never sees it):
//   <!-- readme-test: skip: REASON -->   the block is not run (reported with its reason), e.g.
//                                         it needs a running Virtuoso or serves until Ctrl-C
// A fence with no language whose first line starts with "$ " is a transcript: each "$ " line
// is run and what it prints must be the lines below it.

export interface Block {
  /** The fence's language ("sh", "bash", "turtle", "sparql"; "" for none). */
  readonly lang: string;
  readonly lines: readonly string[];
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** What the annotation says ("skip: …"), or undefined without one. */
  readonly annotation: string | undefined;
}

const ANNOTATION = /^<!--\s*readme-test:\s*(.*?)\s*-->$/;

/** Every fenced block of `markdown`, in order. */
export function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i] as string);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end === -1) throw new Error(`README.md:${i + 1}: a fence that never closes`);
    const before = i > 0 ? ANNOTATION.exec((lines[i - 1] as string).trim()) : null;
    blocks.push({
      lang: open[1] as string,
      lines: lines.slice(i + 1, end),
      line: i + 1,
      annotation: before?.[1],
    });
    i = end;
  }
  return blocks;
}

/** The reason a block is not run, or undefined when it is; throws on an unknown annotation. */
export function skipReason(block: Block): string | undefined {
  if (block.annotation === undefined) return undefined;
  const skip = /^skip:\s*(.+)$/.exec(block.annotation);
  if (!skip) {
    throw new Error(`README.md:${block.line - 1}: unknown annotation "${block.annotation}"`);
  }
  return skip[1];
}

export const isShell = (b: Block): boolean => b.lang === "sh" || b.lang === "bash";
export const isTranscript = (b: Block): boolean => b.lang === "" && /^\$ /.test(b.lines[0] ?? "");

/** A transcript's commands, each with the lines it prints. */
export function transcriptSteps(block: Block): { command: string; output: string[] }[] {
  const steps: { command: string; output: string[] }[] = [];
  for (const line of block.lines) {
    if (line.startsWith("$ ")) steps.push({ command: line.slice(2), output: [] });
    else steps.at(-1)?.output.push(line);
  }
  return steps;
}

/** The text outside fenced blocks (where inline code spans and tables are). */
export function prose(markdown: string): string {
  return markdown.replace(/^```\w*\s*\n[\s\S]*?^```\s*$/gm, "");
}

/** Every inline code span of `text`. */
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] as string);
}

/** A command of `commands` and the options a usage names (`claimgraph query --endpoint URL`). */
export function usageOf(
  text: string,
  commands: ReadonlySet<string>,
): { command: string; options: string[] } | undefined {
  const m = /^(?:(?:npx )?claimgraph )?([a-z]+)\b(.*)$/.exec(text.trim());
  if (!m || !commands.has(m[1] as string)) return undefined;
  if (!/^(?:npx )?claimgraph /.test(text.trim()) && !/^ --/.test(m[2] as string)) return undefined;
  // Quoted arguments (a SPARQL text) name no options.
  const rest = (m[2] as string).replace(/'[^']*'/g, "");
  return {
    command: m[1] as string,
    options: [...rest.matchAll(/--[a-z][a-z-]*/g)].map((o) => o[0]),
  };
}

/** The SPARQL text of each `claimgraph query … 'SPARQL'` in a shell block. */
export function queriesInShell(block: Block): string[] {
  const text = block.lines.join("\n");
  return [...text.matchAll(/claimgraph query\b[^'\n]*'([^']+)'/g)].map((m) => m[1] as string);
}

/** An inline span that is a graph pattern (`?c cito:citesAsEvidence ?w . ?w bibo:pmid "1"`). */
export function isPattern(span: string): boolean {
  return /^\?\w+ (?:a|[a-z]+:[\w-]+(?:\/[a-z]+:[\w-]+)*) \S/.test(span);
}

/** `npx claimgraph …` and `claimgraph …` as the temp copy runs them: its own bin. */
export function localCommand(command: string): string {
  return command.replace(/(^|[\s;&|(])(?:npx )?claimgraph\b/g, "$1node bin/claimgraph.js");
}
