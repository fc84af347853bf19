/**
 * The whole build: read the sources, build the knowledge base, turn it into quads and
 * write each export. `build` does it in memory (for tests and small uses); `writeBuild`
 * streams document by document into staged files, so memory does not grow with the
 * output, and replaces the outputs atomically. Both write the same bytes.
 */

import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import type { KnowledgeBase } from "../claims/types.ts";
import type { Diagnostic } from "../errors.ts";
import { UsageError } from "../errors.ts";
import { checkBaseIri, Iris } from "../rdf/iris.ts";
import { PREFIXES } from "../rdf/namespaces.ts";
import { documentQuads, sharedData, sharedQuads, toSections } from "../rdf/quads.ts";
import { EXTENSIONS, FORMATS, type Format, serializeSections } from "../rdf/serialize.ts";
import { DEFAULT_BASE_IRI } from "../rdf/vocabulary.ts";
import { writerFor } from "../rdf/writers.ts";
import { type InputPaths, listInputs, readInputs } from "./files.ts";
import { buildKnowledgeBase } from "./knowledge-base.ts";
import { type Manifest, manifestOf, manifestText } from "./manifest.ts";
import { StagedFiles } from "./staged-files.ts";
import { type Summary, summarize } from "./summary.ts";

export interface BuildOptions extends InputPaths {
  readonly base?: string | undefined;
}

/** A knowledge base read and extracted, not yet turned into quads. */
export interface Prepared {
  readonly kb: KnowledgeBase;
  readonly iris: Iris;
  readonly diagnostics: readonly Diagnostic[];
  /** The inputs the knowledge base was built from (written as kb.manifest.json). */
  readonly manifest: Manifest;
}

export interface Built extends Prepared {
  readonly quads: readonly Quad[];
  /** The dataset in sorted sections (one per document, then the shared graph), as written. */
  readonly sections: readonly (readonly Quad[])[];
  readonly summary: Summary;
}

export function prepare(options: BuildOptions): Prepared {
  const base = options.base ?? DEFAULT_BASE_IRI;
  const problem = checkBaseIri(base);
  if (problem) {
    throw new UsageError(
      `the base IRI "${base}" is not usable: ${problem}`,
      "pass --base with an absolute IRI ending in /",
    );
  }
  const iris = new Iris(base);
  const listing = listInputs(options);
  const { input, bytes } = readInputs(listing);
  const manifest = manifestOf(listing, bytes);
  const { kb, diagnostics } = buildKnowledgeBase(input);
  return { kb, iris, diagnostics: [...listing.warnings, ...diagnostics], manifest };
}

export function build(options: BuildOptions): Built {
  const prepared = prepare(options);
  const sections = toSections(prepared.kb, prepared.iris);
  const quads = sections.flat();
  return { ...prepared, quads, sections, summary: summarize(prepared.kb, quads.length) };
}

export function render(built: Built, format: Format): string {
  return serializeSections(built.sections, format, built.iris.prefixes());
}

export function exportPaths(outDir: string): Map<Format, string> {
  return new Map(FORMATS.map((format) => [format, join(outDir, `kb.${EXTENSIONS[format]}`)]));
}

/** The files of a build in `outDir`: `kb.ttl`, `kb.trig`, `kb.nq`, `kb.jsonld` and `kb.manifest.json`. */
export function exportFiles(built: Built, outDir: string): Map<string, string> {
  const files = new Map(
    [...exportPaths(outDir)].map(([format, path]) => [path, render(built, format)]),
  );
  files.set(join(outDir, "kb.manifest.json"), manifestText(built.manifest, built.summary));
  return files;
}

export interface Progress {
  readonly documents: number;
  readonly of: number;
  readonly claims: number;
  readonly quads: number;
}

/**
 * Writes the sections of `prepared` to `formats`, one document at a time. `emit` gets
 * each format's text as it is made; returns the number of quads.
 */
export function streamSections(
  prepared: Prepared,
  formats: readonly Format[],
  emit: (format: Format, text: string) => void,
  onProgress?: (p: Progress) => void,
): number {
  const prefixes = { ...PREFIXES, ...prepared.iris.prefixes() };
  const writers = formats.map((f) => [f, writerFor(f, prefixes)] as const);
  for (const [f, w] of writers) emit(f, w.begin());
  let quads = 0;
  let claims = 0;
  const docs = prepared.kb.documents;
  docs.forEach((doc, i) => {
    const section = documentQuads(doc, prepared.iris);
    quads += section.length;
    claims += doc.claims.length;
    for (const [f, w] of writers) emit(f, w.section(section));
    onProgress?.({ documents: i + 1, of: docs.length, claims, quads });
  });
  const shared = sharedQuads(sharedData(prepared.kb), prepared.iris);
  quads += shared.length;
  for (const [f, w] of writers) {
    emit(f, w.section(shared));
    emit(f, w.end());
  }
  return quads;
}

/** Streams the whole build into `outDir` (staged, then renamed into place together). */
export function writeBuild(
  prepared: Prepared,
  outDir: string,
  onProgress?: (p: Progress) => void,
): { files: string[]; summary: Summary } {
  const paths = exportPaths(outDir);
  const manifestPath = join(outDir, "kb.manifest.json");
  const staged = new StagedFiles([...paths.values(), manifestPath]);
  try {
    const quads = streamSections(
      prepared,
      FORMATS,
      (f, text) => staged.append(paths.get(f) as string, text),
      onProgress,
    );
    const summary = summarize(prepared.kb, quads);
    staged.append(manifestPath, manifestText(prepared.manifest, summary));
    staged.commit();
    return { files: [...paths.values(), manifestPath], summary };
  } catch (error) {
    staged.abort();
    throw error;
  }
}
