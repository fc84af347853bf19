// Bundles the command line into dist/ with esbuild: one file to load instead of
// hundreds, so `claimgraph trace` starts fast. Modules a command imports lazily
// (SHACL, JSON-LD, the SPARQL store, the build pipeline) become chunks of their own and
// are loaded only when that command runs. The build's extraction worker (`build --jobs N`) is
// a second entry, dist/extract-worker.js. Type checking is `tsc --noEmit` (npm test).
// `esbuildOptions` is shared with the benchmark's probes, so they load code as the CLI does.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/**
 * n3's own files for the names a module may import from n3 without the rest of it. n3's index
 * also exports its store, writer and stream classes, which load readable-stream and its
 * polyfills; with code splitting, esbuild puts every module the index names into the chunk of
 * whoever imports n3, so reading a knowledge base (the parser, DataFactory) loaded 400 KB of
 * JavaScript it never ran. A module that imports only these names from n3 gets them from
 * their own files, the very modules n3's index re-exports (so a term is the same class).
 */
const N3_FILES = { Parser: "N3Parser.js", DataFactory: "N3DataFactory.js" };

/** The names imported by `import { … } from "n3"` in `source` (types left out), or undefined. */
function n3Names(source) {
  const names = [];
  for (const line of source.match(/^import[^;]*?from\s*["']n3["'];?$/gm) ?? []) {
    const list = /^import\s*\{([^}]*)\}\s*from/.exec(line);
    if (!list) return undefined;
    for (const name of list[1].split(",").map((n) => n.trim())) {
      if (name !== "" && !name.startsWith("type ")) names.push(name);
    }
  }
  return names;
}

const n3Parts = {
  name: "n3-parts",
  setup(build) {
    build.onResolve({ filter: /^n3$/ }, (args) => {
      const names = n3Names(readFileSync(args.importer, "utf8"));
      if (!names || names.length === 0 || !names.every((n) => Object.hasOwn(N3_FILES, n))) {
        return undefined;
      }
      return { path: [...new Set(names)].sort().join(","), namespace: "n3-parts" };
    });
    build.onLoad({ filter: /.*/, namespace: "n3-parts" }, (args) => ({
      contents: args.path
        .split(",")
        .map((name) => `export { default as ${name} } from "n3/src/${N3_FILES[name]}";`)
        .join("\n"),
      resolveDir: dirname(fileURLToPath(import.meta.url)),
    }));
  },
};

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
  plugins: [n3Parts],
};

async function bundleCli() {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const outdir = join(root, "dist");
  // Only the bundle's own outputs are replaced: dist/viewer belongs to the viewer build.
  rmSync(join(outdir, "main.js"), { force: true });
  rmSync(join(outdir, "extract-worker.js"), { force: true });
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
    // The build's extraction worker is an entry of its own (a worker thread starts from a file),
    // beside main.js, sharing its chunks: src/pipeline/extract-pool.ts finds it there.
    entryPoints: {
      main: join(root, "src/cli/main.ts"),
      "extract-worker": join(root, "src/pipeline/extract-worker.ts"),
    },
    outdir,
    define: { CLAIMGRAPH_BUILD_ID: JSON.stringify(hash.digest("hex").slice(0, 16)) },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli();
