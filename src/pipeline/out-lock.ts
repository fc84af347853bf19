/**
 * The output folder's lock, `.claimgraph.lock`: one build at a time writes to a folder. It
 * holds the holder's pid and start time and appears whole (written to a temporary file, then
 * hard-linked to its name, which fails when it exists). A lock whose process is gone, or
 * whose pid now belongs to a process started at another time, is stale and is broken.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { OutputError } from "../base/errors.ts";
import { errno } from "./input-files.ts";
import { tempName } from "./out-names.ts";

export const LOCK_NAME = ".claimgraph.lock";

interface Holder {
  readonly pid: number;
  /** When the process started (ISO 8601), for people. */
  readonly started: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid. */
  readonly ticks?: string | undefined;
}

export class OutputLock {
  constructor(
    readonly path: string,
    private readonly text: string,
  ) {}

  /** Whether the lock is still this build's. */
  holds(): boolean {
    return readText(this.path) === this.text;
  }

  /** Throws unless the lock is still this build's (checked before the outputs are switched). */
  verify(): void {
    if (!this.holds()) {
      throw new OutputError(
        this.path,
        "another build broke this build's lock; nothing was switched",
      );
    }
  }

  release(): void {
    if (this.holds()) rmSync(this.path, { force: true });
  }
}

/** Takes the lock of `outDir` (which must exist), or throws naming the build that holds it. */
export function acquireLock(outDir: string): OutputLock {
  const path = join(outDir, LOCK_NAME);
  const text = `${JSON.stringify(self())}\n`;
  const temp = join(outDir, tempName("lock"));
  try {
    writeFileSync(temp, text, { flag: "wx" });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        create(temp, path, text);
        return new OutputLock(path, text);
      } catch (error) {
        if (errno(error) !== "EEXIST") throw error;
      }
      const held = readText(path);
      if (held === undefined) continue;
      const holder = parseHolder(held);
      if (holder && isRunning(holder)) throw lockedBy(outDir, path, holder);
      breakStale(path, held);
    }
    throw lockedBy(outDir, path, parseHolder(readText(path) ?? ""));
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Makes the lock appear whole: a hard link to the written temporary file. Where the file
 * system has no hard links, it is created exclusively and then written (briefly empty).
 */
function create(temp: string, path: string, text: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes(errno(error) ?? "")) throw error;
    writeFileSync(path, text, { flag: "wx" });
  }
}

/** Whether a process with this pid exists (one of another user's counts). */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === "EPERM";
  }
}

function isRunning(holder: Holder): boolean {
  if (!pidExists(holder.pid)) return false;
  const ticks = startTicks(holder.pid);
  return holder.ticks === undefined || ticks === undefined || ticks === holder.ticks;
}

/**
 * Moves the stale lock aside and removes it. When another build replaced it meanwhile (the
 * text moved is not the stale text read), that live lock is put back.
 */
function breakStale(path: string, stale: string): void {
  const aside = join(dirname(path), tempName("stale-lock"));
  try {
    renameSync(path, aside);
  } catch (error) {
    if (errno(error) === "ENOENT") return;
    throw error;
  }
  try {
    if (readText(aside) !== stale) linkSync(aside, path);
  } catch {
    // A third build took the lock in between: it keeps it.
  } finally {
    rmSync(aside, { force: true });
  }
}

function lockedBy(outDir: string, path: string, holder: Holder | undefined): OutputError {
  const who = holder ? `pid ${holder.pid}, started ${holder.started}` : "unknown";
  return new OutputError(
    outDir,
    `another claimgraph build (${who}) is writing to it; its lock is ${path}\n` +
      "  hint: wait for that build to finish and run this one again",
  );
}

function self(): Holder {
  const started = new Date(Date.now() - process.uptime() * 1000).toISOString();
  return { pid: process.pid, started, ticks: startTicks(process.pid) };
}

function parseHolder(text: string): Holder | undefined {
  try {
    const found = JSON.parse(text) as Partial<Holder>;
    if (!Number.isSafeInteger(found.pid) || (found.pid as number) <= 0) return undefined;
    return {
      pid: found.pid as number,
      started: String(found.started),
      ticks: typeof found.ticks === "string" ? found.ticks : undefined,
    };
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks), when there is a /proc. */
function startTicks(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
