/**
 * `claimgraph start` (what `npm start` runs): build the knowledge base into graph/ when its
 * inputs changed, print its summary, then serve the viewer.
 */
import { join } from "node:path";
import type { Command } from "commander";
import { EXTENSIONS, FORMATS } from "../../rdf/vocab/formats.ts";
import type { CommandContext } from "../context.ts";
import { DEFAULT_OUT, DEFAULT_SOURCES } from "../defaults.ts";
import { runBuild } from "./build.ts";
import { addServeOptions, type ServeFlags, serve } from "./serve.ts";

const SOURCES = DEFAULT_SOURCES;
const OUT = DEFAULT_OUT;

export function registerStart(program: Command, ctx: CommandContext): void {
  addServeOptions(program.command("start"))
    .description(
      "build the knowledge base from graph/sources into graph/ when its inputs changed, then serve the viewer",
    )
    .option("--no-serve", "build (when needed) and print the summary, without serving the viewer")
    .action(async (flags: ServeFlags & { serve: boolean }) => {
      const { currentManifest, upToDate } = await import("../../pipeline/manifest.ts");
      const { formatSummary } = await import("../../pipeline/summary.ts");
      const files = FORMATS.map((f) => join(OUT, `kb.${EXTENSIONS[f]}`));
      const built = upToDate(OUT, currentManifest(SOURCES, undefined), files);
      if (built) {
        ctx.io.out(
          `${formatSummary(built.summary)}\n\n${OUT}/ is up to date with its sources; nothing was rebuilt.`,
        );
      } else {
        await runBuild({ sources: SOURCES, out: OUT }, ctx);
      }
      if (flags.serve) await serve({ ...flags, kb: [join(OUT, "kb.ttl")] }, ctx);
    });
}
