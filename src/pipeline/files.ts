/**
 * The file layer around the pure core, on the reading side: which files are the build's
 * inputs (input-files.ts decides which may be read) and reading them within their limits
 * (read-limited.ts), so a link out of the sources folder, a FIFO, a device or a huge file
 * never reaches the parser or the manifest.
 */
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { displayPath } from "../base/display-path.ts";
import { type Diagnostic, InputError, sortDiagnostics, UsageError } from "../base/errors.ts";
import { ontologyDir } from "../base/paths.ts";
import { readTsv } from "../base/tsv.ts";
import type { CurationRows } from "../curation/claims.ts";
import { CURATED_COLUMNS } from "../curation/claims.ts";
import { BIOLINK_MAPPING_FILE } from "../exports/biolink-mapping.ts";
import { loadLexicon } from "../lexicon/load.ts";
import { type Checks, type InputFile, listFolder } from "./input-files.ts";
import type { KnowledgeBaseInput, SourceFile } from "./knowledge-base.ts";
import { type Limit, readLimited } from "./read-limited.ts";

export interface InputPaths {
  readonly sources: string;
  /**
   * Defaults to `curation/` beside the sources folder (`defaultCurationDir`); a missing folder
   * means no curation, and `false` means none is wanted.
   */
  readonly curation?: string | false | undefined;
  readonly ontology?: string | undefined;
  /** A symbolic link that is not followed is an error, not a warning. */
  readonly strict?: boolean | undefined;
  /** Bibliography files (CSL-JSON, BibTeX, RIS) that enrich the works (`--bibliography`). */
  readonly bibliographies?: readonly string[] | undefined;
}

/** Largest source document accepted, in bytes. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

/** Largest curation table or ontology file accepted, in bytes. */
export const MAX_TABLE_BYTES = 64 * 1024 * 1024;

export const DOCUMENT_LIMIT: Limit = {
  bytes: MAX_DOCUMENT_BYTES,
  code: "DocumentTooLarge",
  hint: "split it into several documents",
};

export const TABLE_LIMIT: Limit = {
  bytes: MAX_TABLE_BYTES,
  code: "FileTooLarge",
  hint: "split the table, or check that this is the file meant",
};

/** Every input of a build, checked and cleared for reading; nothing read yet. */
export interface InputListing {
  readonly documents: readonly InputFile[];
  readonly claims: InputFile | undefined;
  readonly works: InputFile | undefined;
  /** Where claims.tsv would be: named in diagnostics when there is none. */
  readonly claimsFile: string;
  readonly ontologyDir: string;
  readonly ontology: readonly InputFile[];
  readonly bibliographies: readonly InputFile[];
  /** Links not followed (warnings; errors under `strict` are thrown instead). */
  readonly warnings: readonly Diagnostic[];
}

const isDocumentName = (n: string) =>
  n.toLowerCase().endsWith(".md") && n.toLowerCase() !== "readme.md";

/** Where the curation of `sources` is looked for when no folder is named: beside it. */
export function defaultCurationDir(sources: string): string {
  return join(dirname(sources), "curation");
}

function curationFolder(paths: InputPaths): string {
  return typeof paths.curation === "string" ? paths.curation : defaultCurationDir(paths.sources);
}

/** Lists and checks every input; throws an `InputError` with every file that may not be read. */
export function listInputs(paths: InputPaths): InputListing {
  const sources = requireFolder(paths.sources);
  const diagnostics: Diagnostic[] = [];
  const checks: Checks = { diagnostics, strict: paths.strict === true, display: displayPath };
  const documents = listFolder(sources, "sources", isDocumentName, false, checks);
  const curationDir = paths.curation === false ? undefined : curationFolder(paths);
  const curation = curationDir
    ? listFolder(
        curationDir,
        "curation",
        (n) => n === "claims.tsv" || n === "works.tsv",
        false,
        checks,
      )
    : [];
  const ontology = paths.ontology ?? ontologyDir();
  const ontologyFiles = listFolder(
    ontology,
    "ontology",
    // The Biolink mapping shapes only `export --format kgx`, never the build: not an input.
    (n) => (n.endsWith(".tsv") || n.endsWith(".ttl")) && n !== BIOLINK_MAPPING_FILE,
    true,
    checks,
  );
  if (diagnostics.some((d) => d.severity === "error")) {
    throw new InputError(sortDiagnostics(diagnostics));
  }
  if (documents.length === 0) {
    const skipped = diagnostics.length > 0 ? ` (${diagnostics.length} skipped)` : "";
    throw new UsageError(
      `no .md documents in "${sources}"${skipped}`,
      "put the evidence documents (Markdown) in the sources folder",
    );
  }
  return {
    documents,
    claims: curation.find((f) => f.key === "curation/claims.tsv"),
    works: curation.find((f) => f.key === "curation/works.tsv"),
    claimsFile: displayPath(join(curationDir ?? defaultCurationDir(sources), "claims.tsv")),
    ontologyDir: ontology,
    ontology: ontologyFiles,
    bibliographies: listBibliographies(paths.bibliographies ?? []),
    warnings: sortDiagnostics(diagnostics),
  };
}

/** The sources folder, which must exist. */
function requireFolder(sources: string): string {
  if (!existsSync(sources) || !statSync(sources).isDirectory()) {
    throw new UsageError(
      `sources folder "${sources}" does not exist`,
      "pass --sources DIR with a folder of .md documents",
    );
  }
  return sources;
}

/** What the build reads, and the bytes of each file read (the manifest hashes those). */
export interface ReadInputs {
  readonly input: KnowledgeBaseInput;
  readonly bytes: ReadonlyMap<string, Uint8Array>;
}

export function readInputs(listing: InputListing): ReadInputs {
  const diagnostics: Diagnostic[] = [];
  const bytes = new Map<string, Uint8Array>();
  const read = (file: InputFile, limit: Limit) => {
    const found = readLimited(file, limit, diagnostics);
    if (found) bytes.set(file.key, found);
    return found;
  };
  const documents: SourceFile[] = [];
  for (const file of listing.documents) {
    const found = read(file, DOCUMENT_LIMIT);
    if (found) documents.push({ file: file.file, bytes: found });
  }
  const text = (file: InputFile | undefined) => {
    const found = file && read(file, TABLE_LIMIT);
    return file && found ? { file: file.file, text: found.toString("utf8") } : undefined;
  };
  const claims = text(listing.claims);
  const works = text(listing.works);
  const bibliographies = listing.bibliographies.flatMap((f) => text(f) ?? []);
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));
  return {
    input: {
      documents,
      lexicon: loadLexicon(listing.ontologyDir),
      curation: readCuration(claims, listing.claimsFile),
      works,
      bibliographies,
    },
    bytes,
  };
}

/** The bibliography files named on the command line: each a readable file, base names distinct. */
function listBibliographies(paths: readonly string[]): InputFile[] {
  const names = new Set<string>();
  return paths.map((path) => {
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new UsageError(
        `bibliography "${path}" is not a file`,
        "pass --bibliography FILE with a CSL-JSON, BibTeX or RIS export of a reference manager",
      );
    }
    const name = basename(path);
    if (names.has(name)) {
      throw new UsageError(
        `two bibliographies are named "${name}"`,
        "the knowledge base names each by its file name: rename one",
      );
    }
    names.add(name);
    return { key: `bibliography/${name}`, file: displayPath(path), path };
  });
}

function readCuration(
  found: { file: string; text: string } | undefined,
  file: string,
): CurationRows {
  if (!found) return { file, rows: [] };
  const diagnostics: Diagnostic[] = [];
  const rows = readTsv(found.file, found.text, CURATED_COLUMNS, diagnostics);
  if (diagnostics.length > 0) throw new InputError(diagnostics);
  return { file: found.file, rows };
}
