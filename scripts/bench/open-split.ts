/**
 * The real `openKnowledgeGraph` from a primed snapshot, split into its steps by wrapping what it
 * calls: file reads, sha256 (the key and the body), JSON.parse (the snapshot's meta part) and
 * the rest, mostly checking the columns. Shared by the seed's phase probe and the scale open probe.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import type { KnowledgeGraph } from "../../src/graph/knowledge-graph.ts";
import { openKnowledgeGraph } from "../../src/graph/open.ts";

export async function openSnapshotSplit(
  kb: string,
): Promise<{ kg: KnowledgeGraph; phases: Record<string, number> }> {
  const inside: Record<string, number> = {
    "read the KB file and the snapshot": 0,
    "sha256 (the snapshot key and body)": 0,
    "JSON.parse (the snapshot's meta part)": 0,
  };
  const restore: Array<() => void> = [];
  const wrap = <O extends object>(owner: O, key: keyof O & string, phase: string): void => {
    const original = owner[key] as unknown as (...args: unknown[]) => unknown;
    (owner as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
      const start = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        inside[phase] = (inside[phase] ?? 0) + performance.now() - start;
      }
    };
    restore.push(() => {
      (owner as Record<string, unknown>)[key] = original;
    });
  };
  const hashProto = Object.getPrototypeOf(crypto.createHash("sha256")) as object;
  wrap(fs, "readFileSync", "read the KB file and the snapshot");
  wrap(hashProto, "update" as never, "sha256 (the snapshot key and body)");
  wrap(hashProto, "digest" as never, "sha256 (the snapshot key and body)");
  wrap(JSON, "parse", "JSON.parse (the snapshot's meta part)");
  // The bundle imports readFileSync from node:fs by name; this updates that binding.
  syncBuiltinESMExports();
  const start = performance.now();
  const kg = await openKnowledgeGraph([kb], { cache: true });
  const total = performance.now() - start;
  for (const undo of restore) undo();
  syncBuiltinESMExports();
  const phases: Record<string, number> = {};
  let seen = 0;
  for (const [name, ms] of Object.entries(inside)) {
    phases[name] = ms;
    seen += ms;
  }
  phases["rest of openKnowledgeGraph"] = total - seen;
  return { kg, phases };
}
