/**
 * The names in a build's output folder: the five familiar files (fixed links through the
 * pointer), the pointer `kb.current`, the generations folder and the temporary names, which
 * carry the pid of the process that made them so a later build can tell a dead one's.
 */
import { randomBytes } from "node:crypto";

/** The files of one build, as readers know them. */
export const OUTPUT_NAMES = [
  "kb.ttl",
  "kb.trig",
  "kb.nq",
  "kb.jsonld",
  "kb.manifest.json",
] as const;

export type OutputName = (typeof OUTPUT_NAMES)[number];

/** The link to the current generation, switched by rename. */
export const POINTER = "kb.current";

/** The folder holding each generation, named by its digest. */
export const GENERATIONS = "kb.generations";

/** A generation's name: the first 16 hex digits of its digest. */
export const GENERATION_NAME = /^[0-9a-f]{16}$/;

const TEMP_PREFIX = ".claimgraph-tmp-";

/** A name no other process uses: `.claimgraph-tmp-<pid>-<random>-<what>`. */
export function tempName(what: string): string {
  return `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString("hex")}-${what}`;
}

/**
 * The pid in a temporary name claimgraph made (this layout's, or the staged files and
 * backups of earlier versions), or undefined for any other name.
 */
export function tempOwner(name: string): number | undefined {
  const found = /^\.claimgraph-(?:tmp|old)-(\d+)-/.exec(name);
  return found ? Number(found[1]) : undefined;
}

/** The fixed link of a familiar name: through the pointer. */
export function linkTarget(name: OutputName): string {
  return `${POINTER}/${name}`;
}
