/**
 * Opening a knowledge base for questions. The RDF files are the source of truth; the
 * graph built from them is kept as a snapshot (graphology's JSON export plus the
 * lookups' inputs) in a cache keyed by the files' identity and claimgraph's build, so
 * the next process opens it without parsing RDF. The RDF reader is loaded only when
 * the snapshot is missing. The command line asks for a new snapshot to be written after
 * it has the graph (`snapshot: "later"`), so the first question is answered before the
 * snapshot is kept.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import { UsageError } from "../errors.ts";
import { VERSION } from "../version.ts";
import type { KnowledgeGraphData } from "./from-quads.ts";
import { KnowledgeGraph } from "./knowledge-graph.ts";
import type { EdgeAttributes, NodeAttributes } from "./types.ts";

const SNAPSHOT_FORMAT = 2;

/** Texts longer than this (in characters) are not kept alive by the graph built from them. */
const COPY_ABOVE = 4 * 1024 * 1024;

/** Set by the bundler to a hash of the sources, so a rebuilt claimgraph never reads an older snapshot. */
declare const CLAIMGRAPH_BUILD_ID: string | undefined;
const BUILD = typeof CLAIMGRAPH_BUILD_ID === "string" ? CLAIMGRAPH_BUILD_ID : "source";

interface Snapshot {
  readonly format: number;
  readonly graph: SerializedGraph<NodeAttributes, EdgeAttributes>;
  readonly predicateLabels: ReadonlyArray<[string, string]>;
  readonly prefixes: Record<string, string>;
  readonly skipped: readonly string[];
}

export interface OpenOptions {
  /** Use and write the snapshot cache (default: yes, unless CLAIMGRAPH_NO_CACHE is set). */
  readonly cache?: boolean;
  /**
   * When a new snapshot is written: before the graph is returned ("now", the default), or on
   * the next turn of the event loop ("later"), once the caller's synchronous work — a trace
   * and its printing — is done. The process does not exit before; `snapshotsWritten()` waits.
   */
  readonly snapshot?: "now" | "later";
}

export function cacheDir(): string {
  return process.env.CLAIMGRAPH_CACHE_DIR ?? join(tmpdir(), "claimgraph-cache");
}

export async function openKnowledgeGraph(
  files: readonly string[],
  options: OpenOptions = {},
): Promise<KnowledgeGraph> {
  const useCache = options.cache ?? !process.env.CLAIMGRAPH_NO_CACHE;
  // The snapshot is keyed by each file's identity (real path, size, modification time,
  // inode) rather than by hashing its contents: hashing 60 MB of Turtle would cost a third
  // of the time the snapshot saves. Any edit changes the size or the modification time.
  const hash = createHash("sha256").update(`${VERSION}\u0000${SNAPSHOT_FORMAT}\u0000${BUILD}`);
  for (const file of files) {
    if (!existsSync(file)) {
      throw new UsageError(
        `knowledge base file "${file}" does not exist`,
        "run `claimgraph build` first, or pass --kb FILE",
      );
    }
    const st = statSync(file);
    hash.update(`\u0000${realpathSync(file)}\u0000${st.size}\u0000${st.mtimeMs}\u0000${st.ino}`);
  }
  const path = join(cacheDir(), `${hash.digest("hex")}.json`);
  if (useCache && existsSync(path)) {
    try {
      return fromSnapshot(JSON.parse(readFileSync(path, "utf8")) as Snapshot);
    } catch {
      // A damaged snapshot is rebuilt from the RDF below.
    }
  }
  const { parseKnowledgeBaseTexts, readKnowledgeBaseSources } = await import("./load.ts");
  const { QuadGrouper, graphFromGroups, ownPrefixes } = await import("./from-quads.ts");
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
  if (useCache && options.snapshot !== "later") writeSnapshot(path, kg, prefixes);
  else if (useCache) {
    pending.add(
      new Promise<void>((done) =>
        setImmediate(() => {
          writeSnapshot(path, kg, prefixes);
          done();
        }),
      ),
    );
  }
  return kg;
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

function fromSnapshot(s: Snapshot): KnowledgeGraph {
  if (s.format !== SNAPSHOT_FORMAT) throw new Error("snapshot format");
  const graph: KnowledgeGraphData = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.import(s.graph);
  return new KnowledgeGraph(
    { graph, predicateLabels: new Map(s.predicateLabels), skipped: s.skipped },
    s.prefixes,
  );
}

function writeSnapshot(path: string, kg: KnowledgeGraph, prefixes: Record<string, string>): void {
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    graph: kg.graph.export(),
    predicateLabels: [...kg.predicateLabels],
    prefixes,
    skipped: kg.skipped,
  };
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(snapshot));
    renameSync(temp, path);
  } catch {
    // The cache is an optimisation: a read-only or full disk only costs the next start.
  }
}
