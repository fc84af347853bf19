// Old snapshots are evicted: older versions of the same files, those unused for 30 days,
// temporary files older than an hour, and the least recently used beyond the size bound.
// Only claimgraph's own files are touched.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { EVICTION_LIMITS, evict } from "../../src/cache/evict.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const KB = join(ROOT, "graph", "kb.ttl");
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 31);

const scratch = mkdtempSync(join(tmpdir(), "claimgraph-evict-"));
const saved = { ...process.env };
let n = 0;
let dir: string;

beforeEach(() => {
  dir = join(scratch, `cache-${n++}`);
  mkdirSync(dir, { mode: 0o700 });
  process.env.CLAIMGRAPH_CACHE_DIR = dir;
  delete process.env.CLAIMGRAPH_NO_CACHE;
});

afterAll(() => {
  process.env = saved;
  rmSync(scratch, { recursive: true, force: true });
});

const hex = (c: string, length: number) => c.repeat(length);
const snapshot = (set: string, version: string) => `${hex(set, 16)}-${hex(version, 40)}.snapshot`;

/** A file of `bytes` last used `daysAgo` days before NOW. */
function plant(name: string, bytes: number, daysAgo: number, now = NOW): void {
  writeFileSync(join(dir, name), Buffer.alloc(bytes));
  const at = new Date(now - daysAgo * DAY);
  utimesSync(join(dir, name), at, at);
}

describe("evict", () => {
  const limits = { maxBytes: 1000, maxAgeMs: 30 * DAY, tempAgeMs: DAY / 24 };

  it("removes older snapshots of the same files, unused ones, stale temporary files", () => {
    const keep = snapshot("a", "1");
    plant(keep, 10, 0);
    plant(snapshot("a", "2"), 10, 1); // same files, older version
    plant(snapshot("b", "1"), 10, 31); // unused for 31 days
    plant(snapshot("c", "1"), 10, 29); // used 29 days ago: kept
    plant(`${snapshot("d", "1")}.${hex("0", 16)}.tmp`, 10, 1); // a dead writer's
    plant(`${snapshot("e", "1")}.${hex("1", 16)}.tmp`, 10, 0.01); // a live writer's
    plant("notes.txt", 10, 400); // not claimgraph's
    expect(evict(dir, keep, limits, NOW).sort()).toEqual(
      [snapshot("a", "2"), snapshot("b", "1"), `${snapshot("d", "1")}.${hex("0", 16)}.tmp`].sort(),
    );
    expect(readdirSync(dir).sort()).toEqual(
      [keep, snapshot("c", "1"), `${snapshot("e", "1")}.${hex("1", 16)}.tmp`, "notes.txt"].sort(),
    );
  });

  it("beyond the size bound removes the least recently used first, never the one kept", () => {
    const keep = snapshot("a", "1");
    plant(keep, 600, 5);
    plant(snapshot("b", "1"), 300, 3);
    plant(snapshot("c", "1"), 300, 2);
    plant(snapshot("d", "1"), 300, 1);
    expect(evict(dir, keep, limits, NOW)).toEqual([snapshot("b", "1"), snapshot("c", "1")]);
    expect(readdirSync(dir).sort()).toEqual([keep, snapshot("d", "1")]);
    plant(keep, 5000, 0);
    expect(evict(dir, keep, limits, NOW)).toEqual([snapshot("d", "1")]);
    expect(readdirSync(dir)).toEqual([keep]);
  });

  it("has the documented limits: 1 GiB, 30 days, an hour for temporary files", () => {
    expect(EVICTION_LIMITS).toEqual({
      maxBytes: 1024 ** 3,
      maxAgeMs: 30 * DAY,
      tempAgeMs: DAY / 24,
    });
  });
});

describe("an open that writes a snapshot", () => {
  it("evicts a snapshot unused for 31 days and a dead writer's temporary file", async () => {
    const now = Date.now();
    plant(snapshot("b", "1"), 100, 31, now);
    plant(`${snapshot("b", "2")}.${hex("0", 16)}.tmp`, 100, 2, now);
    plant(snapshot("c", "1"), 100, 1, now);
    await openKnowledgeGraph([KB]);
    const left = readdirSync(dir);
    expect(left).toHaveLength(2);
    expect(left).toContain(snapshot("c", "1"));
  });
});
