// Which modules a command loads, and what is inside them. esbuild marks where each
// bundled file starts with a "// node_modules/<package>/…" or "// src/…" comment, so the
// loaded chunks tell which packages and which of claimgraph's sources a command pulled in.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Packages and sources that must stay off the `trace` path (with a warm snapshot). */
export const HEAVY = [
  { pattern: /^n3$/, why: "the RDF parser" },
  { pattern: /^oxigraph$/, why: "the SPARQL engine" },
  { pattern: /^jsonld$/, why: "JSON-LD" },
  { pattern: /^rdf-validate-shacl$/, why: "SHACL validation" },
  { pattern: /^src\/query\//, why: "the SPARQL query command" },
  { pattern: /^src\/server\//, why: "the server" },
  { pattern: /^src\/pipeline\//, why: "the build pipeline" },
];

export function loadedModules(command, cwd) {
  const dir = mkdtempSync(join(tmpdir(), "claimgraph-bench-modules-"));
  const log = join(dir, "modules.log");
  try {
    const child = spawnSync(
      command.file,
      ["--import", "./scripts/bench/module-log.mjs", ...command.args],
      {
        cwd,
        env: { ...command.env, CLAIMGRAPH_BENCH_MODULE_LOG: log },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    if (child.status !== 0) throw new Error(`bench: module check failed:\n${child.stderr}`);
    const urls = [...new Set(readFileSync(log, "utf8").split("\n").filter(Boolean))];
    const files = urls.filter((u) => u.startsWith("file:")).map((u) => fileURLToPath(u));
    const contents = new Set();
    let bytes = 0;
    for (const file of files) {
      bytes += statSync(file).size;
      const rel = file.slice(cwd.length + 1);
      const inNodeModules = rel.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
      if (inNodeModules && !rel.startsWith("node_modules/.cache/")) contents.add(inNodeModules[1]);
      for (const m of readFileSync(file, "utf8").matchAll(
        /^\/\/ (node_modules\/\S+|src\/\S+)$/gm,
      )) {
        const path = m[1];
        const pkg = path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
        contents.add(pkg ? pkg[1] : path);
      }
    }
    const heavy = [...contents].flatMap((name) =>
      HEAVY.filter((h) => h.pattern.test(name)).map((h) => ({ name, why: h.why })),
    );
    return {
      files: files.map((f) => f.slice(cwd.length + 1)),
      builtins: urls.filter((u) => u.startsWith("node:")),
      bytes,
      packages: [...contents].filter((c) => !c.startsWith("src/")).sort(),
      sources: [...contents].filter((c) => c.startsWith("src/")).sort(),
      heavy,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
