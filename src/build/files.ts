/**
 * The file layer around the pure core: reads a sources folder and its curation
 * folder, and writes outputs atomically (each to a temporary file in the same folder,
 * renamed into place only after every output was written), so a failed build leaves
 * the previous outputs untouched.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import type { CurationRows } from "../curation/claims.ts";
import { CURATED_COLUMNS } from "../curation/claims.ts";
import { type Diagnostic, InputError, OutputError, UsageError } from "../errors.ts";
import { loadLexicon } from "../lexicon/load.ts";
import { readTsv } from "../tsv.ts";
import type { KnowledgeBaseInput, SourceFile } from "./knowledge-base.ts";
import { ontologyDir } from "./paths.ts";

export interface InputPaths {
  readonly sources: string;
  /** Defaults to `curation/` beside the sources folder; a missing folder means no curation. */
  readonly curation?: string | undefined;
  readonly ontology?: string | undefined;
}

/** Largest source document accepted, in bytes. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

export function readInputs(paths: InputPaths): KnowledgeBaseInput {
  const sources = paths.sources;
  if (!existsSync(sources) || !statSync(sources).isDirectory()) {
    throw new UsageError(
      `sources folder "${sources}" does not exist`,
      "pass --sources DIR with a folder of .md documents",
    );
  }
  const names = readdirSync(sources)
    .filter((n) => n.toLowerCase().endsWith(".md") && n.toLowerCase() !== "readme.md")
    .sort();
  if (names.length === 0) {
    throw new UsageError(
      `no .md documents in "${sources}"`,
      "put the evidence documents (Markdown) in the sources folder",
    );
  }
  const diagnostics: Diagnostic[] = [];
  const documents: SourceFile[] = [];
  for (const name of names) {
    const path = join(sources, name);
    const file = displayPath(path);
    const size = statSync(path).size;
    if (size > MAX_DOCUMENT_BYTES) {
      diagnostics.push({
        code: "DocumentTooLarge",
        severity: "error",
        file,
        line: 1,
        column: 1,
        message: `the document has ${size} bytes; the limit is ${MAX_DOCUMENT_BYTES}`,
        hint: "split it into several documents",
      });
      continue;
    }
    documents.push({ file, bytes: readFileSync(path) });
  }
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  const curationDir = paths.curation ?? join(dirname(sources), "curation");
  const lexicon = loadLexicon(paths.ontology ?? ontologyDir());
  return {
    documents,
    lexicon,
    curation: readCuration(join(curationDir, "claims.tsv")),
    works: readOptional(join(curationDir, "works.tsv")),
  };
}

function readOptional(path: string): { file: string; text: string } | undefined {
  return existsSync(path)
    ? { file: displayPath(path), text: readFileSync(path, "utf8") }
    : undefined;
}

function readCuration(path: string): CurationRows {
  const found = readOptional(path);
  if (!found) return { file: displayPath(path), rows: [] };
  const diagnostics: Diagnostic[] = [];
  const rows = readTsv(found.file, found.text, CURATED_COLUMNS, diagnostics);
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return { file: found.file, rows };
}

/** Paths in diagnostics are relative to the working folder when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}

/**
 * Output files written in pieces, all or none: each target is written to a temporary
 * file beside it (appends are buffered); `commit` moves each existing target aside and
 * renames each temporary file into place (rename is atomic on one file system), putting
 * the old targets back if any step fails, so a folder never mixes two builds; `abort`
 * removes the temporary files and leaves the targets as they were.
 */
export class StagedFiles {
  private readonly steps: Array<{
    target: string;
    temp: string;
    backup: string;
    fd: number | undefined;
    pending: string[];
    pendingBytes: number;
  }>;
  private done = false;

  constructor(targets: readonly string[]) {
    const stamp = `${process.pid}-${Date.now()}`;
    this.steps = targets.map((target) => ({
      target,
      temp: join(dirname(target), `.claimgraph-tmp-${stamp}-${basename(target)}`),
      backup: join(dirname(target), `.claimgraph-old-${stamp}-${basename(target)}`),
      fd: undefined,
      pending: [],
      pendingBytes: 0,
    }));
    try {
      for (const step of this.steps) {
        if (existsSync(step.target) && !statSync(step.target).isFile()) {
          throw new OutputError(step.target, "it exists and is not a regular file");
        }
        mkdirSync(dirname(step.target), { recursive: true });
        step.fd = openSync(step.temp, "w");
      }
    } catch (error) {
      this.abort();
      throw asOutputError(error, this.steps.find((s) => s.fd === undefined)?.target ?? "");
    }
  }

  append(target: string, text: string): void {
    const step = this.steps.find((s) => s.target === target);
    if (!step || step.fd === undefined)
      throw new Error(`StagedFiles.append: "${target}" is not staged`);
    step.pending.push(text);
    step.pendingBytes += text.length;
    if (step.pendingBytes > 1 << 22) this.flush(step);
  }

  commit(): void {
    const placed: typeof this.steps = [];
    const moved: typeof this.steps = [];
    let current = "";
    try {
      for (const step of this.steps) {
        current = step.target;
        this.flush(step);
        if (step.fd !== undefined) closeSync(step.fd);
        step.fd = undefined;
      }
      for (const step of this.steps) {
        current = step.target;
        if (existsSync(step.target)) {
          renameSync(step.target, step.backup);
          moved.push(step);
        }
        renameSync(step.temp, step.target);
        placed.push(step);
      }
    } catch (error) {
      for (const step of placed) rmSync(step.target, { force: true });
      for (const step of moved) renameSync(step.backup, step.target);
      this.abort();
      throw asOutputError(error, current);
    }
    for (const step of this.steps) rmSync(step.backup, { force: true });
    this.done = true;
  }

  abort(): void {
    if (this.done) return;
    for (const step of this.steps) {
      if (step.fd !== undefined) closeSync(step.fd);
      step.fd = undefined;
      rmSync(step.temp, { force: true });
    }
    this.done = true;
  }

  private flush(step: (typeof this.steps)[number]): void {
    if (step.fd === undefined || step.pending.length === 0) return;
    writeSync(step.fd, step.pending.join(""));
    step.pending = [];
    step.pendingBytes = 0;
  }
}

function asOutputError(error: unknown, path: string): OutputError {
  if (error instanceof OutputError) return error;
  return new OutputError(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
}
