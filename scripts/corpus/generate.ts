/**
 * Synthetic documents in the seed's template, for benchmarks: `generateCorpus` writes
 * `documents` files `doc-0001-….md` to `outDir`, deterministic from `seed` (the same
 * pair gives byte-identical files; document k does not depend on how many are made).
 * By default a copy of the seed document is written beside them, so the folder builds
 * with graph/curation (whose curated claims quote the seed). Generated at benchmark
 * time, never committed.
 *
 * `unknownShare` (default 0.5) is the chance that a document's drug, condition or adverse
 * effect is drawn from names the lexicon does not know (drugs of classes it lacks, with
 * receptors it lacks): a reader must take them from the template alone. Column headers
 * take every shape of the template whatever the share.
 *
 *   npx tsx scripts/corpus/generate.ts --documents 1000 --seed 42 --out DIR [--unknown-share 0.5] [--no-seed-document]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type GeneratedDocument, generateDocument } from "./document.ts";
import { buildPools } from "./pools.ts";

export interface CorpusOptions {
  /** How many documents to generate (≥ 1). */
  readonly documents: number;
  /** Any integer; the same seed gives the same corpus. */
  readonly seed: number;
  /** Folder to write to; made if missing. Earlier `doc-*.md` files in it are removed. */
  readonly outDir: string;
  /** Also copy graph/sources/desipramine-vs-ssris.md (default true): graph/curation needs it. */
  readonly seedDocument?: boolean;
  /** From 0 to 1: how often a name is drawn from outside the lexicon (default 0.5). */
  readonly unknownShare?: number;
}

export const DEFAULT_UNKNOWN_SHARE = 0.5;

export interface Corpus {
  /** Paths of the files written, generated documents first. */
  readonly files: readonly string[];
  readonly bytes: number;
  /** The generated documents, with the columns each one's tables hold. */
  readonly documents: readonly GeneratedDocument[];
}

export const SEED_DOCUMENT = fileURLToPath(
  new URL("../../graph/sources/desipramine-vs-ssris.md", import.meta.url),
);

/** The documents (name, text and the columns written), without touching the disk. */
export function corpusDocuments(
  documents: number,
  seed: number,
  unknownShare = DEFAULT_UNKNOWN_SHARE,
): GeneratedDocument[] {
  if (!Number.isInteger(documents) || documents < 1)
    throw new RangeError(`generateCorpus: documents must be a positive integer, got ${documents}`);
  if (!Number.isInteger(seed))
    throw new RangeError(`generateCorpus: seed must be an integer, got ${seed}`);
  if (!(unknownShare >= 0 && unknownShare <= 1))
    throw new RangeError(`generateCorpus: unknownShare must be from 0 to 1, got ${unknownShare}`);
  const pools = buildPools(seed);
  const width = Math.max(4, String(documents).length);
  return Array.from({ length: documents }, (_, i) =>
    generateDocument(seed, i, width, pools, unknownShare),
  );
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const docs = corpusDocuments(options.documents, options.seed, options.unknownShare);
  mkdirSync(options.outDir, { recursive: true });
  for (const name of readdirSync(options.outDir)) {
    if (/^doc-\d+-.*\.md$/.test(name)) rmSync(join(options.outDir, name));
  }
  const files: string[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const path = join(options.outDir, doc.name);
    writeFileSync(path, doc.text);
    files.push(path);
    bytes += Buffer.byteLength(doc.text);
  }
  const seedCopy = join(options.outDir, "desipramine-vs-ssris.md");
  if (options.seedDocument ?? true) {
    // Copied as bytes, not with its mode: the seed is read-only, a rerun must overwrite the copy.
    writeFileSync(seedCopy, readFileSync(SEED_DOCUMENT));
    files.push(seedCopy);
  } else if (existsSync(seedCopy)) {
    rmSync(seedCopy);
  }
  return { files, bytes, documents: docs };
}

const USAGE =
  "usage: npx tsx scripts/corpus/generate.ts --documents N --seed S --out DIR [--unknown-share P] [--no-seed-document]";

function main(argv: readonly string[]): void {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      documents: { type: "string" },
      seed: { type: "string", default: "42" },
      out: { type: "string" },
      "unknown-share": { type: "string", default: String(DEFAULT_UNKNOWN_SHARE) },
      "no-seed-document": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const documents = Number(values.documents);
  const seed = Number(values.seed);
  const unknownShare = Number(values["unknown-share"]);
  const share = unknownShare >= 0 && unknownShare <= 1;
  if (
    !values.out ||
    !Number.isInteger(documents) ||
    documents < 1 ||
    !Number.isInteger(seed) ||
    !share
  ) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const corpus = generateCorpus({
    documents,
    seed,
    outDir: values.out,
    seedDocument: !values["no-seed-document"],
    unknownShare,
  });
  process.stdout.write(
    `${JSON.stringify({ documents, seed, unknownShare, out: values.out, files: corpus.files.length, bytes: corpus.bytes })}\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2));
}
