/**
 * The build manifest (`kb.manifest.json` beside the exports): the sha256 of every input
 * the knowledge base was built from — sources, curation tables, lexicon and ontology —
 * and claimgraph's version. `start` rebuilds only when the inputs no longer match.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, InputError, sortDiagnostics } from "../base/errors.ts";
import { VERSION } from "../base/version.ts";
import { DOCUMENT_LIMIT, type InputListing, listInputs, TABLE_LIMIT } from "./files.ts";
import { hashLimited } from "./read-limited.ts";
import type { Summary } from "./summary.ts";

export interface Manifest {
  readonly generator: string;
  readonly inputs: Readonly<Record<string, string>>;
}

/**
 * What kb.manifest.json holds: the manifest, the summary of the build it describes and the
 * sha256 of each export written with it (so a reader can tell they belong together).
 */
export interface ManifestFile extends Manifest {
  readonly summary: Summary;
  readonly outputs?: Readonly<Record<string, string>>;
}

/**
 * The manifest of `listing`'s files: the sha256 of the bytes the build read (`read`, by
 * manifest key), and of the others read in chunks, each within its limit.
 */
export function manifestOf(
  listing: InputListing,
  read: ReadonlyMap<string, Uint8Array> = new Map(),
): Manifest {
  const diagnostics: Diagnostic[] = [];
  const inputs: Record<string, string> = {};
  const tables = [listing.claims, listing.works, ...listing.ontology, ...listing.bibliographies];
  for (const [files, limit] of [
    [listing.documents, DOCUMENT_LIMIT],
    [tables, TABLE_LIMIT],
  ] as const) {
    for (const file of files) {
      if (!file) continue;
      const bytes = read.get(file.key);
      const sha = bytes ? sha256(bytes) : hashLimited(file, limit, diagnostics);
      if (sha) inputs[file.key] = sha;
    }
  }
  if (diagnostics.length > 0) throw new InputError(sortDiagnostics(diagnostics));
  const sorted = Object.fromEntries(Object.entries(inputs).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return { generator: `claimgraph ${VERSION}`, inputs: sorted };
}

/** The manifest of the inputs a build of `sources` would read now. */
export function currentManifest(sources: string, curation: string | undefined): Manifest {
  return manifestOf(listInputs({ sources, curation }));
}

export function manifestText(
  manifest: Manifest,
  summary: Summary,
  outputs: Readonly<Record<string, string>>,
): string {
  const sorted = Object.fromEntries(Object.entries(outputs).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  const file: ManifestFile = {
    generator: manifest.generator,
    inputs: manifest.inputs,
    summary,
    outputs: sorted,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The manifest of the build in `outDir`, when it was built from exactly these inputs. */
export function upToDate(
  outDir: string,
  manifest: Manifest,
  files: readonly string[],
): ManifestFile | undefined {
  const path = join(outDir, "kb.manifest.json");
  if (!existsSync(path) || files.some((f) => !existsSync(f))) return undefined;
  try {
    const found = JSON.parse(readFileSync(path, "utf8")) as ManifestFile;
    const same =
      found.generator === manifest.generator &&
      JSON.stringify(found.inputs) === JSON.stringify(manifest.inputs);
    return same && found.summary ? found : undefined;
  } catch {
    return undefined;
  }
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
