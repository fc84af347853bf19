// The nanopub toolkit's own check (@nanopub/sign, nanopub-rs compiled to WebAssembly): an
// implementation of trusty URIs that shares no code with claimgraph's, to verify ours. Its
// package points Node at a CommonJS file under "type": "module", which Node 20 cannot load, so
// the web build is loaded with its WebAssembly read from disk.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Quad } from "@rdfjs/types";
import { Writer } from "n3";
import { vi } from "vitest";

interface NanopubInfo {
  readonly uri: { readonly value: string };
  readonly trusty_hash: string;
}

interface NanopubSign {
  readonly Nanopub: new (rdf: string) => { check(): { info(): NanopubInfo } };
  initSync(options: { module: Uint8Array }): unknown;
}

let loaded: NanopubSign | undefined;

async function nanopubSign(): Promise<NanopubSign> {
  if (loaded) return loaded;
  const dir = dirname(createRequire(import.meta.url).resolve("@nanopub/sign"));
  const mod = (await import(pathToFileURL(join(dir, "web.js")).href)) as NanopubSign;
  mod.initSync({ module: readFileSync(join(dir, "web_bg.wasm")) });
  loaded = mod;
  return mod;
}

/** One nanopublication's quads as TriG, the form the toolkit reads. */
export function nanopubTrig(quads: readonly Quad[]): string {
  const writer = new Writer({ format: "application/trig" });
  writer.addQuads([...quads]);
  let text = "";
  writer.end((error, result: string) => {
    if (error) throw error;
    text = result;
  });
  return text;
}

/**
 * The toolkit's check of one nanopublication: its info when the nanopublication is well
 * formed and, if it has a trusty URI, the hash matches; throws otherwise.
 */
export async function checkNanopub(trig: string): Promise<NanopubInfo> {
  const { Nanopub } = await nanopubSign();
  // The check prints a line per nanopublication; the test's output does not need them.
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    return new Nanopub(trig).check().info();
  } finally {
    log.mockRestore();
  }
}

/** The nanopublications of a dataset: each one's quads, by its IRI (the graph name's stem). */
export function nanopubsOf(quads: readonly Quad[]): Map<string, Quad[]> {
  const out = new Map<string, Quad[]>();
  for (const q of quads) {
    const m = /^(.+\/np\/[^#]+?)(?:#|\.)(?:head|assertion|provenance|pubinfo)$/.exec(q.graph.value);
    if (!m) continue;
    const np = m[1] as string;
    out.set(np, [...(out.get(np) ?? []), q]);
  }
  return out;
}
