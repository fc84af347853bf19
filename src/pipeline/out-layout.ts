/**
 * The output folder's layout, where every reader goes through one pointer:
 *
 *   kb.generations/<digest>/kb.ttl …   one folder per build, never changed once in place
 *   kb.current -> kb.generations/<digest>   switched by renaming a new link over it
 *   kb.ttl -> kb.current/kb.ttl …      fixed links, made once
 *
 * so the five files change together or not at all. A folder from before this layout (five
 * regular files) is moved over after the pointer is switched: each file is replaced by its
 * link with one rename, so a reader sees the old file or the new one, each whole, but may
 * see old and new side by side until the last rename (once, on the first build).
 */
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  type Stats,
  symlinkSync,
} from "node:fs";
import { join } from "node:path";
import { OutputError } from "../base/errors.ts";
import { errno } from "./input-files.ts";
import { pidExists } from "./out-lock.ts";
import {
  GENERATION_NAME,
  GENERATIONS,
  linkTarget,
  OUTPUT_NAMES,
  type OutputName,
  POINTER,
  tempName,
  tempOwner,
} from "./out-names.ts";

/**
 * Throws, before anything is written, when a name the layout needs holds something it
 * cannot replace: a folder or special file where a file or link goes, or a file where the
 * generations folder goes.
 */
export function checkLayout(outDir: string): void {
  for (const name of [...OUTPUT_NAMES, POINTER]) {
    const stats = lstatOrUndefined(join(outDir, name));
    const fits =
      stats === undefined || stats.isSymbolicLink() || (stats.isFile() && name !== POINTER);
    if (!fits) throw new OutputError(join(outDir, name), "it exists and is not a file or link");
  }
  const generations = lstatOrUndefined(join(outDir, GENERATIONS));
  if (generations && !generations.isDirectory()) {
    throw new OutputError(join(outDir, GENERATIONS), "it exists and is not a folder");
  }
}

/**
 * Moves the finished generation in `temp` to `kb.generations/<digest>`. When a generation
 * of that name is there already with the same file sizes (the same build, made earlier), it
 * is kept and `temp` removed, its `extras` (the build's own files, such as the readings the
 * next build reuses, outside the digest) first moved into the kept one.
 */
export function placeGeneration(
  outDir: string,
  temp: string,
  digest: string,
  sizes: ReadonlyMap<OutputName, number>,
  extras: readonly string[] = [],
): void {
  const generations = join(outDir, GENERATIONS);
  const target = join(generations, digest);
  const found = lstatOrUndefined(target);
  if (found?.isDirectory() && sameSizes(target, sizes)) {
    for (const name of extras) renameSync(join(temp, name), join(target, name));
    rmSync(temp, { recursive: true, force: true });
    return;
  }
  if (found) {
    // Damaged (a file removed or edited by hand): replaced whole.
    const aside = join(generations, tempName("damaged"));
    renameSync(target, aside);
    renameSync(temp, target);
    rmSync(aside, { recursive: true, force: true });
  } else {
    renameSync(temp, target);
  }
  syncFolder(generations);
}

/** Removes the generation `digest` unless the pointer leads to it (a build that failed). */
export function removeUnused(outDir: string, digest: string): void {
  const pointer = join(outDir, POINTER);
  const current = lstatOrUndefined(pointer)?.isSymbolicLink() ? readlinkSync(pointer) : "";
  if (current === `${GENERATIONS}/${digest}`) return;
  rmSync(join(outDir, GENERATIONS, digest), { recursive: true, force: true });
}

/** Points `kb.current` at the generation `digest`: a new link renamed over the old one. */
export function switchPointer(outDir: string, digest: string): void {
  replaceWithLink(outDir, POINTER, `${GENERATIONS}/${digest}`);
}

/** Makes each familiar name the fixed link through the pointer, where it is not already. */
export function fixLinks(outDir: string): void {
  for (const name of OUTPUT_NAMES) {
    const path = join(outDir, name);
    const stats = lstatOrUndefined(path);
    if (stats?.isSymbolicLink() && readlinkSync(path) === linkTarget(name)) continue;
    replaceWithLink(outDir, name, linkTarget(name));
  }
}

/**
 * Removes what dead builds left: temporary files and folders whose process is gone (in the
 * folder, where an `export` may be writing one of its own), every other process's temporary
 * folder in `kb.generations` (only the lock's holder writes there) and, given `keep`, every
 * generation but that one. Call it holding the lock.
 */
export function removeLeftovers(outDir: string, keep?: string): void {
  removeDeadTemps(outDir);
  const generations = join(outDir, GENERATIONS);
  if (!lstatOrUndefined(generations)?.isDirectory()) return;
  for (const name of readdirSync(generations)) {
    const owner = tempOwner(name);
    const deadTemp = owner !== undefined && owner !== process.pid;
    const oldGeneration = keep !== undefined && GENERATION_NAME.test(name) && name !== keep;
    if (deadTemp || oldGeneration)
      rmSync(join(generations, name), { recursive: true, force: true });
  }
}

/** Removes the temporary files in `dir` (ending in `suffix`) of processes that are gone. */
export function removeDeadTemps(dir: string, suffix = ""): void {
  for (const name of readdirSync(dir)) {
    const owner = tempOwner(name);
    if (owner === undefined || owner === process.pid || pidExists(owner)) continue;
    if (name.endsWith(suffix)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function replaceWithLink(outDir: string, name: string, target: string): void {
  const temp = join(outDir, tempName(name));
  symlinkSync(target, temp);
  try {
    renameSync(temp, join(outDir, name));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(outDir);
}

function sameSizes(dir: string, sizes: ReadonlyMap<OutputName, number>): boolean {
  return OUTPUT_NAMES.every((name) => {
    const stats = lstatOrUndefined(join(dir, name));
    return stats?.isFile() === true && stats.size === sizes.get(name);
  });
}

function syncFolder(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if (errno(error) === "ENOENT") return undefined;
    throw error;
  }
}
