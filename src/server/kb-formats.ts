/**
 * Every file of the knowledge base offered for download under /kb/: kb.ttl, kb.trig, kb.nq,
 * kb.jsonld and kb.manifest.json, each through the download cache and KbDownload (made once
 * per version, streamed, ranges, the cap on downloads at once).
 *
 * When `--kb` is one file of a build (a kb.* file beside the kb.manifest.json `build` wrote),
 * the other formats are that build's own files, each checked against the SHA-256 the manifest
 * gives for it before it is offered — a file edited or half-replaced since is refused (409),
 * never served as the build's. Otherwise the formats are written from the `--kb` files' quads
 * (every graph as read), and there is no manifest to download (404).
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { displayPath } from "../base/display-path.ts";
import { InputError } from "../base/errors.ts";
import { readKnowledgeBaseFiles } from "../graph/load.ts";
import { type Format, serialize } from "../rdf/write/serialize.ts";
import type { KbFileName } from "./contract.ts";
import { type DownloadFile, KbDownload, TURTLE_FILE } from "./download.ts";
import { DownloadCache, type Serialise, serialiseFiles } from "./download-cache.ts";

export const MANIFEST: KbFileName = "kb.manifest.json";

/** The files besides kb.ttl, their types, and the format each is written in. */
const OTHER_FILES: ReadonlyArray<
  DownloadFile & { readonly name: KbFileName; readonly format?: Format }
> = [
  { name: "kb.trig", type: "application/trig; charset=utf-8", format: "trig" },
  { name: "kb.nq", type: "application/n-quads; charset=utf-8", format: "nquads" },
  { name: "kb.jsonld", type: "application/ld+json", format: "jsonld" },
  { name: MANIFEST, type: "application/json; charset=utf-8" },
];

export interface DownloadSettings {
  readonly serialise?: Serialise;
  readonly maxDownloads?: number;
  readonly downloadIdleMs?: number;
}

/** The downloads of `files`, by their path (`/kb/kb.ttl`…), and the caches to close. */
export function kbDownloads(
  files: readonly string[],
  settings: DownloadSettings,
): { readonly byPath: ReadonlyMap<string, KbDownload>; readonly caches: DownloadCache[] } {
  const caches: DownloadCache[] = [];
  const byPath = new Map<string, KbDownload>();
  const add = (file: DownloadFile, keyFiles: readonly string[], serialise: Serialise) => {
    const cache = new DownloadCache(keyFiles, serialise);
    caches.push(cache);
    byPath.set(
      `/kb/${file.name}`,
      new KbDownload(cache, settings.maxDownloads, settings.downloadIdleMs, file),
    );
  };
  add(TURTLE_FILE, files, settings.serialise ?? serialiseFiles);
  const build = buildFolder(files);
  for (const file of OTHER_FILES) {
    if (build) {
      const path = join(build, file.name);
      if (existsSync(path)) add(file, [path, join(build, MANIFEST)], () => checked(build, path));
    } else if (file.format) {
      const format = file.format;
      add(file, files, async (kb) => written(kb, format));
    }
  }
  return { byPath, caches };
}

/** The folder of a build when `files` is one kb.* file beside its manifest. */
export function buildFolder(files: readonly string[]): string | undefined {
  const only = files.length === 1 ? files[0] : undefined;
  if (!only || !/^kb\.(ttl|trig|nq)$/.test(basename(only))) return undefined;
  const folder = dirname(only);
  return existsSync(join(folder, MANIFEST)) ? folder : undefined;
}

/** A build's file, once its bytes match the manifest's SHA-256 for it (the manifest as it is). */
async function checked(build: string, path: string): Promise<Readable> {
  if (basename(path) === MANIFEST) return createReadStream(path);
  const bytes = readFileSync(path);
  const manifest = JSON.parse(readFileSync(join(build, MANIFEST), "utf8")) as {
    outputs?: Record<string, string>;
  };
  const expected = manifest.outputs?.[basename(path)];
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (expected !== actual)
    throw new InputError([
      {
        code: "ManifestMismatch",
        severity: "error",
        file: displayPath(path),
        line: 1,
        column: 1,
        message: `its SHA-256 is not the one ${MANIFEST} gives for it (${expected ?? "none"})`,
        hint: "the build folder changed since it was built: run claimgraph build again",
      },
    ]);
  return Readable.from([bytes]);
}

/** The `--kb` files' quads (every graph) written in `format`. */
function written(files: readonly string[], format: Format): string {
  const { quads, prefixes } = readKnowledgeBaseFiles(files);
  return serialize(quads, format, prefixes);
}
