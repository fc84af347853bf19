/**
 * The files of the cache folder that are claimgraph's: snapshots named
 * `<set>-<version>.snapshot` (the set: which knowledge-base files; the version: their sizes,
 * times and inodes and claimgraph's build) and their temporary files. Nothing else in the
 * folder is listed, evicted or cleared, so a cache folder pointed at a busy place loses nothing.
 */
import { lstatSync, readdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";

export interface CacheEntry {
  readonly name: string;
  readonly kind: "snapshot" | "temporary";
  readonly bytes: number;
  /** Last written or read (a snapshot's modification time is renewed when it is used). */
  readonly usedMs: number;
}

const SNAPSHOT = /^[0-9a-f]{16}-[0-9a-f]{40}\.snapshot$/;
const TEMPORARY = /^[0-9a-f]{16}-[0-9a-f]{40}\.snapshot\.[0-9a-f]{16}\.tmp$/;

/** The snapshot's file name: `set` and `version` are hex digests (sha256). */
export function snapshotName(set: string, version: string): string {
  return `${set.slice(0, 16)}-${version.slice(0, 40)}.snapshot`;
}

/** The part of a snapshot's name shared by every version of the same files. */
export function setOf(name: string): string {
  return name.slice(0, 16);
}

/** claimgraph's files in `dir`, sorted by name; none when the folder does not exist. */
export function cacheEntries(dir: string): CacheEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: CacheEntry[] = [];
  for (const name of names) {
    const kind = SNAPSHOT.test(name) ? "snapshot" : TEMPORARY.test(name) ? "temporary" : undefined;
    if (!kind) continue;
    try {
      const st = lstatSync(join(dir, name));
      if (st.isFile()) out.push({ name, kind, bytes: st.size, usedMs: st.mtimeMs });
    } catch {
      // Removed meanwhile by another process.
    }
  }
  return out;
}

/** Removes one of claimgraph's files; true when it was there to remove. */
export function removeEntry(dir: string, name: string): boolean {
  try {
    unlinkSync(join(dir, name));
    return true;
  } catch {
    return false;
  }
}
