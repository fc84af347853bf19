/** `claimgraph export`: one serialisation of the knowledge base, to a file or stdout. */
import { type Command, Option } from "commander";
import type { BibliographyExport } from "../../bibliography/write.ts";
import type { StagedFiles } from "../../pipeline/staged-files.ts";
import { FORMATS, type Format } from "../../rdf/vocab/formats.ts";
import type { CommandContext } from "../context.ts";
import { addSourceOptions } from "./build.ts";

/** The works as a bibliography (`src/bibliography/write.ts`, loaded only for them), beside the RDF formats. */
const BIBLIOGRAPHY_FORMATS: readonly BibliographyExport[] = ["csl-json", "bibtex", "ris"];
const isBibliographyFormat = (f: string): f is BibliographyExport =>
  (BIBLIOGRAPHY_FORMATS as readonly string[]).includes(f);

export function registerExport(program: Command, ctx: CommandContext): void {
  addSourceOptions(program.command("export"))
    .description("build the knowledge base and write it in one format")
    .addOption(
      new Option("--format <format>", "serialisation; csl-json, bibtex and ris: the works only")
        .choices([...FORMATS, ...BIBLIOGRAPHY_FORMATS])
        .makeOptionMandatory(),
    )
    .option("--out <file>", "file to write (replaced atomically); standard output when omitted")
    .action(
      async (flags: {
        format: Format | BibliographyExport;
        out?: string;
        sources: string;
        curation?: string;
        base?: string;
        strict?: boolean;
        bibliography?: string[];
      }) => {
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
        });
        for (const text of renderDiagnostics(prepared.diagnostics)) ctx.io.err(text);
        const format = flags.format;
        if (isBibliographyFormat(format)) {
          const { bibliographyText } = await import("../../bibliography/write.ts");
          const text = bibliographyText(prepared.kb, format);
          if (!flags.out) return ctx.io.out(text);
          return writeAtomically(new StagedFiles([flags.out]), flags.out, text);
        }
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
      },
    );
}

function writeAtomically(staged: StagedFiles, out: string, text: string): void {
  try {
    staged.append(out, text);
    staged.commit();
  } catch (error) {
    staged.abort();
    throw error;
  }
}
