/**
 * The whole build as one call: read the sources, build the knowledge base, turn it into
 * quads and render each export. `writeExports` replaces the outputs atomically.
 */

import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import type { KnowledgeBase } from "../claims/types.ts";
import type { Diagnostic } from "../errors.ts";
import { UsageError } from "../errors.ts";
import { checkBaseIri, Iris } from "../rdf/iris.ts";
import { toQuads } from "../rdf/quads.ts";
import { EXTENSIONS, FORMATS, type Format, serialize } from "../rdf/serialize.ts";
import { DEFAULT_BASE_IRI } from "../rdf/vocabulary.ts";
import { type InputPaths, readInputs, writeFilesAtomically } from "./files.ts";
import { buildKnowledgeBase } from "./knowledge-base.ts";
import { currentManifest, type Manifest, manifestText } from "./manifest.ts";
import { type Summary, summarize } from "./summary.ts";

export interface BuildOptions extends InputPaths {
  readonly base?: string | undefined;
}

export interface Built {
  readonly kb: KnowledgeBase;
  readonly quads: readonly Quad[];
  readonly iris: Iris;
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: Summary;
  /** The inputs the knowledge base was built from (written as kb.manifest.json). */
  readonly manifest: Manifest;
}

export function build(options: BuildOptions): Built {
  const base = options.base ?? DEFAULT_BASE_IRI;
  const problem = checkBaseIri(base);
  if (problem)
    throw new UsageError(
      `the base IRI "${base}" is not usable: ${problem}`,
      "pass --base with an absolute IRI ending in /",
    );
  const iris = new Iris(base);
  const manifest = currentManifest(options.sources, options.curation);
  const { kb, diagnostics } = buildKnowledgeBase(readInputs(options));
  const quads = toQuads(kb, iris);
  return { kb, quads, iris, diagnostics, summary: summarize(kb, quads.length), manifest };
}

export function render(built: Built, format: Format): string {
  return serialize(built.quads, format, built.iris.prefixes());
}

/** The files of a build in `outDir`: `kb.ttl`, `kb.trig`, `kb.nq`, `kb.jsonld` and `kb.manifest.json`. */
export function exportFiles(built: Built, outDir: string): Map<string, string> {
  const files = new Map(
    FORMATS.map((format) => [join(outDir, `kb.${EXTENSIONS[format]}`), render(built, format)]),
  );
  files.set(join(outDir, "kb.manifest.json"), manifestText(built.manifest, built.summary));
  return files;
}

export function writeExports(built: Built, outDir: string): string[] {
  const files = exportFiles(built, outDir);
  writeFilesAtomically(files);
  return [...files.keys()];
}
