/**
 * The whole build: read the sources, build the knowledge base, turn it into quads and
 * write each export. `build` does it in memory (for tests and small uses); `writeBuild`
 * streams document by document into a new generation of the output folder, so memory does
 * not grow with the output, and switches the folder to it atomically. Both write the same
 * bytes.
 */

import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Quad } from "@rdfjs/types";
import { type ConflictRules, loadConflictRules } from "../agreement/rules.ts";
import type { Diagnostic } from "../base/errors.ts";
import { OutputError, UsageError } from "../base/errors.ts";
import { isIsoDate } from "../base/iso-date.ts";
import type { KnowledgeBase } from "../claims/types.ts";
import { PREFIXES } from "../rdf/vocab/namespaces.ts";
import { DEFAULT_BASE_IRI } from "../rdf/vocab/vocabulary.ts";
import { checkBaseIri, Iris } from "../rdf/write/iris.ts";
import { NanopubIris } from "../rdf/write/nanopub-iris.ts";
import { documentQuads, type NanopubOptions, sharedData, sharedQuads } from "../rdf/write/quads.ts";
import { EXTENSIONS, FORMATS, type Format, serializeSections } from "../rdf/write/serialize.ts";
import { writerFor } from "../rdf/write/writers.ts";
import { agreementSection, agreementSubjects } from "./agreement-section.ts";
import { type InputPaths, listInputs, readInputs } from "./files.ts";
import { GenerationWriter } from "./generation.ts";
import { type BuildResult, buildKnowledgeBase, type KnowledgeBaseInput } from "./knowledge-base.ts";
import { type Manifest, manifestOf, manifestText, sha256 } from "./manifest.ts";
import {
  checkLayout,
  fixLinks,
  placeGeneration,
  removeLeftovers,
  removeUnused,
  switchPointer,
} from "./out-layout.ts";
import { acquireLock } from "./out-lock.ts";
import { OUTPUT_NAMES, type OutputName } from "./out-names.ts";
import { READINGS, READINGS_INDEX, type StoredReadings, takeStore } from "./reading-store.ts";
import { SLICE_QUADS, writeSliced, writeSubjects } from "./section-slices.ts";
import { refuseCitationWarnings } from "./strict-citations.ts";
import { type Summary, summarize } from "./summary.ts";

export interface BuildOptions extends InputPaths, NanopubOptions {
  readonly base?: string | undefined;
}

/** A knowledge base read and extracted, not yet turned into quads. */
export interface Prepared {
  readonly kb: KnowledgeBase;
  readonly iris: Iris;
  readonly diagnostics: readonly Diagnostic[];
  /** How the nanopublications are written: `--created`, `--trusty`. */
  readonly nanopubs: NanopubOptions;
  /** The inputs the knowledge base was built from (written as kb.manifest.json). */
  readonly manifest: Manifest;
  /** The conflict rules and evidence tiers of the build's ontology folder (the agreement graph). */
  readonly rules: ConflictRules;
  /** The readings to keep in the generation for the next build (reading-store.ts), if any. */
  readonly readings?: StoredReadings;
}

export interface Built extends Prepared {
  readonly quads: readonly Quad[];
  /** The dataset in sorted sections (one per document, the shared graph, then the agreement graph), as written. */
  readonly sections: readonly (readonly Quad[])[];
  readonly summary: Summary;
}

export function prepare(options: BuildOptions): Prepared {
  const begun = beginPrepare(options);
  return finishPrepare(begun, buildKnowledgeBase(begun.input));
}

/** What `prepare` does before the knowledge base is built: the inputs read, the manifest made. */
export interface BegunPrepare extends Omit<Prepared, "kb" | "diagnostics"> {
  readonly input: KnowledgeBaseInput;
  readonly warnings: readonly Diagnostic[];
  /** `--strict`: citation warnings are errors (strict-citations.ts). */
  readonly strict: boolean;
}

/** Checks the options, lists and reads the inputs (prepare-jobs.ts builds from them too). */
export function beginPrepare(options: BuildOptions): BegunPrepare {
  const base = options.base ?? DEFAULT_BASE_IRI;
  const problem = checkBaseIri(base);
  if (problem) {
    throw new UsageError(
      `the base IRI "${base}" is not usable: ${problem}`,
      "pass --base with an absolute IRI ending in /",
    );
  }
  const iris = new Iris(base);
  const nanopubs = nanopubOptions(options);
  const listing = listInputs(options);
  const { input, bytes } = readInputs(listing);
  const manifest = manifestOf(listing, bytes);
  const rules = loadConflictRules(listing.ontologyDir, input.lexicon.lexicon);
  const strict = options.strict === true;
  return { iris, nanopubs, manifest, rules, input, warnings: listing.warnings, strict };
}

/** The prepared build, from what `beginPrepare` read and the knowledge base built from it. */
export function finishPrepare(begun: BegunPrepare, built: BuildResult): Prepared {
  const { iris, nanopubs, manifest, rules, warnings } = begun;
  if (begun.strict) refuseCitationWarnings(built.diagnostics);
  return {
    kb: built.kb,
    iris,
    nanopubs,
    diagnostics: [...warnings, ...built.diagnostics],
    manifest,
    rules,
  };
}

/** The nanopublication options, `created` checked as an ISO 8601 date. */
function nanopubOptions(options: NanopubOptions): NanopubOptions {
  const { created, trusty } = options;
  if (created !== undefined && !isIsoDate(created)) {
    throw new UsageError(
      `--created "${created}" is not an ISO 8601 date`,
      "give a calendar date such as 2026-02-01, or a date-time with its zone such as 2026-02-01T09:30:00Z",
    );
  }
  return { created, trusty };
}

export function build(options: BuildOptions): Built {
  const prepared = prepare(options);
  const { kb, iris } = prepared;
  const nanopubs = new NanopubIris(iris);
  const sections = [
    ...kb.documents.map((doc) => documentQuads(doc, iris, prepared.nanopubs, nanopubs)),
    sharedQuads(sharedData(kb), iris),
    agreementSection(kb, iris, nanopubs, prepared.rules),
  ];
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
  const files = new Map<string, string>();
  const outputs: Record<string, string> = {};
  for (const [format, path] of exportPaths(outDir)) {
    const text = render(built, format);
    files.set(path, text);
    outputs[`kb.${EXTENSIONS[format]}`] = sha256(text);
  }
  files.set(join(outDir, "kb.manifest.json"), manifestText(built.manifest, built.summary, outputs));
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
 * each format's text as it is made; returns the number of quads. The shared and the
 * agreement graph go in slices of at most `sliceQuads` quads (section-slices.ts), the
 * same bytes as whole.
 */
export function streamSections(
  prepared: Prepared,
  formats: readonly Format[],
  emit: (format: Format, text: string) => void,
  onProgress?: (p: Progress) => void,
  sliceQuads: number = SLICE_QUADS,
): number {
  const prefixes = { ...PREFIXES, ...prepared.iris.prefixes() };
  const writers = formats.map((f) => [f, writerFor(f, prefixes)] as const);
  for (const [f, w] of writers) emit(f, w.begin());
  let quads = 0;
  let claims = 0;
  const nanopubs = new NanopubIris(prepared.iris);
  const docs = prepared.kb.documents;
  docs.forEach((doc, i) => {
    const section = documentQuads(doc, prepared.iris, prepared.nanopubs, nanopubs);
    quads += section.length;
    claims += doc.claims.length;
    for (const [f, w] of writers) emit(f, w.section(section));
    onProgress?.({ documents: i + 1, of: docs.length, claims, quads });
  });
  const shared = sharedQuads(sharedData(prepared.kb), prepared.iris);
  quads += shared.length;
  for (const [f, w] of writers) writeSliced(w, shared, (text) => emit(f, text), sliceQuads);
  const { kb, iris, rules } = prepared;
  const agreement = agreementSubjects(kb, iris, nanopubs, rules);
  const each = writers.map(([, w]) => w);
  quads += writeSubjects(
    each,
    agreement,
    (i, text) => emit(formats[i] as Format, text),
    sliceQuads,
  );
  for (const [f, w] of writers) emit(f, w.end());
  return quads;
}

/**
 * Streams the whole build into a new generation folder under `outDir`, then switches the
 * folder's pointer to it (out-layout.ts), holding the folder's lock throughout: the outputs
 * change together or not at all, and a second build into the same folder fails at once.
 */
export function writeBuild(
  prepared: Prepared,
  outDir: string,
  onProgress?: (p: Progress) => void,
): { files: string[]; summary: Summary } {
  const created = !existsSync(outDir);
  const lock = outputStep(outDir, () => {
    mkdirSync(outDir, { recursive: true });
    return acquireLock(outDir);
  });
  let switched = false;
  let placed: string | undefined;
  try {
    outputStep(outDir, () => {
      checkLayout(outDir);
      removeLeftovers(outDir);
    });
    const generation = outputStep(outDir, () => new GenerationWriter(outDir));
    const { summary, written } = writeGeneration(prepared, outDir, generation, onProgress);
    outputStep(outDir, () => {
      placed = written.digest;
      placeGeneration(outDir, generation.dir, written.digest, written.sizes, generation.extras);
      lock.verify();
      switchPointer(outDir, written.digest);
      switched = true;
      fixLinks(outDir);
      removeLeftovers(outDir, written.digest);
    });
    return { files: OUTPUT_NAMES.map((name) => join(outDir, name)), summary };
  } finally {
    // A build that failed before the switch leaves nothing: no generation, no folder it made.
    if (!switched && lock.holds()) {
      if (created) rmSync(outDir, { recursive: true, force: true });
      else if (placed !== undefined) removeUnused(outDir, placed);
    }
    lock.release();
  }
}

/**
 * Streams every output into the new generation, the manifest last, and finishes it; a
 * failure aborts the generation, leaving nothing of it.
 */
function writeGeneration(
  prepared: Prepared,
  outDir: string,
  generation: GenerationWriter,
  onProgress?: (p: Progress) => void,
): { summary: Summary; written: ReturnType<GenerationWriter["finish"]> } {
  try {
    // The readings first: their pieces are freed before the outputs are made.
    if (prepared.readings) {
      const { store, index } = takeStore(prepared.readings);
      outputStep(outDir, () => generation.writeFile(READINGS, store));
      outputStep(outDir, () => generation.writeFile(READINGS_INDEX, index));
    }
    const names = new Map(FORMATS.map((f) => [f, `kb.${EXTENSIONS[f]}` as OutputName]));
    const quads = streamSections(
      prepared,
      FORMATS,
      (f, text) => generation.append(names.get(f) as OutputName, text),
      onProgress,
    );
    const summary = summarize(prepared.kb, quads);
    const outputs = Object.fromEntries(
      [...names.values()].map((name) => [name, outputStep(outDir, () => generation.close(name))]),
    );
    generation.append("kb.manifest.json", manifestText(prepared.manifest, summary, outputs));
    return { summary, written: outputStep(outDir, () => generation.finish()) };
  } catch (error) {
    generation.abort();
    throw error;
  }
}

/** Runs a step that writes to `outDir`, reporting a failing file operation as an OutputError. */
function outputStep<T>(outDir: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof OutputError) throw error;
    const e = error as NodeJS.ErrnoException;
    throw new OutputError(e.path ?? outDir, e.code ?? e.message);
  }
}
