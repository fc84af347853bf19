/**
 * The documents fidelity is measured on, and their builds through the pure core: each
 * corpus document alone (no curation: what claimgraph reads by itself), and the seed
 * with and without `graph/curation`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type Diagnostic, InputError } from "../../src/base/errors.ts";
import { ontologyDir, packageRoot } from "../../src/base/paths.ts";
import { readTsv } from "../../src/base/tsv.ts";
import type { KnowledgeBase } from "../../src/claims/types.ts";
import { CURATED_COLUMNS } from "../../src/curation/claims.ts";
import { type LoadedLexicon, loadLexicon } from "../../src/lexicon/load.ts";
import { buildKnowledgeBase, type KnowledgeBaseInput } from "../../src/pipeline/knowledge-base.ts";
import { type GoldFile, parseGold } from "./gold.ts";

export const ROOT = packageRoot();
export const CORPUS_DIR = join(ROOT, "tests", "fixtures", "corpus");
export const SEED_ID = "desipramine-vs-ssris";
export const SEED_FILE = join(ROOT, "graph", "sources", `${SEED_ID}.md`);
const CURATION_DIR = join(ROOT, "graph", "curation");

export interface CorpusDocument {
  readonly id: string;
  /** Absolute path of the document. */
  readonly path: string;
  /** Absolute path of its gold file. */
  readonly goldPath: string;
}

/** The corpus documents, sorted (the seed is `seedDocument`). */
export function corpusDocuments(dir = CORPUS_DIR): CorpusDocument[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".md") && n.toLowerCase() !== "readme.md")
    .sort()
    .map((n) => {
      const id = n.slice(0, -3);
      return { id, path: join(dir, n), goldPath: join(dir, `${id}.gold.tsv`) };
    });
}

export function seedDocument(dir = CORPUS_DIR): CorpusDocument {
  return { id: SEED_ID, path: SEED_FILE, goldPath: join(dir, `${SEED_ID}.gold.tsv`) };
}

export function readGold(doc: CorpusDocument): GoldFile {
  if (!existsSync(doc.goldPath))
    return {
      rows: [],
      rowLines: [],
      problems: [{ file: shown(doc.goldPath), line: 1, message: "no gold file" }],
    };
  return parseGold(
    shown(doc.path),
    doc.id,
    readFileSync(doc.goldPath, "utf8"),
    shown(doc.goldPath),
  );
}

export interface Built {
  readonly kb: KnowledgeBase | undefined;
  /** Errors and warnings of the build. */
  readonly diagnostics: readonly Diagnostic[];
}

let lexicon: LoadedLexicon | undefined;

/** Builds one document, with graph/curation or without any. Never throws for a bad document. */
export function buildDocument(doc: CorpusDocument, curated: boolean): Built {
  lexicon ??= loadLexicon(ontologyDir());
  const input: KnowledgeBaseInput = {
    documents: [{ file: shown(doc.path), bytes: readFileSync(doc.path) }],
    lexicon,
    curation: curated ? curation() : { file: "(none)", rows: [] },
    works: curated ? readText(join(CURATION_DIR, "works.tsv")) : undefined,
  };
  try {
    const { kb, diagnostics } = buildKnowledgeBase(input);
    return { kb, diagnostics };
  } catch (error) {
    if (error instanceof InputError) return { kb: undefined, diagnostics: error.diagnostics };
    throw error;
  }
}

function curation(): KnowledgeBaseInput["curation"] {
  const found = readText(join(CURATION_DIR, "claims.tsv"));
  const diagnostics: Diagnostic[] = [];
  const rows = found ? readTsv(found.file, found.text, CURATED_COLUMNS, diagnostics) : [];
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return { file: found?.file ?? "(none)", rows };
}

function readText(path: string): { file: string; text: string } | undefined {
  return existsSync(path) ? { file: shown(path), text: readFileSync(path, "utf8") } : undefined;
}

/** Paths relative to the package root, as listings show them. */
export function shown(path: string): string {
  return relative(ROOT, path);
}
