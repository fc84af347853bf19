/**
 * Opening a knowledge base for questions. The RDF files are the source of truth; the
 * graph built from them is kept as a snapshot (`snapshot.ts`) in the user's private cache
 * (`../cache/dir.ts`), keyed by the files' identity and claimgraph's build, so the next
 * process opens it without parsing RDF. The RDF reader is loaded only when no snapshot is
 * usable. A snapshot that is not whole and unchanged is removed and rebuilt; a cache folder
 * that is not safely the user's own is neither read nor written (a warning says why). The
 * command line asks for a new snapshot to be written after it has the graph
 * (`snapshot: "later"`), so the first question is answered before the snapshot is kept.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { join } from "node:path";
import { UsageError } from "../base/errors.ts";
import { VERSION } from "../base/version.ts";
import { cacheDir, cacheTurnedOff, folderState } from "../cache/dir.ts";
import { snapshotName } from "../cache/entries.ts";
import { evict } from "../cache/evict.ts";
import { readPrivateFile, writePrivateFile } from "../cache/private-file.ts";
import { KnowledgeGraph } from "./knowledge-graph.ts";
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT } from "./snapshot.ts";

/** Texts longer than this (in characters) are not kept alive by the graph built from them. */
const COPY_ABOVE = 4 * 1024 * 1024;

/** Set by the bundler to a hash of the sources, so a rebuilt claimgraph never reads an older snapshot. */
declare const CLAIMGRAPH_BUILD_ID: string | undefined;
const BUILD = typeof CLAIMGRAPH_BUILD_ID === "string" ? CLAIMGRAPH_BUILD_ID : "source";

export interface OpenOptions {
  /** Use and write the snapshot cache (default: yes, unless CLAIMGRAPH_NO_CACHE is set). */
  readonly cache?: boolean;
  /**
   * When a new snapshot is written: before the graph is returned ("now", the default), or on
   * the next turn of the event loop ("later"), once the caller's synchronous work — a trace
   * and its printing — is done. The process does not exit before; `snapshotsWritten()` waits.
   */
  readonly snapshot?: "now" | "later";
  /** The heap the graph may take, in bytes (default: the process's heap limit). */
  readonly heapLimit?: number;
  /** Where a refused cache folder is reported (default: standard error, once per process). */
  readonly warn?: (message: string) => void;
}

export async function openKnowledgeGraph(
  files: readonly string[],
  options: OpenOptions = {},
): Promise<KnowledgeGraph> {
  const useCache = options.cache ?? !cacheTurnedOff();
  const name = snapshotFile(files);
  let dir: string | undefined;
  if (useCache) {
    const state = folderState(cacheDir());
    if (state.status === "refused") (options.warn ?? warnOnce)(refusal(state.dir, state.reason));
    else {
      dir = state.dir;
      const kg = state.exists ? await readSnapshot(join(dir, name), name) : undefined;
      if (kg) return kg;
    }
  }
  const { parseKnowledgeBaseTexts, readKnowledgeBaseSources } = await import("./load.ts");
  const { QuadGrouper, graphFromGroups, ownPrefixes } = await import("./from-quads.ts");
  const { checkHeap } = await import("./heap-check.ts");
  // Refused at once, rather than by V8's "heap out of memory" after minutes of reading.
  checkHeap(files, options.heapLimit);
  const texts = readKnowledgeBaseSources(files);
  // The graph keeps copies of the strings it is built from, so that the files' texts are
  // freed once it is built; below a few megabytes the copies cost more than they save.
  const size = texts.reduce((n, t) => n + t.length, 0);
  const grouper = new QuadGrouper({ copy: size > COPY_ABOVE });
  const prefixes = ownPrefixes(
    await parseKnowledgeBaseTexts(
      files,
      texts,
      (q, source) => grouper.add(q, source),
      (w) => grouper.warn(w),
    ),
  );
  const kg = new KnowledgeGraph(graphFromGroups(grouper), prefixes);
  if (dir === undefined) return kg;
  const write = () => writeSnapshot(dir, name, kg, prefixes, options.warn ?? warnOnce);
  if (options.snapshot !== "later") write();
  else {
    pending.add(
      new Promise<void>((done) =>
        setImmediate(() => {
          write();
          done();
        }),
      ),
    );
  }
  return kg;
}

/**
 * The snapshot's file name. It is keyed by each file's identity (real path, size,
 * modification time, inode) rather than by hashing its contents: hashing 60 MB of Turtle
 * would cost a third of the time the snapshot saves. Any edit changes the size or the
 * modification time. The paths alone name the set, so a newer snapshot replaces older ones.
 */
function snapshotFile(files: readonly string[]): string {
  const set = createHash("sha256");
  const version = createHash("sha256").update(`${VERSION}\u0000${SNAPSHOT_FORMAT}\u0000${BUILD}`);
  for (const file of files) {
    let st: fs.Stats;
    let real: string;
    try {
      st = fs.statSync(file);
      real = fs.realpathSync(file);
    } catch {
      throw new UsageError(
        `knowledge base file "${file}" does not exist`,
        "run `claimgraph build` first, or pass --kb FILE",
      );
    }
    set.update(`${real}\u0000`);
    version.update(`\u0000${real}\u0000${st.size}\u0000${st.mtimeMs}\u0000${st.ino}`);
  }
  return snapshotName(set.digest("hex"), version.digest("hex"));
}

const pending = new Set<Promise<void>>();

/** Resolves once every snapshot an open has scheduled is written (or given up on). */
export async function snapshotsWritten(): Promise<void> {
  while (pending.size > 0) {
    const all = [...pending];
    await Promise.all(all);
    for (const p of all) pending.delete(p);
  }
}

/** The graph in the snapshot at `path`; a snapshot that is not usable is removed. */
async function readSnapshot(path: string, name: string): Promise<KnowledgeGraph | undefined> {
  const data = readPrivateFile(path);
  if (data === undefined) return undefined;
  try {
    return await decodeSnapshot(data, name);
  } catch {
    // Cut, changed, incomplete or of another format: the RDF is read instead, and the new
    // snapshot replaces this one.
    fs.rmSync(path, { force: true });
    return undefined;
  }
}

function writeSnapshot(
  dir: string,
  name: string,
  kg: KnowledgeGraph,
  prefixes: Record<string, string>,
  warn: (message: string) => void,
): void {
  // Checked again: the folder may be made only now, and may have changed since the open.
  const state = folderState(dir, { create: true });
  if (state.status === "refused") {
    // A folder that cannot be made (a read-only home) only costs the next start.
    if (!state.reason.startsWith("it cannot be created")) warn(refusal(dir, state.reason));
    return;
  }
  try {
    writePrivateFile(join(dir, name), encodeSnapshot(kg, prefixes, name));
    evict(dir, name);
  } catch {
    // The cache is an optimisation: a read-only or full disk only costs the next start.
  }
}

function refusal(dir: string, reason: string): string {
  return `the snapshot cache ${dir} is not used: ${reason}; set CLAIMGRAPH_CACHE_DIR to a folder of your own, or CLAIMGRAPH_NO_CACHE=1`;
}

const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.stderr.write(`claimgraph: warning: ${message}\n`);
}
