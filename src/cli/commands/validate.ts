/** `claimgraph validate`: re-parse every export, compare them, and check the SHACL shapes. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../base/errors.ts";
import { EXTENSIONS, FORMATS } from "../../rdf/vocab/formats.ts";
import type { CommandContext } from "../context.ts";
import { DEFAULT_OUT } from "../defaults.ts";

export function registerValidate(program: Command, ctx: CommandContext): void {
  program
    .command("validate")
    .description(
      "re-parse kb.ttl, kb.trig, kb.nq and kb.jsonld, check they agree, and validate them against ontology/shapes.ttl",
    )
    .option("--dir <dir>", "folder holding the exports", DEFAULT_OUT)
    .option("--json", "print the report as JSON")
    .action(async (flags: { dir: string; json?: boolean }) => {
      const files = FORMATS.map((format) => ({
        format,
        file: join(flags.dir, `kb.${EXTENSIONS[format]}`),
      }));
      const missing = files.filter((f) => !existsSync(f.file)).map((f) => f.file);
      if (missing.length > 0) {
        throw new UsageError(
          `missing exports: ${missing.join(", ")}`,
          "run `claimgraph build` first, or pass --dir",
        );
      }
      const { validateExports } = await import("../../rdf/check/validate.ts");
      const { formatShaclReport } = await import("../../rdf/check/shacl.ts");
      // Each export is read from its file in turn; no export's quads are held.
      const report = await validateExports(files);
      if (!report.ok) ctx.exitCode = 1;
      if (flags.json) {
        ctx.io.out(JSON.stringify(report, null, 2));
        return;
      }
      const lines = report.exports.map((e) =>
        e.error
          ? `${e.file}${e.line === null ? "" : `:${e.line}:${e.column}`}: does not parse: ${e.error}`
          : `${e.file}: parses (${e.quads} ${e.format === "turtle" ? "triples" : "quads"})`,
      );
      lines.push(...report.mismatches.map((m) => `mismatch: ${m}`));
      if (report.shacl) lines.push(formatShaclReport(report.shacl));
      lines.push(report.ok ? "valid." : "NOT valid.");
      ctx.io.out(lines.join("\n"));
    });
}
