/** `claimgraph build`: sources → knowledge base files, with a summary. */
import { availableParallelism } from "node:os";
import { type Command, InvalidArgumentError } from "commander";
import { displayPath } from "../../base/display-path.ts";
import type { Refusal } from "../../pipeline/reading-seal.ts";
import { DEFAULT_BASE_IRI } from "../../rdf/vocab/namespaces.ts";
import type { CommandContext } from "../context.ts";
import { DEFAULT_OUT, DEFAULT_SOURCES } from "../defaults.ts";
import { addNanopubOptions, type NanopubFlags, nanopubFlags } from "../nanopub-options.ts";

export interface BuildFlags extends NanopubFlags {
  readonly sources: string;
  /** A folder, `false` for `--no-curation`, or undefined: `curation/` beside the sources. */
  readonly curation?: string | false;
  readonly out: string;
  readonly base?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly strict?: boolean;
  readonly bibliography?: readonly string[];
  /** Worker threads reading the documents; 1 reads them in this thread. Default: the cores. */
  readonly jobs?: number;
  /** Read every document again, reusing none of the last build's readings. */
  readonly full?: boolean;
}

export function addSourceOptions(command: Command): Command {
  return command
    .option("--sources <dir>", "folder of source documents (*.md)", DEFAULT_SOURCES)
    .option(
      "--curation <dir>",
      "folder with claims.tsv and works.tsv (default: curation/ beside the sources; when there is none, a warning says the build has no curated claims)",
    )
    .option("--no-curation", "build without curated claims, and without that warning")
    .option("--base <iri>", "base IRI of the knowledge base's own IRIs", DEFAULT_BASE_IRI)
    .option(
      "--strict",
      "a symbolic link leading out of its folder, or to nothing, and a citation marker naming no reference entry are errors (default: warnings; the link is skipped, the marker kept)",
    )
    .option(
      "--bibliography <file>",
      "a reference manager's export (CSL-JSON, BibTeX or RIS) that enriches the works; repeatable",
      (file: string, files: string[] = []) => [...files, file],
    );
}

export function registerBuild(program: Command, ctx: CommandContext): void {
  addNanopubOptions(addSourceOptions(program.command("build")))
    .description(
      "build the knowledge base from the sources and write kb.ttl, kb.trig, kb.nq, kb.jsonld and kb.manifest.json",
    )
    .option("--out <dir>", "folder the exports are written to (replaced atomically)", DEFAULT_OUT)
    .option("--json", "print the summary as JSON")
    .option("-q, --quiet", "print nothing but errors")
    .option(
      "--jobs <n>",
      `worker threads that read the documents, the same output whatever the number; 1 reads them in this thread (default: one per core)`,
      parseJobs,
    )
    .option(
      "--full",
      "read every document again (default: a document whose bytes, curated rows and lexicon are those of the last build in --out reuses that build's reading when it carries the seal of your own key, kept in the cache folder; the outputs are byte-identical either way)",
    )
    .action((flags: BuildFlags) => runBuild(flags, ctx));
}

export async function runBuild(flags: BuildFlags, ctx: CommandContext): Promise<void> {
  const [
    { prepareWithJobs },
    { writeBuild },
    { formatSummary },
    { renderDiagnostics },
    { progressBar, wantsProgress },
    { curationChoice },
  ] = await Promise.all([
    import("../../pipeline/prepare-jobs.ts"),
    import("../../pipeline/pipeline.ts"),
    import("../../pipeline/summary.ts"),
    import("../output.ts"),
    import("../progress.ts"),
    import("../curation-choice.ts"),
  ]);
  const options = {
    sources: flags.sources,
    curation: curationChoice(flags.sources, flags.curation, ctx.io),
    base: flags.base,
    strict: flags.strict,
    ...nanopubFlags(flags),
    bibliographies: flags.bibliography,
  };
  const jobs = flags.jobs ?? availableParallelism();
  const prepared = await prepareWithJobs(options, jobs, { outDir: flags.out, full: flags.full });
  for (const text of renderDiagnostics(prepared.diagnostics)) ctx.io.err(text);
  const refusal = prepared.readings?.seal.refusal;
  if (refusal) ctx.io.err(keyWarning(refusal));
  const bar = wantsProgress(flags) ? progressBar() : undefined;
  const { files, summary } = writeBuild(prepared, flags.out, bar);
  bar?.done();
  if (flags.quiet) return;
  const { reused = 0, read = 0 } = prepared.readings ?? {};
  if (flags.json) {
    ctx.io.out(JSON.stringify({ summary, documents: { reused, read }, files }, null, 2));
    return;
  }
  const documents = `documents read ${read}, reused from the last build ${reused}`;
  ctx.io.out(`${formatSummary(summary)}\n\n${documents}\nwrote ${files.join(", ")}`);
}

/** Why the build reused, and stored for the next one, no reading it can trust. */
export function keyWarning(refusal: Refusal): string {
  return (
    `warning[ReadingsKey]: the readings key ${displayPath(refusal.path)} is not used: ` +
    `${refusal.reason}; no stored reading is reused by this build, nor will its own be\n` +
    `  hint: ${refusal.hint}`
  );
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InvalidArgumentError(`a whole number from 1 to 256 is needed, not "${value}"`);
  return n;
}
