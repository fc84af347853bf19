/**
 * The file layer around the pure core: reads a sources folder and its curation
 * folder, and writes outputs atomically (each to a temporary file in the same folder,
 * renamed into place only after every output was written), so a failed build leaves
 * the previous outputs untouched.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
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
 * Writes every file, or none. All contents go to temporary files beside their targets
 * first; then each existing target is moved aside and each temporary file renamed into
 * place (rename is atomic on one file system). If any step fails, the targets already
 * replaced are put back, so the folder never mixes two builds.
 */
export function writeFilesAtomically(files: ReadonlyMap<string, string>): void {
  const stamp = `${process.pid}-${Date.now()}`;
  const plan = [...files].map(([target, content]) => ({
    target,
    content,
    temp: join(dirname(target), `.claimgraph-tmp-${stamp}-${basename(target)}`),
    backup: join(dirname(target), `.claimgraph-old-${stamp}-${basename(target)}`),
    hadOld: false,
    placed: false,
  }));
  let current = "";
  try {
    for (const step of plan) {
      current = step.target;
      if (existsSync(step.target) && !statSync(step.target).isFile()) {
        throw new OutputError(step.target, "it exists and is not a regular file");
      }
      mkdirSync(dirname(step.target), { recursive: true });
      writeFileSync(step.temp, step.content);
    }
    for (const step of plan) {
      current = step.target;
      if (existsSync(step.target)) {
        renameSync(step.target, step.backup);
        step.hadOld = true;
      }
      renameSync(step.temp, step.target);
      step.placed = true;
    }
  } catch (error) {
    for (const step of plan) {
      if (step.placed) rmSync(step.target, { force: true });
      if (step.hadOld) renameSync(step.backup, step.target);
    }
    if (error instanceof OutputError) throw error;
    throw new OutputError(
      current,
      (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    );
  } finally {
    for (const step of plan) {
      rmSync(step.temp, { force: true });
      rmSync(step.backup, { force: true });
    }
  }
}
