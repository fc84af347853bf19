/**
 * What `claimgraph cache` shows: where the snapshot cache is, whether it is used (or why
 * not), what it holds and the eviction limits; and clearing it, which removes only
 * claimgraph's own files and only from a folder that is safely the user's.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type CacheState, cacheState, folderState } from "./dir.ts";
import { cacheEntries, removeEntry } from "./entries.ts";
import { EVICTION_LIMITS } from "./evict.ts";
import { secretFileState } from "./secret-key.ts";

export interface CacheReport {
  readonly dir: string;
  readonly status: CacheState["status"];
  /** Why the cache is off or refused; null when it is in use. */
  readonly reason: string | null;
  readonly snapshots: number;
  readonly temporaryFiles: number;
  readonly bytes: number;
  /**
   * The secret keys kept in the folder (`*.key`: `readings.key` seals the readings a build
   * stores), each in use or refused and why; `--clear` leaves them.
   */
  readonly keys: readonly { readonly name: string; readonly state: string }[];
  readonly limits: {
    readonly maxBytes: number;
    readonly maxAgeDays: number;
    readonly temporaryAgeHours: number;
  };
  /** With --clear: the files removed and their bytes. */
  readonly cleared?: { readonly files: number; readonly bytes: number };
}

export function cacheReport(env: NodeJS.ProcessEnv = process.env): CacheReport {
  const state = cacheState(env);
  const entries = cacheEntries(state.dir);
  return {
    dir: state.dir,
    status: state.status,
    reason: state.status === "in-use" ? null : state.reason,
    snapshots: entries.filter((e) => e.kind === "snapshot").length,
    temporaryFiles: entries.filter((e) => e.kind === "temporary").length,
    bytes: entries.reduce((n, e) => n + e.bytes, 0),
    keys: keyFiles(state.dir),
    limits: {
      maxBytes: EVICTION_LIMITS.maxBytes,
      maxAgeDays: EVICTION_LIMITS.maxAgeMs / 86_400_000,
      temporaryAgeHours: EVICTION_LIMITS.tempAgeMs / 3_600_000,
    },
  };
}

/** The `*.key` files of `dir`, sorted by name, each with its state (secret-key.ts). */
function keyFiles(dir: string): { name: string; state: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(".key"))
    .map((name) => {
      const state = secretFileState(join(dir, name));
      return { name, state: typeof state === "string" ? state : `refused: ${state.refused}` };
    })
    .filter((key) => key.state !== "absent");
}

/**
 * Removes every snapshot and temporary file from the cache folder; the folder itself and
 * anything else in it stay. Returns the reason instead when the folder is not the user's.
 */
export function clearCache(
  dir: string,
): { readonly files: number; readonly bytes: number } | { readonly refused: string } {
  const state = folderState(dir);
  if (state.status === "refused") return { refused: state.reason };
  let files = 0;
  let bytes = 0;
  for (const entry of cacheEntries(dir)) {
    if (removeEntry(dir, entry.name)) {
      files += 1;
      bytes += entry.bytes;
    }
  }
  return { files, bytes };
}

export function renderCacheReport(r: CacheReport): string {
  const status =
    r.status === "in-use" ? "in use" : `${r.status === "off" ? "off" : "refused"}: ${r.reason}`;
  const lines = [
    `cache    ${r.dir}`,
    `status   ${status}`,
    `holds    ${plural(r.snapshots, "snapshot")}, ${plural(r.temporaryFiles, "temporary file")}; ${size(r.bytes)}`,
    `keys     ${r.keys.length === 0 ? "none" : r.keys.map((k) => `${k.name} (${k.state})`).join(", ")}; --clear keeps them (remove one by hand to replace it; what it signed is then read again)`,
    `evicts   older snapshots of the same files; snapshots unused for ${r.limits.maxAgeDays} days; beyond ${size(r.limits.maxBytes)}, the least recently used; temporary files after ${r.limits.temporaryAgeHours} hour${r.limits.temporaryAgeHours === 1 ? "" : "s"}`,
  ];
  if (r.cleared) {
    lines.push(`cleared  ${plural(r.cleared.files, "file")}; ${size(r.cleared.bytes)}`);
  }
  return lines.join("\n");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function size(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}
