/**
 * The build manifest (`kb.manifest.json` beside the exports): the sha256 of every input
 * the knowledge base was built from — sources, curation tables, lexicon and ontology —
 * and claimgraph's version. `start` rebuilds only when the inputs no longer match.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { VERSION } from "../version.ts";
import { ontologyDir } from "./paths.ts";
import type { Summary } from "./summary.ts";

export interface Manifest {
  readonly generator: string;
  readonly inputs: Readonly<Record<string, string>>;
}

/** What kb.manifest.json holds: the manifest and the summary of the build it describes. */
export interface ManifestFile extends Manifest {
  readonly summary: Summary;
}

export function currentManifest(sources: string, curation: string | undefined): Manifest {
  const inputs: Record<string, string> = {};
  const add = (label: string, dir: string, keep: (name: string) => boolean) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) add(`${label}/${name}`, path, keep);
      else if (keep(name)) inputs[`${label}/${name}`] = sha256(readFileSync(path));
    }
  };
  add(
    "sources",
    sources,
    (n) => n.toLowerCase().endsWith(".md") && n.toLowerCase() !== "readme.md",
  );
  add("curation", curation ?? join(sources, "..", "curation"), (n) => n.endsWith(".tsv"));
  add("ontology", ontologyDir(), (n) => n.endsWith(".tsv") || n.endsWith(".ttl"));
  const sorted = Object.fromEntries(Object.entries(inputs).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  return { generator: `claimgraph ${VERSION}`, inputs: sorted };
}

export function manifestText(manifest: Manifest, summary: Summary): string {
  const file: ManifestFile = { generator: manifest.generator, inputs: manifest.inputs, summary };
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

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
