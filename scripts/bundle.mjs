// Bundles the command line into dist/ with esbuild: one file to load instead of
// hundreds, so `claimgraph trace` starts fast. Modules a command imports lazily
// (SHACL, JSON-LD, the SPARQL store, the build pipeline) become chunks of their own and
// are loaded only when that command runs. Type checking is `tsc --noEmit` (npm test).
// `esbuildOptions` is shared with the benchmark's probes, so they load code as the CLI does.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/** The esbuild settings of the CLI bundle (entry points and output folder excluded). */
export const esbuildOptions = {
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  // oxigraph loads its WebAssembly from its own folder; jsonld and rdf-validate-shacl are
  // large and only `validate` needs them: all three stay in node_modules.
  external: ["oxigraph", "jsonld", "rdf-validate-shacl"],
  // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __cgRequire } from 'node:module'; const require = __cgRequire(import.meta.url);",
  },
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
};

async function bundleCli() {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const outdir = join(root, "dist");
  // Only the bundle's own outputs are replaced: dist/viewer belongs to the viewer build.
  rmSync(join(outdir, "main.js"), { force: true });
  rmSync(join(outdir, "chunks"), { recursive: true, force: true });
  // A hash of the sources: the snapshot cache (src/graph/open.ts) keys on it, so a graph
  // built by an older claimgraph is never read by a newer one.
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(`${path.slice(root.length)}\0`).update(readFileSync(path));
    }
  };
  walk(join(root, "src"));
  await build({
    ...esbuildOptions,
    entryPoints: [join(root, "src/cli/main.ts")],
    outdir,
    define: { CLAIMGRAPH_BUILD_ID: JSON.stringify(hash.digest("hex").slice(0, 16)) },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli();
