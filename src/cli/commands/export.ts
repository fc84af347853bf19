/** `claimgraph export`: one serialisation of the knowledge base, to a file or stdout. */
import { type Command, Option } from "commander";
import type { BibliographyExport } from "../../bibliography/write.ts";
import type { KnowledgeBase } from "../../claims/types.ts";
import { FORMATS, type Format } from "../../rdf/vocab/formats.ts";
import type { CommandContext } from "../context.ts";
import { addNanopubOptions, nanopubFlags } from "../nanopub-options.ts";
import { addSourceOptions } from "./build.ts";

/** The works as a bibliography (`src/bibliography/write.ts`, loaded only for them), beside the RDF formats. */
const BIBLIOGRAPHY_FORMATS: readonly BibliographyExport[] = ["csl-json", "bibtex", "ris"];
const isBibliographyFormat = (f: string): f is BibliographyExport =>
  (BIBLIOGRAPHY_FORMATS as readonly string[]).includes(f);

interface ExportFlags {
  format: Format | BibliographyExport;
  out?: string;
  sources: string;
  curation?: string;
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
      new Option("--format <format>", "serialisation; csl-json, bibtex and ris: the works only")
        .choices([...FORMATS, ...BIBLIOGRAPHY_FORMATS])
        .makeOptionMandatory(),
    )
    .option("--out <file>", "file to write (replaced atomically); standard output when omitted")
    .action(async (flags: ExportFlags) => {
      const [{ prepare, streamSections }, { StagedFiles }, { renderDiagnostics }] =
        await Promise.all([
          import("../../pipeline/pipeline.ts"),
          import("../../pipeline/staged-files.ts"),
          import("../output.ts"),
        ]);
      const prepared = prepare({
        sources: flags.sources,
        curation: flags.curation,
        base: flags.base,
        strict: flags.strict,
        bibliographies: flags.bibliography,
        ...nanopubFlags(flags),
      });
      for (const text of renderDiagnostics(prepared.diagnostics)) ctx.io.err(text);
      const format = flags.format;
      if (isBibliographyFormat(format)) return exportWorks(prepared.kb, format, flags.out, ctx);
      if (!flags.out) {
        const chunks: string[] = [];
        streamSections(prepared, [format], (_, text) => chunks.push(text));
        ctx.io.out(chunks.join(""));
        return;
      }
      const out = flags.out;
      const staged = new StagedFiles([out]);
      try {
        streamSections(prepared, [format], (_, text) => staged.append(out, text));
        staged.commit();
      } catch (error) {
        staged.abort();
        throw error;
      }
    });
}

/** The works as a bibliography, to standard output or to `out` replaced atomically. */
async function exportWorks(
  kb: KnowledgeBase,
  format: BibliographyExport,
  out: string | undefined,
  ctx: CommandContext,
): Promise<void> {
  const [{ bibliographyText }, { StagedFiles }] = await Promise.all([
    import("../../bibliography/write.ts"),
    import("../../pipeline/staged-files.ts"),
  ]);
  const text = bibliographyText(kb, format);
  if (!out) {
    ctx.io.out(text);
    return;
  }
  const staged = new StagedFiles([out]);
  try {
    staged.append(out, text);
    staged.commit();
  } catch (error) {
    staged.abort();
    throw error;
  }
}
