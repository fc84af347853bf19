/**
 * Which curation a build reads, said out loud: `--curation DIR`, `--no-curation`, or the
 * `curation/` folder beside the sources. When that folder is missing and the user named none
 * and did not say `--no-curation`, the build goes on without curated claims and says so on
 * stderr, rather than dropping them silently (#14).
 */
import { existsSync } from "node:fs";
import { displayPath } from "../base/display-path.ts";
import { defaultCurationDir } from "../pipeline/files.ts";
import type { Io } from "./output.ts";

/** `--curation DIR` (a string), `--no-curation` (false), or neither (undefined). */
export type CurationFlag = string | false | undefined;

/** The curation to build with; warns on `io` when the folder beside the sources is missing. */
export function curationChoice(sources: string, curation: CurationFlag, io: Io): CurationFlag {
  if (curation !== undefined) return curation;
  const beside = defaultCurationDir(sources);
  // Without the sources folder the build fails on that, and this warning would only be noise.
  if (existsSync(sources) && !existsSync(beside)) {
    io.err(
      `warning[NoCuration]: no curation folder beside the sources (${displayPath(beside)}): ` +
        "building without curated claims\n" +
        "  hint: pass --curation DIR to read one, or --no-curation to build without one (and without this warning)",
    );
  }
  return undefined;
}
