/** `claimgraph compare DRUG [DRUG…]`: the feature × drug matrix across every loaded document. */
import type { Command } from "commander";
import { UsageError } from "../../base/errors.ts";
import type { KnowledgeGraph } from "../../graph/knowledge-graph.ts";
import { resolve, suggest } from "../../graph/resolve.ts";
import type { CommandContext } from "../context.ts";
import { addKbOption, openGraph, parseOffset, withWarnings } from "../kb-option.ts";
import { addStoreOptions, questionSource } from "../question-source.ts";

/** Cells are cut at this many columns on a terminal, unless --max-width says otherwise. */
const TERMINAL_MAX_CELL = 60;
/** A cell lists this many quotes and assertions, unless --per-cell says otherwise. */
const PER_CELL = 5;

interface CompareFlags {
  readonly kb?: string[];
  readonly json?: boolean;
  readonly maxWidth?: number;
  readonly perCell?: number;
  readonly quiet?: boolean;
  readonly endpoint?: string;
  readonly passwordStdin?: boolean;
  readonly allowInsecureBasic?: boolean;
}

export function registerCompare(program: Command, ctx: CommandContext): void {
  addStoreOptions(
    addKbOption(program.command("compare"))
      .argument("<drug...>", 'drugs or drug classes by name or synonym ("desipramine", "SSRIs")')
      .description(
        "print the feature × drug matrix across every loaded document: each cell the documents' words with their citations, null cells and empty ones said as such; a drug's column also shows what is said of its classes",
      )
      .option("--json", "print the matrix as JSON (schema: docs/compare-json.md)")
      .option(
        "--max-width <n>",
        `cut cells at this many columns, 0 never (default: ${TERMINAL_MAX_CELL} on a terminal, whole cells when piped)`,
        parseOffset,
      )
      .option(
        "--per-cell <n>",
        `list this many quotes and assertions in a cell, then count the rest; 0 lists all (default: ${PER_CELL}; --json holds all)`,
        parseOffset,
      )
      .option("--quiet", "with --endpoint, no count of the claims read on the terminal"),
    "answer from a remote SPARQL store the knowledge base was pushed to, reading only the drugs' claims",
  ).action((names: string[], flags: CompareFlags) => printComparison(names, flags, ctx));
}

/** Opens the knowledge base (or the store's part of it) and prints the drugs' comparison. */
async function printComparison(
  names: readonly string[],
  flags: CompareFlags,
  ctx: CommandContext,
): Promise<void> {
  const open = async () =>
    flags.endpoint ? graphFromStore(names, flags) : openGraph(flags, ctx.io);
  const [
    kg,
    { comparison, comparedSubjects },
    { compareTable },
    { withAgreement },
    { subjectsAgreement },
  ] = await Promise.all([
    open(),
    import("../../projection/compare.ts"),
    import("../../projection/compare-table.ts"),
    import("../../projection/compare-agreement.ts"),
    import("../../agreement/subject-agreement.ts"),
  ]);
  const compared = comparison(kg, drugsNamed(kg, names));
  const agreement = subjectsAgreement(kg, comparedSubjects(compared.columns));
  const result = withAgreement(compared, agreement);
  const maxCell = flags.maxWidth ?? (ctx.io.terminal ? TERMINAL_MAX_CELL : 0);
  ctx.io.out(
    flags.json
      ? JSON.stringify(withWarnings(result, kg), null, 2)
      : compareTable(result, {
          maxCell: maxCell > 0 ? maxCell : undefined,
          perCell: flags.perCell ?? PER_CELL,
        }),
  );
}

/**
 * The part of the store the comparison needs; on a terminal (without --json or --quiet), how
 * many of the drugs' claims are read so far, on stderr (two drugs over 10,000 documents: about
 * a minute).
 */
async function graphFromStore(
  names: readonly string[],
  flags: CompareFlags,
): Promise<KnowledgeGraph> {
  const [source, { readProgress }, { wantsProgress }] = await Promise.all([
    questionSource(flags),
    import("../read-progress.ts"),
    import("../progress.ts"),
  ]);
  const progress = wantsProgress({ json: flags.json, quiet: flags.quiet })
    ? readProgress("reading claims from the store")
    : undefined;
  try {
    return await source.graphForCompare(names, progress);
  } finally {
    progress?.done();
  }
}

/** The entity each name names, which must be a drug or a drug class; else the nearest names. */
function drugsNamed(kg: KnowledgeGraph, names: readonly string[]): string[] {
  return names.map((name) => {
    const found = resolve(kg, name);
    const entity = found.kind === "entity" ? kg.entity(found.entity) : undefined;
    if (entity && (entity.type === "Drug" || entity.type === "DrugClass")) return entity.iri;
    const near = drugSuggestions(kg, name);
    throw new UsageError(
      entity
        ? `"${name}" is a ${entity.type} (${entity.label}), not a drug or drug class`
        : `no drug or drug class is named "${name}"`,
      near.length > 0
        ? `did you mean: ${near.join(", ")}?`
        : "claimgraph trace NAME shows what a name answers to",
    );
  });
}

/** Drugs and classes whose names are nearest to `name`. */
function drugSuggestions(kg: KnowledgeGraph, name: string): string[] {
  return suggest(kg, name, 20)
    .filter((s) => ["Drug", "DrugClass"].includes(kg.entity(s.id)?.type ?? ""))
    .slice(0, 5)
    .map((s) => s.label);
}
