/** `claimgraph export`: one serialisation of the knowledge base, to a file or stdout. */
import { type Command, Option } from "commander";
import { writeFilesAtomically } from "../../build/files.ts";
import { build, render } from "../../build/pipeline.ts";
import { FORMATS, type Format } from "../../rdf/serialize.ts";
import type { CommandContext } from "../main.ts";
import { renderDiagnostic } from "../output.ts";
import { addSourceOptions } from "./build.ts";

export function registerExport(program: Command, ctx: CommandContext): void {
  addSourceOptions(program.command("export"))
    .description("build the knowledge base and write it in one format")
    .addOption(
      new Option("--format <format>", "serialisation").choices([...FORMATS]).makeOptionMandatory(),
    )
    .option("--out <file>", "file to write (replaced atomically); standard output when omitted")
    .action(
      (flags: {
        format: Format;
        out?: string;
        sources: string;
        curation?: string;
        base?: string;
      }) => {
        const built = build({ sources: flags.sources, curation: flags.curation, base: flags.base });
        for (const d of built.diagnostics) ctx.io.err(renderDiagnostic(d));
        const text = render(built, flags.format);
        if (flags.out) writeFilesAtomically(new Map([[flags.out, text]]));
        else ctx.io.out(text);
      },
    );
}
