/**
 * The key of one document's reading (incremental builds, #16.1): the sha256 of everything
 * `readDocument` reads — the document's path and bytes, the curated rows naming its id (with
 * their lines, as its diagnostics cite them), the lexicon's files — and of the code that reads
 * them (claimgraph's version and, in the CLI bundle, the bundle's own digest). A stored reading
 * whose key is not the document's key now is never used.
 */
import { createHash } from "node:crypto";
import { documentIdFromFile } from "../base/slug.ts";
import { VERSION } from "../base/version.ts";
import type { CurationRows } from "../curation/claims.ts";
import type { SourceFile } from "./document-reading.ts";
import type { Manifest } from "./manifest.ts";

declare const CLAIMGRAPH_BUILD_ID: string | undefined;
/** The bundle's digest (scripts/bundle.mjs), or "source" when run from the sources. */
const BUILD = typeof CLAIMGRAPH_BUILD_ID === "string" ? CLAIMGRAPH_BUILD_ID : "source";

/** Bumped whenever what a stored reading holds, or how it is written, changes. */
export const READINGS_FORMAT = 2;

/** The code's part of every key. */
export function codeKey(): string {
  return `claimgraph ${VERSION} ${BUILD} readings ${READINGS_FORMAT}`;
}

/** The sha256 of the lexicon's files (every `ontology/` input of the manifest). */
export function lexiconKey(manifest: Manifest): string {
  const lines = Object.entries(manifest.inputs)
    .filter(([key]) => key.startsWith("ontology/"))
    .map(([key, sha]) => `${key} ${sha}\n`);
  return createHash("sha256").update(lines.join("")).digest("hex");
}

/** Each document's key, in the order of `documents`. */
export function readingKeys(
  documents: readonly SourceFile[],
  curation: CurationRows,
  manifest: Manifest,
): string[] {
  const byDocument = new Map<string, string[]>();
  for (const row of curation.rows) {
    const id = row.fields.document ?? "";
    const rows = byDocument.get(id) ?? [];
    rows.push(JSON.stringify(row));
    byDocument.set(id, rows);
  }
  const shared = `${codeKey()}\n${lexiconKey(manifest)}\n${curation.file}\n`;
  return documents.map((source) => {
    const rows = byDocument.get(documentIdFromFile(source.file)) ?? [];
    return createHash("sha256")
      .update(shared)
      .update(`${source.file}\n${rows.length}\n${rows.join("\n")}\n`)
      .update(source.bytes)
      .digest("hex");
  });
}
