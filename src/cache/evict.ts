/**
 * Keeping the cache small. After each snapshot is written: older snapshots of the same files
 * go (a file edited is never read in its old version again), snapshots unused for 30 days go,
 * temporary files older than an hour (left by a killed process) go, and then the least
 * recently used snapshots go until the whole cache holds at most 1 GiB. The snapshot just
 * written is always kept, even when it alone is larger.
 */
import { type CacheEntry, cacheEntries, removeEntry, setOf } from "./entries.ts";

export interface EvictionLimits {
  readonly maxBytes: number;
  readonly maxAgeMs: number;
  readonly tempAgeMs: number;
}

const DAY = 24 * 60 * 60 * 1000;

export const EVICTION_LIMITS: EvictionLimits = {
  maxBytes: 1024 ** 3,
  maxAgeMs: 30 * DAY,
  tempAgeMs: DAY / 24,
};

/** Evicts from `dir` around the snapshot `keep`; returns the names removed. */
export function evict(
  dir: string,
  keep: string,
  limits: EvictionLimits = EVICTION_LIMITS,
  now: number = Date.now(),
): string[] {
  const removed: string[] = [];
  const kept: CacheEntry[] = [];
  for (const entry of cacheEntries(dir)) {
    if (entry.name === keep) continue;
    const stale =
      entry.kind === "temporary"
        ? now - entry.usedMs > limits.tempAgeMs
        : setOf(entry.name) === setOf(keep) || now - entry.usedMs > limits.maxAgeMs;
    if (stale) {
      if (removeEntry(dir, entry.name)) removed.push(entry.name);
    } else kept.push(entry);
  }
  const keepBytes = cacheEntries(dir).find((e) => e.name === keep)?.bytes ?? 0;
  let total = keepBytes + kept.reduce((n, e) => n + e.bytes, 0);
  const oldestFirst = kept
    .filter((e) => e.kind === "snapshot")
    .sort((a, b) => a.usedMs - b.usedMs || (a.name < b.name ? -1 : 1));
  for (const entry of oldestFirst) {
    if (total <= limits.maxBytes) break;
    total -= entry.bytes;
    if (removeEntry(dir, entry.name)) removed.push(entry.name);
  }
  return removed;
}
