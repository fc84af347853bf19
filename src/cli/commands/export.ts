/**
 * `claimgraph export`: the knowledge base in one format (export-formats.ts lists them), to a
 * file or standard output, or — for a format of several files — into a folder, the files
 * replaced together.
 */
import { join } from "node:path";
import { type Command, Option } from "commander";
import { UsageError } from "../../base/errors.ts";
import type { CommandContext } from "../context.ts";
import { addNanopubOptions, nanopubFlags } from "../nanopub-options.ts";
import { addSourceOptions } from "./build.ts";
import {
  EXPORT_FORMAT_NAMES,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportFormatName,
  writesSeveral,
} from "./export-formats.ts";

interface ExportFlags {
  format: ExportFormatName;
  out?: string;
  sources: string;
  curation?: string | false;
  base?: string;
  strict?: boolean;
  bibliography?: string[];
  created?: string;
  trusty?: boolean;
}

export function registerExport(program: Command, ctx: CommandContext): void {
  addNanopubOptions(addSourceOptions(program.command("export")))
    .description("build the knowledge base and write it in one format")
    .addOption(
      new Option("--format <format>", "what to write (see below)")
        .choices(EXPORT_FORMAT_NAMES)
        .makeOptionMandatory(),
    )
    .option(
      "--out <path>",
      "file to write (replaced atomically), standard output when omitted; for csv and kgx, the folder to write their files into",
    )
    .addHelpText("after", formatsHelp())
    .action((flags: ExportFlags) => runExport(flags, ctx));
}

async function runExport(flags: ExportFlags, ctx: CommandContext): Promise<void> {
  const format: ExportFormat = EXPORT_FORMATS[flags.format];
  if (writesSeveral(format) && !flags.out) {
    throw new UsageError(
      `--format ${flags.format} writes ${format.files.join(" and ")}, which cannot share standard output`,
      `name a folder to write them into: --out ${flags.format}-export`,
    );
  }
  const [{ prepare }, { StagedFiles }, { renderDiagnostics }, { ExportSource }] = await Promise.all(
    [
      import("../../pipeline/pipeline.ts"),
      import("../../pipeline/staged-files.ts"),
      import("../output.ts"),
      import("./export-source.ts"),
    ],
  );
  const { curationChoice } = await import("../curation-choice.ts");
  const prepared = prepare({
    sources: flags.sources,
    curation: curationChoice(flags.sources, flags.curation, ctx.io),
    base: flags.base,
    strict: flags.strict,
    bibliographies: flags.bibliography,
    ...nanopubFlags(flags),
  });
  for (const text of renderDiagnostics(prepared.diagnostics)) ctx.io.err(text);
  const source = new ExportSource(prepared);
  const out = flags.out;
  if (!out) {
    const chunks: string[] = [];
    await format.write(source, (_, text) => chunks.push(text));
    ctx.io.out(chunks.join(""));
    return;
  }
  const pathOf = (name: string) => (writesSeveral(format) ? join(out, name) : out);
  const staged = new StagedFiles(format.files.map(pathOf));
  try {
    await format.write(source, (name, text) => staged.append(pathOf(name), text));
    staged.commit();
  } catch (error) {
    staged.abort();
    throw error;
  }
}

/** The formats, one line each, after the options in `export --help`. */
function formatsHelp(): string {
  const width = Math.max(...EXPORT_FORMAT_NAMES.map((n) => n.length));
  const lines = EXPORT_FORMAT_NAMES.map(
    (name) => `  ${name.padEnd(width)}  ${EXPORT_FORMATS[name].help}`,
  );
  return `\nFormats:\n${lines.join("\n")}\n\nIn gexf and graphml, claims are nodes (as in the viewer), each linked to its subject,\nits object, the references it cites and its document.`;
}
