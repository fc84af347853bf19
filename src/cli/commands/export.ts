/** `claimgraph export`: one serialisation of the knowledge base, to a file or stdout. */
import { type Command, Option } from "commander";
import { FORMATS, type Format } from "../../rdf/vocab/formats.ts";
import type { CommandContext } from "../context.ts";
import { addSourceOptions } from "./build.ts";

export function registerExport(program: Command, ctx: CommandContext): void {
  addSourceOptions(program.command("export"))
    .description("build the knowledge base and write it in one format")
    .addOption(
      new Option("--format <format>", "serialisation").choices([...FORMATS]).makeOptionMandatory(),
    )
    .option("--out <file>", "file to write (replaced atomically); standard output when omitted")
    .action(
      async (flags: {
        format: Format;
        out?: string;
        sources: string;
        curation?: string | false;
        base?: string;
        strict?: boolean;
      }) => {
        const [{ prepare, streamSections }, { StagedFiles }, { renderDiagnostics }] =
          await Promise.all([
            import("../../pipeline/pipeline.ts"),
            import("../../pipeline/staged-files.ts"),
            import("../output.ts"),
          ]);
        const { curationChoice } = await import("../curation-choice.ts");
        const prepared = prepare({
          sources: flags.sources,
          curation: curationChoice(flags.sources, flags.curation, ctx.io),
          base: flags.base,
          strict: flags.strict,
        });
        for (const text of renderDiagnostics(prepared.diagnostics)) ctx.io.err(text);
        if (!flags.out) {
          const chunks: string[] = [];
          streamSections(prepared, [flags.format], (_, text) => chunks.push(text));
          ctx.io.out(chunks.join(""));
          return;
        }
        const out = flags.out;
        const staged = new StagedFiles([out]);
        try {
          streamSections(prepared, [flags.format], (_, text) => staged.append(out, text));
          staged.commit();
        } catch (error) {
          staged.abort();
          throw error;
        }
      },
    );
}
