/** `claimgraph export`: one serialisation of the knowledge base, to a file or stdout. */
import { type Command, Option } from "commander";
import { FORMATS, type Format } from "../../rdf/formats.ts";
import type { CommandContext } from "../main.ts";
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
        curation?: string;
        base?: string;
      }) => {
        const [{ build, render }, { writeFilesAtomically }, { renderDiagnostic }] =
          await Promise.all([
            import("../../build/pipeline.ts"),
            import("../../build/files.ts"),
            import("../output.ts"),
          ]);
        const built = build({ sources: flags.sources, curation: flags.curation, base: flags.base });
        for (const d of built.diagnostics) ctx.io.err(renderDiagnostic(d));
        const text = render(built, flags.format);
        if (flags.out) writeFilesAtomically(new Map([[flags.out, text]]));
        else ctx.io.out(text);
      },
    );
}
