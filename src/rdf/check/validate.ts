/**
 * Validation of a set of exports: each file re-parses, TriG, N-Quads and JSON-LD hold
 * the same dataset, the Turtle file holds its knowledge view, and the dataset
 * conforms to the SHACL shapes of `ontology/shapes.ttl`. No export's quads are held: each is
 * read quad by quad (`rdf/read/export-stream.ts`) into a digest of its set of quads, and the dataset is
 * validated in batches (`shacl-batches.ts`), so memory grows far slower than the knowledge base.
 */
import type { Quad } from "@rdfjs/types";
import { type ExportReadError, type ExportSource, readQuads } from "../read/export-stream.ts";
import { QuadSetDigest } from "../read/quad-digest.ts";
import { parseErrorMessage } from "../read/read-errors.ts";
import { type Format, turtleTriples } from "../write/serialize.ts";
import type { ShaclReport } from "./shacl.ts";
import { type BatchOptions, validateShaclInBatches } from "./shacl-batches.ts";

export type { ExportSource } from "../read/export-stream.ts";

export interface ExportCheck {
  readonly format: Format;
  readonly file: string;
  readonly quads: number;
  readonly error: string | undefined;
  /** Where the export stops parsing (1-based line, column in code points), when known. */
  readonly line: number | null;
  readonly column: number | null;
}

export interface ValidationReport {
  readonly ok: boolean;
  readonly exports: readonly ExportCheck[];
  /** Disagreements between formats, as sentences. */
  readonly mismatches: readonly string[];
  readonly shacl: ShaclReport | undefined;
}

/** Quads whose Turtle view is taken at once. */
const VIEW_BATCH = 4096;

/** The formats that hold the whole dataset, best first: the first that parses is the reference. */
const DATASET_FORMATS: readonly Format[] = ["trig", "nquads", "jsonld"];

interface Parsed {
  readonly source: ExportSource;
  readonly digest: QuadSetDigest;
  /** The digest of the Turtle view of the dataset, for the reference only. */
  readonly view: QuadSetDigest | undefined;
}

/** How SHACL cuts the dataset into batches (`validateShaclInBatches`). */
export type ValidateOptions = Pick<BatchOptions, "batchQuads" | "onBatch">;

export async function validateExports(
  files: readonly ExportSource[],
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const checks = new Map<ExportSource, ExportCheck>();
  // The digests go once compared; SHACL reads the dataset again.
  const { dataset, mismatches } = await compareExports(files, checks);
  const shacl = dataset
    ? await validateShaclInBatches((onQuad, read) => readQuads(dataset, onQuad, read), options)
    : undefined;
  const exports = files.map((file) => checks.get(file) as ExportCheck);
  const ok =
    exports.every((e) => !e.error) && mismatches.length === 0 && (shacl?.conforms ?? false);
  return { ok, exports, mismatches, shacl };
}

/**
 * Reads every export, noting its check in `checks`, and compares their digests: N-Quads and
 * JSON-LD with the reference (the first of TriG, N-Quads and JSON-LD that parses), Turtle with
 * the reference's Turtle view. Returns the mismatches and the export to validate: N-Quads or
 * else JSON-LD when it holds the very same quads as the reference (they are read a piece at a
 * time, TriG as one text), else the reference, else Turtle.
 */
async function compareExports(
  files: readonly ExportSource[],
  checks: Map<ExportSource, ExportCheck>,
): Promise<{ dataset: ExportSource | undefined; mismatches: string[] }> {
  const parsed = new Map<Format, Parsed>();
  let reference: Parsed | undefined;
  const rank = (format: Format) => (DATASET_FORMATS.indexOf(format) + 4) % 4;
  for (const source of [...files].sort((a, b) => rank(a.format) - rank(b.format))) {
    const withView = DATASET_FORMATS.includes(source.format) && !reference;
    const { check, read } = await readExport(source, withView);
    checks.set(source, check);
    if (!read) continue;
    parsed.set(source.format, read);
    if (read.view) reference = read;
  }
  return compareDigests(parsed, reference);
}

/**
 * One export read quad by quad into the digest of its quads, and with `withView` of their
 * Turtle view too; its check says how many quads it holds or where it stops parsing.
 */
async function readExport(
  source: ExportSource,
  withView: boolean,
): Promise<{ check: ExportCheck; read?: Parsed }> {
  const { format, file } = source;
  const digest = new QuadSetDigest();
  const view = withView ? new QuadSetDigest() : undefined;
  let quads = 0;
  const pending: Quad[] = [];
  // The view keeps or drops each quad on its own, so the views of a few quads at a time
  // make the whole's.
  const flush = () => {
    if (view) for (const triple of turtleTriples(pending)) view.add(triple);
    pending.length = 0;
  };
  try {
    await readQuads(source, (quad) => {
      quads++;
      digest.add(quad);
      if (view && pending.push(quad) === VIEW_BATCH) flush();
    });
    flush();
  } catch (error) {
    const place = (error as ExportReadError).place;
    const message = parseErrorMessage(error as Error);
    const stop = { line: place?.line ?? null, column: place?.column ?? null };
    return { check: { format, file, quads: 0, error: message, ...stop } };
  }
  // JSON-LD may be read in batches whose quads repeat; read whole, it gives each quad once.
  if (format === "jsonld") quads = digest.size;
  const check = { format, file, quads, error: undefined, line: null, column: null };
  return { check, read: { source, digest, view } };
}

/**
 * The mismatches between the exports that parsed, and the export to validate (see
 * `compareExports`); without a reference, only Turtle is left to validate.
 */
function compareDigests(
  parsed: ReadonlyMap<Format, Parsed>,
  reference: Parsed | undefined,
): { dataset: ExportSource | undefined; mismatches: string[] } {
  const mismatches: string[] = [];
  const turtle = parsed.get("turtle");
  if (!reference) return { dataset: turtle?.source, mismatches };
  let dataset: ExportSource | undefined;
  for (const format of ["nquads", "jsonld"] as const) {
    const other = parsed.get(format);
    if (!other) continue;
    if (!reference.digest.equals(other.digest))
      mismatches.push(`${format} does not hold the same quads as TriG`);
    else dataset ??= other.source;
  }
  if (turtle && reference.view && !reference.view.equals(turtle.digest)) {
    mismatches.push("turtle does not hold the knowledge view of the TriG dataset");
  }
  return { dataset: dataset ?? reference.source, mismatches };
}
